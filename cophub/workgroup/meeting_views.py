"""The secretariat's pages for running a meeting's cycle: planning it, convening it, its agenda,
its late submissions and its participants. The public materials page is `views.meeting_detail`."""

import dataclasses

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cophub.accounts.permissions import secretariat_required
from cophub.core.errors import DomainError
from cophub.core.forms import render_form_page

from . import meetings, paper_runs, selectors, services
from .forms import AgendaItemForm, ConsultationItemForm, MeetingForm
from .models import PaperGeneration

MEETING_FIELDS = tuple(field.name for field in dataclasses.fields(services.MeetingPlan))


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _refuse(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _written(request, meeting, form, write, message):
    """Run `write`: done, say `message` and go back to the meeting's page (the redirect is
    returned); refused, put the domain error on `form` (None is returned)."""
    try:
        write()
    except DomainError as error:
        _refuse(form, error)
        return None
    messages.success(request, message)
    return redirect("workgroup:meeting-manage", code=meeting.code)


@secretariat_required
@require_safe
def meeting_desk(request):
    """Every meeting with where its cycle stands; those without a youth consultation apart."""
    rows = selectors.meetings_for_secretariat()
    return render(
        request,
        "workgroup/meeting_desk.html",
        {"rows": rows, "without": [meeting for meeting, has_one in rows if not has_one]},
    )


@secretariat_required
def meeting_new(request):
    form = MeetingForm(request.POST or None, initial={"time_zone": "Europe/Zurich"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.create_meeting(
                by=request.user,
                group=data["group"],
                number=data["number"],
                plan=services.MeetingPlan(**{name: data[name] for name in MEETING_FIELDS}),
            )
        except DomainError as error:
            _refuse(form, error)
        else:
            messages.success(request, _("Meeting %(meeting)s is planned.") % {"meeting": meeting})
            return redirect("workgroup:meeting-manage", code=meeting.code)
    return render_form_page(request, "workgroup/meeting_form.html", {"form": form, "meeting": None})


@secretariat_required
def meeting_edit(request, code):
    meeting = selectors.meeting_by_code(code)
    initial = {name: getattr(meeting, name) for name in MEETING_FIELDS}
    form = MeetingForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(
                meeting=meeting,
                by=request.user,
                plan=services.MeetingPlan(
                    **{name: form.cleaned_data[name] for name in MEETING_FIELDS}
                ),
            )
        except DomainError as error:
            _refuse(form, error)
        else:
            messages.success(request, _("The meeting is changed."))
            return redirect("workgroup:meeting-manage", code=meeting.code)
    return render_form_page(
        request, "workgroup/meeting_form.html", {"form": form, "meeting": meeting}
    )


@secretariat_required
def meeting_manage(request, code):
    """The meeting's cycle for the secretariat: the call, the agenda and its items, the late
    submissions waiting, the participants and the list of participants."""
    meeting = selectors.meeting_by_code(code)
    item_form = AgendaItemForm(meeting=meeting, prefix="new")
    if request.method == "POST":
        item_form = AgendaItemForm(request.POST, meeting=meeting, prefix="new")
        if item_form.is_valid():
            data = item_form.cleaned_data
            done = _written(
                request,
                meeting,
                item_form,
                lambda: services.save_agenda_item(
                    meeting=meeting,
                    by=request.user,
                    item=data["item"],
                    number=data["number"],
                    title=data["title"],
                    order=data["order"],
                    language=request.LANGUAGE_CODE,
                ),
                _("The agenda is changed."),
            )
            if done:
                return done
    return _manage_page(request, meeting, item_form=item_form)


def _manage_page(request, meeting, *, item_form=None, consultation_form=None):
    consultation = selectors.consultation_of(meeting)
    if consultation_form is None and consultation is not None:
        consultation_form = ConsultationItemForm(
            meeting=meeting, initial={"agenda_item": consultation.agenda_item_id}
        )
    return render_form_page(
        request,
        "workgroup/meeting_manage.html",
        {
            "meeting": meeting,
            "item_form": item_form or AgendaItemForm(meeting=meeting, prefix="new"),
            "consultation_form": consultation_form,
            "materials": selectors.meeting_materials(meeting),
            "items": list(meeting.agenda_items.all()),
            "late": selectors.late_submissions(meeting),
            "participants": list(selectors.participants(meeting)),
            "consultation": consultation,
            # The summary is registered once the consultation has closed (consultations.services).
            "summary_due": consultation is not None
            and consultation.summary_document_id is None
            and consultation.state(timezone.now()) == "closed",
        },
    )


@secretariat_required
@require_POST
def meeting_consultation(request, code):
    """Name the agenda item the meeting's youth consultation serves: its summary is filed under
    it on the materials page."""
    from cophub.consultations import services as consultations

    meeting = selectors.meeting_by_code(code)
    consultation = selectors.consultation_of(meeting)
    if consultation is None:
        raise Http404
    form = ConsultationItemForm(request.POST, meeting=meeting)
    if form.is_valid():
        done = _written(
            request,
            meeting,
            form,
            lambda: consultations.serve_agenda_item(
                consultation=consultation,
                agenda_item=form.cleaned_data["agenda_item"],
                by=request.user,
            ),
            _("The youth consultation's agenda item is saved."),
        )
        if done:
            return done
    return _manage_page(request, meeting, consultation_form=form)


def _register_summary(meeting, request):
    """The youth consultation's summary, registered under the agenda item it serves."""
    from cophub.consultations import services as consultations

    consultation = selectors.consultation_of(meeting)
    if consultation is None:
        raise DomainError(_("This meeting has no youth consultation yet."))
    consultation = consultations.register_summary_report(
        consultation=consultation, registered_by=request.user
    )
    return consultation.summary_document


@secretariat_required
@require_POST
def meeting_action(request, code, action):
    """A paper of the cycle (call, agenda, list of participants) is written and registered on
    the task queue, followed on its own page; the consultation's summary is registered here."""
    meeting = selectors.meeting_by_code(code)
    try:
        if action == "summary":
            document = _register_summary(meeting, request)
            messages.success(
                request,
                _("The summary of the youth consultation %(number)s is registered.")
                % {"number": document.number},
            )
            return redirect("workgroup:meeting-manage", code=meeting.code)
        if action not in paper_runs.PAPERS:
            return redirect("workgroup:meeting-manage", code=meeting.code)
        generation = paper_runs.start_paper(
            meeting=meeting, paper=action, by=request.user, base_url=_base_url(request)
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("workgroup:meeting-manage", code=meeting.code)
    return redirect("workgroup:meeting-paper", code=meeting.code, pk=generation.pk)


@secretariat_required
@require_safe
def paper_generation(request, code, pk):
    """How far the paper's writing has gone; the page refreshes itself until it is registered."""
    meeting = selectors.meeting_by_code(code)
    generation = get_object_or_404(
        PaperGeneration.objects.select_related("document"), pk=pk, meeting=meeting
    )
    return render(
        request,
        "workgroup/meeting_paper_generation.html",
        {
            "meeting": meeting,
            "generation": generation,
            "title": paper_runs.PAPERS[generation.paper].build(meeting, generation.base_url).title,
            "working": generation.working,
        },
    )


@secretariat_required
@require_safe
def participants_file(request, code, fmt):
    """The list of participants as it stands, for the secretariat (the registered list is the
    public one)."""
    meeting = selectors.meeting_by_code(code)
    paper = meetings.participants(meeting)
    if fmt == "docx":
        response = HttpResponse(
            meetings.to_docx(paper),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        response = HttpResponse(meetings.to_pdf(paper), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{paper.filename}.{fmt}"'
    return response
