"""Pages of the meeting's outcomes, of the reports' own words and their generation, and of the
distribution lists. Thin: parse the form, call outcomes / report_editions / dispatch, render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.translation import gettext as _

from cophub.accounts.permissions import is_secretariat, secretariat_required
from cophub.core.errors import DomainError
from cophub.core.forms import render_form_page

from . import dispatch, outcomes, report_editions, reports, selectors
from .models import DistributionAddress, MeetingReport, Outcome, ReportGeneration
from .outcome_forms import (
    AddressForm,
    ApproveForm,
    CirculateForm,
    CloseOutcomeForm,
    CommentForm,
    DistributionListForm,
    MeetingReportForm,
    OutcomeForm,
    ReportTextsForm,
    SendForm,
)
from .views import _base_url


def _refuse(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _meeting_report_action(request, meeting, report, action, forms):
    """Run one POSTed action; the message to show once it is done, or None if its form is
    refused (the page then shows it with its errors)."""
    user = request.user
    form = forms[action]
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        if action == "draft":
            outcomes.draft_meeting_report(
                meeting=meeting, text=data["text"], language=data["language"], by=user
            )
            return _("The draft is saved.")
        if action == "circulate":
            outcomes.circulate_meeting_report(
                report=report,
                comments_close_on=data["comments_close_on"],
                by=user,
                base_url=_base_url(request),
            )
            return _("The draft is sent to the participants for comments.")
        if action == "approve":
            approved = outcomes.approve_meeting_report(report=report, by=user)
            return _("Approved and registered as %(number)s.") % {
                "number": approved.document.number
            }
        if action == "comment":
            outcomes.comment_on_meeting_report(report=report, author=user, text=data["text"])
            return _("Your comment is recorded; the secretariat will read it.")
        if action == "outcome":
            outcomes.record_outcome(meeting=meeting, by=user, **data)
            return _("Recorded.")
        if action == "close":
            outcomes.close_outcome(outcome=data["outcome"], by=user, note=data["note"])
            return _("Closed.")
    except DomainError as error:
        _refuse(form, error)
    return None


@login_required
def meeting_report(request, code):
    """The meeting's report (drafted, circulated, approved) and its decisions and actions: the
    secretariat writes here, the participants comment here."""
    meeting = selectors.meeting_by_code(code)
    report = outcomes.report_of(meeting)
    secretariat = is_secretariat(request.user)
    if not secretariat and not outcomes.may_read_draft(report, request.user):
        if report is None or report.status != MeetingReport.Status.APPROVED:
            raise PermissionDenied
    carried, own = outcomes.standing_on(meeting)
    open_outcomes = Outcome.objects.filter(
        pk__in=[o.pk for o in [*carried, *own] if o.status == Outcome.Status.OPEN]
    )
    posted = request.POST if request.method == "POST" else None
    action = request.POST.get("action", "") if posted else ""
    initial = {"language": report.language, "text": report.text} if report else {}
    forms = {
        "draft": MeetingReportForm(
            posted if action == "draft" else None,
            initial=initial or {"language": request.LANGUAGE_CODE},
        ),
        "circulate": CirculateForm(posted if action == "circulate" else None),
        "approve": ApproveForm(posted if action == "approve" else None),
        "comment": CommentForm(posted if action == "comment" else None),
        "outcome": OutcomeForm(
            posted if action == "outcome" else None,
            documents=selectors.meeting_documents(meeting).filter(
                status__in=selectors.PUBLIC_STATUSES
            ),
        ),
        "close": CloseOutcomeForm(
            posted if action == "close" else None, open_outcomes=open_outcomes
        ),
    }
    if posted is not None:
        if action not in forms or (action != "comment" and not secretariat):
            raise PermissionDenied
        if report is None and action not in ("draft", "outcome", "close"):
            raise PermissionDenied
        done = _meeting_report_action(request, meeting, report, action, forms)
        if done is not None:
            messages.success(request, done)
            return redirect("workgroup:meeting-report", code=meeting.code)
    return render_form_page(
        request,
        "workgroup/report_meeting.html",
        {
            "meeting": meeting,
            "report": report,
            "comments": report.comments.select_related("author") if report else [],
            "carried": carried,
            "own": own,
            "secretariat": secretariat,
            "may_comment": report is not None
            and report.status == MeetingReport.Status.CIRCULATED
            and outcomes.is_participant(meeting, request.user),
            **{f"{name}_form": form for name, form in forms.items()},
        },
    )


def _kind_year(kind: str, year: int | None) -> tuple[str, int | None]:
    if kind not in reports.PARTS_OF:
        raise PermissionDenied
    return kind, year


@secretariat_required
def report_texts(request, kind, year=None):
    """The secretariat writes the report's parts in one language, the generated tables and
    lists beside; and starts its generation and registration."""
    kind, year = _kind_year(kind, year)
    language = request.GET.get("language") or request.POST.get("language") or request.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = request.LANGUAGE_CODE
    parts = reports.PARTS_OF[kind]
    edition = reports.edition_of(kind, year)
    written = (
        {t.part: t.text for t in edition.texts.all() if t.language == language} if edition else {}
    )
    initial = {"council_number": edition.council_number if edition else "", **written}
    form = ReportTextsForm(initial=initial, parts=parts)
    if request.method == "POST":
        form = ReportTextsForm(request.POST, parts=parts)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if request.POST.get("action") == "generate":
                    generation = report_editions.start_report_generation(
                        kind=kind, year=year, by=request.user
                    )
                    return redirect("workgroup:report-generation", pk=generation.pk)
                report_editions.save_report_texts(
                    kind=kind,
                    year=year,
                    language=language,
                    texts={part: data[part] for part in parts},
                    council_number=data["council_number"],
                    by=request.user,
                )
            except DomainError as error:
                _refuse(form, error)
            else:
                messages.success(request, _("The report's text is saved."))
                return redirect(request.get_full_path())
    with translation.override(language):
        built = reports.build(kind=kind, year=year)
        sections = reports.formatted(built)
    return render_form_page(
        request,
        "workgroup/report_texts.html",
        {
            "form": form,
            "report": built,
            "sections": sections,
            "edition": edition,
            "language": language,
            "languages": settings.LANGUAGES,
            "generations": edition.generations.all()[:5] if edition else [],
        },
    )


@secretariat_required
def report_generation(request, pk):
    generation = get_object_or_404(
        ReportGeneration.objects.select_related("edition__document"), pk=pk
    )
    return render_form_page(
        request,
        "workgroup/report_generation.html",
        {
            "generation": generation,
            "title": reports.report_title(generation.edition.kind, generation.edition.year),
            "working": generation.status
            in (ReportGeneration.Status.QUEUED, ReportGeneration.Status.RUNNING),
        },
    )


@secretariat_required
def distribution_lists(request):
    action = request.POST.get("action", "") if request.method == "POST" else ""
    list_form = DistributionListForm(request.POST if action == "list" else None)
    address_form = AddressForm(request.POST if action == "address" else None)
    if action == "list" and list_form.is_valid():
        try:
            dispatch.create_distribution_list(name=list_form.cleaned_data["name"], by=request.user)
        except DomainError as error:
            _refuse(list_form, error)
        else:
            messages.success(request, _("The list is created."))
            return redirect("workgroup:distribution-lists")
    if action == "address" and address_form.is_valid():
        try:
            dispatch.add_address(by=request.user, **address_form.cleaned_data)
        except DomainError as error:
            _refuse(address_form, error)
        else:
            messages.success(request, _("The address is added."))
            return redirect("workgroup:distribution-lists")
    if action == "remove":
        address = get_object_or_404(DistributionAddress, pk=request.POST.get("address"))
        dispatch.remove_address(address=address, by=request.user)
        messages.success(request, _("The address is removed."))
        return redirect("workgroup:distribution-lists")
    return render_form_page(
        request,
        "workgroup/distribution_lists.html",
        {
            "lists": dispatch.distribution_lists(),
            "list_form": list_form,
            "address_form": address_form,
        },
    )


@secretariat_required
def send_document(request, slug):
    document = selectors.document_by_slug(slug)
    form = SendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = dispatch.send_document(
                document=document,
                distribution_list=form.cleaned_data["distribution_list"],
                by=request.user,
                base_url=_base_url(request),
            )
        except DomainError as error:
            _refuse(form, error)
        else:
            messages.success(
                request,
                _("Sent to %(count)s addresses of %(list)s.")
                % {"count": sent.recipients, "list": sent.distribution_list.name},
            )
            return redirect("workgroup:send-document", slug=document.slug)
    return render_form_page(
        request,
        "workgroup/document_send.html",
        {
            "document": document,
            "form": form,
            "sendable": dispatch.sendable(document),
            "dispatches": dispatch.dispatches_of(document),
        },
    )
