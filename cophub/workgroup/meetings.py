"""The papers of a meeting's cycle, generated from its records: the convening letter and call
for contributions, the agenda (draft, then adopted) and the list of participants.

Each is written in the six languages, as PDF (WeasyPrint) for registration as a numbered
document, and the list of participants also as DOCX (python-docx, right to left in Arabic), as
the reports to Council are (reports.py).
"""

import functools
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cophub.core import i18n, wordprocessing
from cophub.core.templatetags.cophub import translated

from . import selectors
from .models import Meeting


@dataclass
class MeetingPaper:
    """One generated paper of a meeting, in the active language."""

    meeting: Meeting
    stem: str  # call, agenda, participants
    title: str
    language: str
    paragraphs: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def direction(self) -> str:
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"

    @property
    def filename(self) -> str:
        return f"{self.meeting.code}-{self.stem}-{self.language}"


def _where(meeting: Meeting) -> str:
    if not meeting.place:
        return _("online")
    if meeting.online:
        return _("%(place)s and online") % {"place": meeting.place}
    return meeting.place


def _agenda_rows(meeting: Meeting) -> list[list[str]]:
    return [[item.number, translated(item, "title")] for item in meeting.agenda_items.all()]


def call_for_contributions(meeting: Meeting, base_url: str) -> MeetingPaper:
    submit_url = base_url + reverse("workgroup:submit") + f"?meeting={meeting.code}"
    dates = {
        "meeting": meeting.code,
        "group": translated(meeting.group, "name"),
        "start": i18n.format_date(meeting.starts_on),
        "end": i18n.format_date(meeting.ends_on),
        "where": _where(meeting),
        "time_zone": meeting.time_zone,
        "deadline": i18n.format_date(meeting.contribution_deadline),
    }
    return MeetingPaper(
        meeting=meeting,
        stem="call",
        title=_("Convening letter and call for contributions: %(meeting)s") % dates,
        language=translation.get_language(),
        paragraphs=[
            _(
                "The secretariat convenes meeting %(meeting)s of the %(group)s, from %(start)s "
                "to %(end)s, %(where)s (times in %(time_zone)s)."
            )
            % dates,
            _(
                "Member States, Sector Members and stakeholders are invited to submit "
                "contributions by %(deadline)s. A contribution received after this date is "
                "accepted only as late, and registered only if the secretariat accepts it."
            )
            % dates,
            _("Submit contributions at %(url)s") % {"url": submit_url},
            _("Draft agenda"),
        ],
        headers=[_("Item"), _("Title")],
        rows=_agenda_rows(meeting),
    )


def agenda(meeting: Meeting, *, adopted: bool) -> MeetingPaper:
    names = {"meeting": meeting.code}
    return MeetingPaper(
        meeting=meeting,
        stem="agenda",
        title=(_("Agenda: %(meeting)s") if adopted else _("Draft agenda: %(meeting)s")) % names,
        language=translation.get_language(),
        paragraphs=[
            _("Adopted by the meeting on %(date)s.") % {"date": i18n.format_date(meeting.starts_on)}
            if adopted
            else _("To be adopted at the opening of the meeting.")
        ],
        headers=[_("Item"), _("Title")],
        rows=_agenda_rows(meeting),
    )


def participants(meeting: Meeting) -> MeetingPaper:
    registrations = list(selectors.participants(meeting))
    return MeetingPaper(
        meeting=meeting,
        stem="participants",
        title=_("List of participants: %(meeting)s") % {"meeting": meeting.code},
        language=translation.get_language(),
        paragraphs=[
            ngettext(
                "%(count)s participant registered.",
                "%(count)s participants registered.",
                len(registrations),
            )
            % {"count": i18n.format_number(len(registrations))}
        ],
        headers=[_("Name"), _("Member State or organisation"), _("Role"), _("Attendance")],
        rows=[
            [
                registration.name,
                selectors.represented(registration),
                registration.get_role_display(),
                registration.get_attendance_display(),
            ]
            for registration in registrations
        ],
    )


def to_pdf(paper: MeetingPaper) -> bytes:
    from weasyprint import HTML

    html = render_to_string("workgroup/meeting_print.html", {"paper": paper})
    return HTML(string=html).write_pdf()


def to_docx(paper: MeetingPaper) -> bytes:
    import docx

    rtl = paper.direction == "rtl"
    bidi = functools.partial(wordprocessing.bidi, rtl=rtl)

    document = docx.Document()
    document.core_properties.title = paper.title
    document.core_properties.language = paper.language
    bidi(document.add_heading(paper.title, level=0))
    for text in paper.paragraphs:
        bidi(document.add_paragraph(text))
    table = document.add_table(rows=1, cols=len(paper.headers))
    table.style = "Table Grid"
    wordprocessing.bidi_table(table, rtl)
    for cell, header in zip(table.rows[0].cells, paper.headers, strict=True):
        cell.text = header
    for row in paper.rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def in_six_languages(build, done=None) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    """(titles, files) of a paper built by `build()` in each language, as PDF; English first,
    the language a generated document is registered in. `done(count)` is told after each."""
    titles, files = {}, {}
    for count, language in enumerate(
        ("en", *[code for code in i18n.LANGUAGE_CODES if code != "en"]), start=1
    ):
        with translation.override(language):
            paper = build()
            titles[language] = paper.title
            files[language] = (f"{paper.filename}.pdf", to_pdf(paper))
        if done is not None:
            done(count)
    return titles, files
