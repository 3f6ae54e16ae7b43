"""What a meeting leaves behind: its report (summary record) and its decisions and action items.

The secretariat drafts the report in the app, circulates it to the meeting's participants, who
comment in the app until the date set, then approves it: it is registered as a document of the
meeting. Decisions and action items stay open from meeting to meeting until closed, and every
later meeting's page (and agenda) lists those still open.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cophub.accounts.permissions import is_secretariat, require_secretariat
from cophub.core.errors import DomainError
from cophub.core.i18n import LANGUAGE_CODES, format_date
from cophub.core.models import MandateParagraph
from cophub.jobs.services import send_mail_after_commit

from . import services
from .models import Document, DocumentType, Meeting, MeetingReport, Outcome, ReportComment

# The shortest and longest comment period: ITU groups give participants between one and
# four weeks to comment on a draft summary record.
COMMENT_DAYS = (1, 28)


def meeting_participants(meeting: Meeting) -> QuerySet:
    """The accounts a draft report is circulated to and that may comment on it: the meeting's
    registered participants, from the same records as the list of participants and the gender
    table (MeetingRegistration: role, in person or remote), whatever their role."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True,
        pk__in=meeting.registrations.values("delegate_id"),
    )


def is_participant(meeting: Meeting, user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and meeting_participants(meeting).filter(pk=user.pk).exists()
    )


def _checked_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write the text of the report."), field="text")
    return text


@transaction.atomic
def draft_meeting_report(
    *, meeting: Meeting, text: str, language: str, by: Any, now: datetime.datetime | None = None
) -> MeetingReport:
    """Write or rewrite the draft; it can be rewritten while circulated (after the comments)."""
    require_secretariat(by, _("Only the secretariat drafts the meeting report."))
    text = _checked_text(text)
    if language not in LANGUAGE_CODES:
        raise DomainError(_("Choose one of the six languages."), field="language")
    now = now or timezone.now()
    if now.date() < meeting.starts_on:
        raise DomainError(_("The report is drafted once the meeting has opened."))
    report = MeetingReport.objects.select_for_update().filter(meeting=meeting).first()
    if report is None:
        return MeetingReport.objects.create(
            meeting=meeting, text=text, language=language, drafted_by=by, updated_at=now
        )
    if report.status == MeetingReport.Status.APPROVED:
        raise DomainError(_("The report is approved; it can no longer be changed."))
    report.text, report.language, report.updated_at = text, language, now
    report.save(update_fields=["text", "language", "updated_at"])
    return report


@transaction.atomic
def circulate_meeting_report(
    *,
    report: MeetingReport,
    comments_close_on: datetime.date | None,
    by: Any,
    base_url: str = "",
    today: datetime.date | None = None,
) -> MeetingReport:
    """Send the draft to the participants, each told in their language, for comments until the
    date given."""
    require_secretariat(by, _("Only the secretariat circulates the meeting report."))
    report = (
        MeetingReport.objects.select_for_update().select_related("meeting__group").get(pk=report.pk)
    )
    today = today or timezone.localdate()
    if report.status != MeetingReport.Status.DRAFT:
        raise DomainError(_("The report has already been circulated."))
    shortest, longest = COMMENT_DAYS
    if comments_close_on is None or not (
        today + datetime.timedelta(days=shortest)
        <= comments_close_on
        <= today + datetime.timedelta(days=longest)
    ):
        raise DomainError(
            _("Give participants between %(shortest)s and %(longest)s days to comment.")
            % {"shortest": shortest, "longest": longest},
            field="comments_close_on",
        )
    participants = list(meeting_participants(report.meeting))
    if not participants:
        raise DomainError(_("No one has registered for this meeting: there is no one to ask."))
    report.status = MeetingReport.Status.CIRCULATED
    report.circulated_at = timezone.now()
    report.comments_close_on = comments_close_on
    report.save(update_fields=["status", "circulated_at", "comments_close_on"])
    for participant in participants:
        language = participant.preferred_language
        with translation.override(language):
            url = base_url + reverse("workgroup:meeting-report", args=[report.meeting.code])
            until = format_date(comments_close_on)
        send_mail_after_commit(
            to=participant.email,
            language=language,
            template="workgroup/email/meeting_report_circulated.txt",
            context={"meeting": report.meeting, "url": url, "until": until},
        )
    return report


@transaction.atomic
def comment_on_meeting_report(
    *, report: MeetingReport, author: Any, text: str, today: datetime.date | None = None
) -> ReportComment:
    report = MeetingReport.objects.select_for_update().get(pk=report.pk)
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write your comment."), field="text")
    if not is_participant(report.meeting, author):
        raise DomainError(_("Only the meeting's participants comment on its report."))
    today = today or timezone.localdate()
    if report.status != MeetingReport.Status.CIRCULATED or today > report.comments_close_on:
        raise DomainError(_("The report is not open for comments."))
    return ReportComment.objects.create(report=report, author=author, text=text)


def _report_pdf(report: MeetingReport) -> bytes:
    from weasyprint import HTML

    with translation.override(report.language):
        html = render_to_string(
            "workgroup/report_meeting_print.html",
            {
                "report": report,
                "meeting": report.meeting,
                "outcomes": report.meeting.outcomes.all(),
            },
        )
    return HTML(string=html).write_pdf()


@transaction.atomic
def approve_meeting_report(
    *, report: MeetingReport, by: Any, today: datetime.date | None = None
) -> MeetingReport:
    """Approve the report once its comment period is over, and register it as a document of the
    meeting, with its decisions and action items."""
    require_secretariat(by, _("Only the secretariat approves the meeting report."))
    report = (
        MeetingReport.objects.select_for_update().select_related("meeting__group").get(pk=report.pk)
    )
    today = today or timezone.localdate()
    if report.status == MeetingReport.Status.APPROVED:
        raise DomainError(_("The report is already approved."))
    if report.status != MeetingReport.Status.CIRCULATED:
        raise DomainError(_("Circulate the report to the participants first."))
    if today <= report.comments_close_on:
        raise DomainError(
            _("Participants may comment until %(date)s; approve the report after that.")
            % {"date": format_date(report.comments_close_on)}
        )
    with translation.override(report.language):
        title = _("Report of meeting %(meeting)s") % {"meeting": report.meeting.code}
    document = services.register_generated_document(
        meeting=report.meeting,
        document_type=DocumentType.REPORT,
        title=title,
        files={report.language: (f"report-{report.meeting.code}.pdf", _report_pdf(report))},
        registered_by=by,
    )
    report.status = MeetingReport.Status.APPROVED
    report.approved_at = timezone.now()
    report.document = document
    report.save(update_fields=["status", "approved_at", "document"])
    return report


@transaction.atomic
def record_outcome(
    *,
    meeting: Meeting,
    kind: str,
    text: str,
    by: Any,
    owner: str = "",
    due_on: datetime.date | None = None,
    documents: Iterable[Document] = (),
    mandate: Iterable[MandateParagraph] = (),
) -> Outcome:
    require_secretariat(by, _("Only the secretariat records decisions and actions."))
    if kind not in Outcome.Kind.values:
        raise DomainError(_("Say whether this is a decision or an action item."), field="kind")
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write the decision or the action."), field="text")
    owner = (owner or "").strip()
    if kind == Outcome.Kind.ACTION and not (owner and due_on):
        raise DomainError(_("An action item needs an owner and a due date."), field="owner")
    if due_on is not None and due_on < meeting.starts_on:
        raise DomainError(_("The due date is before the meeting."), field="due_on")
    documents = list(documents)
    if any(not document.is_public for document in documents):
        raise DomainError(_("Name registered documents only."), field="documents")
    outcome = Outcome.objects.create(
        meeting=meeting, kind=kind, text=text, owner=owner, due_on=due_on
    )
    outcome.documents.set(documents)
    outcome.mandate.set(mandate)
    return outcome


@transaction.atomic
def close_outcome(
    *, outcome: Outcome, by: Any, note: str, now: datetime.datetime | None = None
) -> Outcome:
    require_secretariat(by, _("Only the secretariat closes decisions and actions."))
    outcome = Outcome.objects.select_for_update().get(pk=outcome.pk)
    note = (note or "").strip()
    if not note:
        raise DomainError(_("Say how it was done or why it is closed."), field="note")
    if outcome.status == Outcome.Status.CLOSED:
        raise DomainError(_("This is already closed."))
    outcome.status = Outcome.Status.CLOSED
    outcome.closed_at = now or timezone.now()
    outcome.closing_note = note
    outcome.save(update_fields=["status", "closed_at", "closing_note"])
    return outcome


# Reads.


def _outcome_listing(queryset: QuerySet[Outcome]) -> QuerySet[Outcome]:
    return queryset.select_related("meeting__group").prefetch_related("documents", "mandate")


def standing_on(meeting: Meeting) -> tuple[list[Outcome], list[Outcome]]:
    """(carried over to the meeting, recorded at it), read in one query: its page shows both."""
    opened = timezone.make_aware(datetime.datetime.combine(meeting.starts_on, datetime.time.min))
    rows = list(
        _outcome_listing(
            Outcome.objects.filter(meeting__group=meeting.group_id).filter(
                Q(meeting=meeting)
                | Q(meeting__starts_on__lt=meeting.starts_on, status=Outcome.Status.OPEN)
                | Q(meeting__starts_on__lt=meeting.starts_on, closed_at__gte=opened)
            )
        )
    )
    return (
        [row for row in rows if row.meeting_id != meeting.pk],
        [row for row in rows if row.meeting_id == meeting.pk],
    )


def carried_over_to(meeting: Meeting) -> list[Outcome]:
    """The decisions and actions of the group's earlier meetings that were still open when this
    one opened (or are still open now): the next meeting's agenda shows them."""
    return standing_on(meeting)[0]


def actions_due(*, within_days: int = 14, today: datetime.date | None = None) -> QuerySet[Outcome]:
    today = today or timezone.localdate()
    return _outcome_listing(
        Outcome.objects.filter(
            kind=Outcome.Kind.ACTION,
            status=Outcome.Status.OPEN,
            due_on__lte=today + datetime.timedelta(days=within_days),
        ).order_by("due_on", "pk")
    )


def report_of(meeting: Meeting) -> MeetingReport | None:
    return (
        MeetingReport.objects.select_related("document", "drafted_by")
        .filter(meeting=meeting)
        .first()
    )


def may_read_draft(report: MeetingReport | None, user: Any) -> bool:
    if report is None:
        return False
    if is_secretariat(user):
        return True
    return report.status == MeetingReport.Status.CIRCULATED and is_participant(report.meeting, user)


def comments_waiting() -> QuerySet[ReportComment]:
    """Comments on reports still circulated: the secretariat reads them before approving."""
    return (
        ReportComment.objects.filter(report__status=MeetingReport.Status.CIRCULATED)
        .select_related("report__meeting__group", "author")
        .order_by("written_at")
    )
