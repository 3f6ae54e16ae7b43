from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cophub.accounts.permissions import is_secretariat, secretariat_page
from cophub.core.errors import DomainError
from cophub.core.forms import render_form_page

from . import forms, selectors, services


@require_safe
def training_list(request):
    context = {
        "upcoming": list(selectors.upcoming_trainings()),
        "past": list(selectors.past_trainings()[:50]),
        "can_schedule": is_secretariat(request.user),
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
