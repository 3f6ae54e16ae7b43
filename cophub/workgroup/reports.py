"""The working group's reports to Council, built from the data (Council Resolution 1306).

The yearly report covers a calendar year; the draft final report everything since the first
meeting. Both are made of the sections every module registers with `cophub.core.reporting`
(the working group's own among them, registered in apps.py), then go through the mandate
paragraph by paragraph with what each module's tagged records show was done.
"""

import datetime
import functools
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cophub.core import i18n, mandate, reporting, wordprocessing
from cophub.core import selectors as core_selectors
from cophub.core.errors import DomainError
from cophub.core.reporting import ReportParagraph, ReportSection, ReportTable

from . import selectors
from .models import Document, DocumentType, Meeting, ReportEdition, ReportKind, ReportPart

MAIN_GROUP = "CWG-COP"

# The paragraph of the mandate each report answers.
MANDATE_OF = {
    ReportKind.ANNUAL: "R1306/RES/1.3",
    ReportKind.FINAL: "R1306/RES/6",
    ReportKind.SG_PP: "R179/SG/6",
    ReportKind.BDT_67: "R179/BDT/1",
    ReportKind.UN_SG: "R179/SG/5",
}

# The parts the secretariat writes, in the order the report prints them; the final report adds
# the proposals the group makes for continued consideration (Resolution 1306 §6).
PARTS_OF = {
    kind: [ReportPart.INTRODUCTION, ReportPart.WORK, ReportPart.CONCLUSIONS]
    for kind in ReportKind.values
} | {
    ReportKind.FINAL: [
        ReportPart.INTRODUCTION,
        ReportPart.WORK,
        ReportPart.PROPOSALS,
        ReportPart.CONCLUSIONS,
    ]
}

# The Plenipotentiary Conference meets every four years: the Secretary-General's progress report
# covers the four years up to the Conference's.
PLENIPOTENTIARY_CYCLE_YEARS = 4


@dataclass
class BuiltSection:
    title: str
    blocks: list


@dataclass
class MandateEntry:
    code: str
    title: str
    works: list  # (label, [MandateWork])


@dataclass
class Report:
    kind: str
    year: int | None
    title: str
    start: datetime.date
    end: datetime.date
    language: str
    sections: list[BuiltSection] = field(default_factory=list)
    mandate: list[MandateEntry] = field(default_factory=list)
    # The secretariat's words: (part label, text in the report's language or "").
    texts: list[tuple[str, str]] = field(default_factory=list)
    council_number: str = ""
    serves: str = ""  # the mandate paragraph the report answers, e.g. R1306/RES/1.3

    @property
    def filename(self) -> str:
        stem = {"annual": f"annual-report-{self.year}", "final": "final-report"}.get(
            self.kind, f"{self.kind}-report-{self.year}"
        )
        return f"{stem}-{self.language}"

    @property
    def direction(self) -> str:
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"


def period(kind: str, year: int | None) -> tuple[datetime.date, datetime.date]:
    if kind == ReportKind.FINAL:
        first = (
            Meeting.objects.filter(group__code=MAIN_GROUP)
            .order_by("starts_on")
            .values_list("starts_on", flat=True)
            .first()
        )
        return first or timezone.localdate(), timezone.localdate()
    assert year is not None
    if kind == ReportKind.SG_PP:
        return datetime.date(year - PLENIPOTENTIARY_CYCLE_YEARS + 1, 1, 1), datetime.date(
            year, 12, 31
        )
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def report_title(kind: str, year: int | None) -> str:
    titles = {
        ReportKind.ANNUAL: _(
            "Report of the Council Working Group on Child Online Protection for %(year)s"
        ),
        ReportKind.FINAL: _(
            "Draft final report of the Council Working Group on Child Online Protection"
        ),
        ReportKind.SG_PP: _(
            "Report of the Secretary-General on the implementation of Resolution 179, "
            "to the Plenipotentiary Conference of %(year)s"
        ),
        ReportKind.BDT_67: _(
            "Report of the Telecommunication Development Bureau on WTDC Resolution 67 for %(year)s"
        ),
        ReportKind.UN_SG: _(
            "Child online protection at ITU in %(year)s: information for the Secretary-General "
            "of the United Nations"
        ),
    }
    return titles[kind] % {"year": year}


def report_years() -> list[int]:
    """The years with a meeting, up to this one: a year not yet begun has nothing to report."""
    years = set(
        Meeting.objects.filter(starts_on__year__lte=timezone.localdate().year)
        .dates("starts_on", "year")
        .values_list("starts_on__year", flat=True)
    )
    return sorted(years, reverse=True)


def edition_of(kind: str, year: int | None) -> ReportEdition | None:
    return (
        ReportEdition.objects.select_related("document")
        .prefetch_related("texts")
        .filter(kind=kind, year=year or 0)
        .first()
    )


def build(*, kind: str, year: int | None = None) -> Report:
    if kind not in ReportKind.values or (kind != ReportKind.FINAL and year is None):
        raise Http404
    start, end = period(kind, year)
    language = translation.get_language() or settings.LANGUAGE_CODE
    title = report_title(kind, year)
    report = Report(kind=kind, year=year, title=title, start=start, end=end, language=language)
    report.serves = MANDATE_OF[kind]
    edition = edition_of(kind, year)
    written = {}
    if edition is not None:
        report.council_number = edition.council_number
        written = {t.part: t.text for t in edition.texts.all() if t.language == language}
    report.texts = [(str(ReportPart(part).label), written.get(part, "")) for part in PARTS_OF[kind]]
    for section in reporting.sections():
        report.sections.append(BuiltSection(str(section.title), list(section.blocks(start, end))))
    for paragraph in core_selectors.mandate_paragraphs():
        works = []
        for provider, records in mandate.work_serving(paragraph):
            in_period = [r for r in records if r.date is None or start <= _as_date(r.date) <= end]
            if in_period:
                works.append((str(provider.label), in_period))
        report.mandate.append(
            MandateEntry(paragraph.code, i18n.translated_value(paragraph, "title").text, works)
        )
    return report


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def format_cell(value) -> str:
    if isinstance(value, datetime.date | datetime.datetime):
        return i18n.format_date(value, "medium")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return i18n.format_number(value)
    return str(value)


def formatted(report: Report) -> list[dict]:
    """The sections with every table cell formatted in the report's language."""
    sections = []
    for section in report.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, ReportTable):
                blocks.append(
                    {
                        "table": True,
                        "caption": str(block.caption),
                        "headers": [str(h) for h in block.headers],
                        "rows": [[format_cell(cell) for cell in row] for row in block.rows],
                    }
                )
            else:
                blocks.append({"table": False, "text": str(block.text)})
        sections.append({"title": section.title, "blocks": blocks})
    return sections


def to_html(report: Report) -> str:
    return render_to_string(
        "workgroup/report_print.html",
        {"report": report, "sections": formatted(report)},
    )


def to_pdf(report: Report, request=None) -> bytes:
    from weasyprint import HTML

    return HTML(string=to_html(report)).write_pdf()


def to_docx(report: Report) -> bytes:
    import docx

    rtl = report.direction == "rtl"
    bidi = functools.partial(wordprocessing.bidi, rtl=rtl)

    document = docx.Document()
    document.core_properties.title = report.title
    document.core_properties.language = report.language
    bidi(document.add_heading(report.title, level=0))
    bidi(document.add_paragraph(_period_sentence(report)))
    if report.council_number:
        bidi(
            document.add_paragraph(
                _("Council document %(number)s") % {"number": report.council_number}
            )
        )
    for label, text in report.texts:
        if text:
            bidi(document.add_heading(label, level=1))
            for paragraph in text.split("\n\n"):
                bidi(document.add_paragraph(paragraph.strip()))
    for section in formatted(report):
        bidi(document.add_heading(section["title"], level=1))
        for block in section["blocks"]:
            if not block["table"]:
                bidi(document.add_paragraph(block["text"]))
                continue
            bidi(document.add_paragraph(block["caption"], style="Caption"))
            table = document.add_table(rows=1, cols=len(block["headers"]))
            table.style = "Table Grid"
            wordprocessing.bidi_table(table, rtl)
            for cell, header in zip(table.rows[0].cells, block["headers"], strict=True):
                cell.text = header
                cell.paragraphs[0].runs[0].bold = True
            for row in block["rows"]:
                for cell, value in zip(table.add_row().cells, row, strict=False):
                    cell.text = value
    bidi(document.add_heading(_("The mandate, paragraph by paragraph"), level=1))
    for entry in report.mandate:
        bidi(document.add_heading(f"{entry.code} {entry.title}", level=2))
        if not entry.works:
            bidi(document.add_paragraph(_("Nothing recorded in this period.")))
        for label, works in entry.works:
            bidi(document.add_paragraph(label, style="Heading 3"))
            for work in works:
                bidi(document.add_paragraph(work.title, style="List Bullet"))
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _period_sentence(report: Report) -> str:
    return _("Period: %(start)s to %(end)s") % {
        "start": i18n.format_date(report.start),
        "end": i18n.format_date(report.end),
    }


def meeting_for(kind: str, year: int | None) -> Meeting:
    """The meeting a report is registered under: the group's last of the period, or else its
    next one, whose documents it goes to."""
    start, end = period(kind, year)
    meetings = Meeting.objects.filter(group__code=MAIN_GROUP)
    meeting = (
        meetings.filter(starts_on__lte=end).order_by("-starts_on").first()
        or meetings.filter(starts_on__gt=end).order_by("starts_on").first()
    )
    if meeting is None:
        raise DomainError(_("There is no meeting to register this report under."))
    return meeting


DOCUMENT_TYPE_OF = {
    ReportKind.ANNUAL: DocumentType.ANNUAL_REPORT,
    ReportKind.FINAL: DocumentType.FINAL_REPORT,
}


def generate_files(kind: str, year: int | None, language: str) -> tuple[str, tuple[str, bytes]]:
    """The report's title and PDF file in one language."""
    with translation.override(language):
        built = build(kind=kind, year=year)
        return built.title, (f"{built.filename}.pdf", to_pdf(built))


def register_files(
    *, edition: ReportEdition, files: dict[str, tuple[str, bytes]], title: str, registered_by
) -> Document:
    """Register the generated files as a document serving the report's mandate paragraph, with
    its Council number in the abstract."""
    from . import services

    paragraph = core_selectors.mandate_paragraphs().filter(code=MANDATE_OF[edition.kind])
    return services.register_generated_document(
        meeting=meeting_for(edition.kind, edition.year or None),
        document_type=DOCUMENT_TYPE_OF.get(edition.kind, DocumentType.REPORT),
        title=title,
        files={"en": files.pop("en"), **files} if "en" in files else files,
        registered_by=registered_by,
        mandate=list(paragraph),
        abstract=_("Council document %(number)s") % {"number": edition.council_number},
    )


# The working group's own sections of the reports.


def _meetings_blocks(start, end):
    meetings = list(
        selectors.meetings(group_code=MAIN_GROUP)
        .filter(starts_on__range=(start, end))
        .annotate(
            documents_count=Count(
                "documents", filter=Q(documents__status__in=selectors.PUBLIC_STATUSES)
            )
        )
        .order_by("starts_on")
    )
    if not meetings:
        return [ReportParagraph(_("The group did not meet in this period."))]
    return [
        ReportParagraph(
            _("The group held %(count)s meetings in this period.")
            % {"count": i18n.format_number(len(meetings))}
        ),
        ReportTable(
            caption=_("Meetings"),
            headers=[_("Meeting"), _("First day"), _("Last day"), _("Place"), _("Documents")],
            rows=[
                [m.code, m.starts_on, m.ends_on, m.place or _("Online"), m.documents_count]
                for m in meetings
            ],
        ),
    ]


def _documents_in(start, end):
    return selectors.public_documents().filter(
        meeting__group__code=MAIN_GROUP, registered_at__date__range=(start, end)
    )


def _contributions_blocks(start, end):
    contributions = _documents_in(start, end).filter(document_type=DocumentType.CONTRIBUTION)
    total = contributions.count()
    if not total:
        return [ReportParagraph(_("No contribution was registered in this period."))]
    by_country = (
        contributions.filter(countries__isnull=False)
        .values("countries__iso2")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", "countries__iso2")
    )
    names = {c.iso2: c.name for c in core_selectors.countries()}
    by_organisation = (
        contributions.filter(organisations__isnull=False)
        .values("organisations__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", "organisations__name")
    )
    by_region = (
        contributions.filter(countries__region__isnull=False)
        .values("countries__region__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("countries__region__order")
    )
    return [
        ReportParagraph(
            _("%(count)s contributions were registered in this period.")
            % {"count": i18n.format_number(total)}
        ),
        ReportTable(
            caption=_("Contributions by source"),
            headers=[_("Source"), _("Contributions")],
            rows=[
                [names.get(row["countries__iso2"], row["countries__iso2"]), row["count"]]
                for row in by_country
            ]
            + [[row["organisations__name"], row["count"]] for row in by_organisation],
        ),
        ReportTable(
            caption=_("Contributions by ITU region"),
            headers=[_("ITU region"), _("Contributions")],
            rows=[[row["countries__region__name"], row["count"]] for row in by_region],
        ),
    ]


def _liaison_blocks(start, end):
    liaisons = list(selectors.liaison_statements(start, end))
    if not liaisons:
        return [ReportParagraph(_("No liaison statement was registered in this period."))]
    rows = []
    for liaison in liaisons:
        replies = [r.number for r in liaison.replies.all() if r.number]
        rows.append(
            [
                liaison.number,
                liaison.get_liaison_direction_display(),
                liaison.liaison_group.code if liaison.liaison_group else "",
                str(liaison.title),
                liaison.reply_deadline or "",
                i18n.format_list(replies) or (liaison.reply_to.number if liaison.reply_to else ""),
            ]
        )
    return [
        ReportTable(
            caption=_("Liaison statements"),
            headers=[
                _("Number"),
                _("Direction"),
                _("Group"),
                _("Title"),
                _("Reply due by"),
                _("Reply"),
            ],
            rows=rows,
        )
    ]


def _gender_blocks(start, end):
    meetings = (
        selectors.meetings(group_code=MAIN_GROUP)
        .filter(starts_on__range=(start, end))
        .order_by("starts_on")
    )
    rows = [
        [
            row["meeting"].code,
            row["total"],
            row["women"],
            row["men"],
            row["other"],
            row["undisclosed"],
        ]
        for row in selectors.gender_balance(meetings)
    ]
    if not rows:
        return [ReportParagraph(_("No meeting, so no delegates, in this period."))]
    return [
        ReportParagraph(
            _(
                "Resolution 179 invites Member States to consider gender balance in their delegations. "
                "Delegates may say their gender when they register; these are the counts."
            )
        ),
        ReportTable(
            caption=_("Delegates registered per meeting, by self-declared gender"),
            headers=[
                _("Meeting"),
                _("Delegates"),
                _("Women"),
                _("Men"),
                _("Another gender"),
                _("Not stated"),
            ],
            rows=rows,
        ),
    ]


OWN_SECTIONS = [
    ReportSection("workgroup-meetings", gettext_lazy("Meetings"), 10, _meetings_blocks),
    ReportSection(
        "workgroup-contributions", gettext_lazy("Contributions"), 20, _contributions_blocks
    ),
    ReportSection("workgroup-liaisons", gettext_lazy("Liaison statements"), 30, _liaison_blocks),
    ReportSection(
        "workgroup-gender", gettext_lazy("Gender balance of delegates"), 40, _gender_blocks
    ),
]
