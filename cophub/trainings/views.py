from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cophub.accounts.permissions import delegate_required, is_secretariat, secretariat_page
from cophub.core.errors import DomainError
from cophub.core.forms import render_form_page

from . import forms, selectors, services


@require_safe
def training_list(request):
    context = {
        "upcoming": list(selectors.upcoming_trainings()),
        "past": list(selectors.past_trainings()[:50]),
        "can_schedule": is_secretariat(request.user),
        "can_request": services.may_request_training(request.user),
    }
    return render(request, "trainings/list.html", context)


@require_safe
def training_detail(request, slug):
    try:
        training = selectors.training(slug)
    except ObjectDoesNotExist:
        raise Http404 from None
    return render(request, "trainings/detail.html", {"training": training})


@secretariat_page
@require_http_methods(["GET", "POST"])
def schedule(request):
    form = forms.TrainingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            training = services.schedule_training(by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The training is scheduled."))
            return redirect("trainings:detail", slug=training.slug)
    return render_form_page(request, "trainings/schedule.html", {"form": form})


# --- requests for a training (Resolution 179, resolves 5, BDT/9) ------------------------------


@login_required
@require_safe
def request_list(request):
    """The secretariat's list of every request; anyone else's list of their own."""
    secretariat = is_secretariat(request.user)
    context = {
        "requests": list(
            selectors.training_requests(of=None if secretariat else request.user)[:200]
        ),
        "secretariat": secretariat,
        "can_request": services.may_request_training(request.user),
    }
    return render(request, "trainings/requests.html", context)


@delegate_required  # a delegate or an organisation's account: services.may_request_training
@require_http_methods(["GET", "POST"])
def request_training(request):
    initial = {"country": request.user.country_id, "language": get_language()}
    form = forms.TrainingRequestForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.request_training(by=request.user, **form.service_arguments())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, _("Your request is sent. The secretariat will answer it on this page.")
            )
            return redirect("trainings:request", pk=sent.pk)
    return render_form_page(request, "trainings/request_new.html", {"form": form})


def _schedule_initial(sent) -> dict:
    return {
        "title": sent.topic,
        "summary": sent.note or sent.topic,
        "audience": sent.audience,
        "language": sent.language,
    }


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request, pk):
    try:
        sent = selectors.training_request(pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    secretariat = is_secretariat(request.user)
    if not (secretariat or sent.requested_by_id == request.user.pk):
        raise PermissionDenied
    waiting = secretariat and sent.state == sent.State.RECEIVED
    if request.method == "POST" and not waiting:
        raise PermissionDenied
    action = request.POST.get("action") if request.method == "POST" else None
    schedule_form = forms.TrainingForm(
        request.POST if action == "schedule" else None,
        prefix="schedule",
        initial=_schedule_initial(sent),
    )
    decline_form = forms.DeclineForm(request.POST if action == "decline" else None)
    form = schedule_form if action == "schedule" else decline_form
    if action in ("schedule", "decline") and form.is_valid():
        try:
            if action == "schedule":
                services.schedule_requested_training(
                    request=sent, by=request.user, **form.cleaned_data
                )
            else:
                services.decline_training_request(
                    request=sent, by=request.user, **form.cleaned_data
                )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The request is answered."))
            return redirect("trainings:request", pk=sent.pk)
    context = {
        "sent": sent,
        "schedule_form": schedule_form if waiting else None,
        "decline_form": decline_form if waiting else None,
    }
    return render_form_page(request, "trainings/request_detail.html", context)
