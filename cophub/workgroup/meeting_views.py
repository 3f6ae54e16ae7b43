"""The secretariat's pages for running a meeting's cycle: planning it, convening it, its agenda,
its late submissions and its participants. The public materials page is `views.meeting_detail`."""

import dataclasses

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from cophub.accounts.permissions import secretariat_required
from cophub.core.errors import DomainError
from cophub.core.forms import render_form_page

from . import meetings, selectors, services
from .forms import AgendaItemForm, MeetingForm

MEETING_FIELDS = tuple(field.name for field in dataclasses.fields(services.MeetingPlan))


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _refuse(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


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
            try:
                services.save_agenda_item(
                    meeting=meeting,
                    by=request.user,
                    item=data["item"],
                    number=data["number"],
                    title=data["title"],
                    order=data["order"],
                    language=request.LANGUAGE_CODE,
                )
            except DomainError as error:
                _refuse(item_form, error)
            else:
                messages.success(request, _("The agenda is changed."))
                return redirect("workgroup:meeting-manage", code=meeting.code)
    items = list(meeting.agenda_items.all())
    return render_form_page(
        request,
        "workgroup/meeting_manage.html",
        {
            "meeting": meeting,
            "item_form": item_form,
            "materials": selectors.meeting_materials(meeting),
            "items": items,
            "late": selectors.late_submissions(meeting),
            "participants": list(selectors.participants(meeting)),
            "consultation": selectors.consultation_of(meeting),
        },
    )


# What each button of the manage page does, and what it says when it is done.
ACTIONS = {
    "call": (
        lambda meeting, request: services.issue_call_for_contributions(
            meeting=meeting, by=request.user, base_url=_base_url(request)
        ),
        gettext_lazy("The call for contributions %(number)s is registered and sent."),
    ),
    "draft-agenda": (
        lambda meeting, request: services.issue_agenda(meeting=meeting, by=request.user),
        gettext_lazy("The draft agenda %(number)s is registered."),
    ),
    "adopt-agenda": (
        lambda meeting, request: services.adopt_agenda(meeting=meeting, by=request.user),
        gettext_lazy("The adopted agenda %(number)s is registered; it replaces the draft."),
    ),
    "participants": (
        lambda meeting, request: services.register_participants_list(
            meeting=meeting, by=request.user
        ),
        gettext_lazy("The list of participants %(number)s is registered."),
    ),
}


@secretariat_required
@require_POST
def meeting_action(request, code, action):
    meeting = selectors.meeting_by_code(code)
    if action not in ACTIONS:
        return redirect("workgroup:meeting-manage", code=meeting.code)
    run, done = ACTIONS[action]
    try:
        document = run(meeting, request)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("workgroup:meeting-manage", code=meeting.code)
    messages.success(request, str(done) % {"number": document.number})
    return redirect("workgroup:meeting-manage", code=meeting.code)


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
