from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cophub.accounts.permissions import secretariat_page
from cophub.core.errors import DomainError
from cophub.core.forms import render_form_page
from cophub.core.pagecache import public_page

from . import selectors, services
from .forms import ActivityForm, FilterForm, MarkForm
from .models import OverlapMark

PAGE_SIZE = 25


def _filtered(request):
    form = FilterForm(request.GET)
    return form, form.activity_query()


def _query_string(query: selectors.ActivityQuery, **extra) -> str:
    from urllib.parse import urlencode

    params = {"q": query.q, **query.filters, **extra}
    return urlencode({k: v for k, v in params.items() if v})


@public_page("coordination", "core")
@require_safe
def register(request):
    form, query = _filtered(request)
    page = Paginator(selectors.activities(query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render_form_page(
        request,
        "coordination/register.html",
        {"form": form, "query": query, "page": page, "query_string": _query_string(query)},
    )


@public_page("coordination", "core")
@require_safe
def timeline(request):
    form, query = _filtered(request)
    return render_form_page(
        request,
        "coordination/timeline.html",
        {"form": form, "query": query, "years": selectors.timeline(query)},
    )


@public_page("coordination")
@require_safe
def organisation_list(request):
    return render(
        request,
        "coordination/organisations.html",
        {"organisations": selectors.organisations_with_counts()},
    )


@public_page("coordination", "core")
@require_safe
def organisation_detail(request, code):
    organisation = selectors.organisation(code)
    query = selectors.ActivityQuery(organisation=organisation.code)
    return render(
        request,
        "coordination/organisation.html",
        {
            "organisation": organisation,
            "activities": selectors.activities(query),
            "marks": selectors.marks(organisation=organisation.code),
        },
    )


@public_page("coordination")
@require_safe
def topic_list(request):
    return render(request, "coordination/topics.html", {"topics": selectors.topics_with_counts()})


@public_page("coordination", "core")
@require_safe
def topic_detail(request, code):
    topic = selectors.topic(code)
    return render(
        request,
        "coordination/topic.html",
        {
            "topic": topic,
            "activities": selectors.activities(selectors.ActivityQuery(topic=topic.code)),
            "resources": _resources_on(topic.code),
        },
    )


def _resources_on(code: str) -> list:
    """Published resources of the repository on the same topic, through its selectors."""
    from cophub.resources import selectors as resources

    if not resources.topics().filter(code=code).exists():
        return []
    found = resources.search(resources.SearchQuery(topic=code), facets=False)
    return list(found.queryset[:5])


@public_page("coordination", "core")
@require_safe
def activity_detail(request, slug):
    activity = selectors.activity(slug)
    return render(
        request,
        "coordination/activity.html",
        {"activity": activity, "marks": selectors.marks_of(activity)},
    )


def _save(request, form, activity=None):
    try:
        if activity is None:
            return services.record_activity(created_by=request.user, **form.service_arguments())
        return services.update_activity(
            activity=activity, updated_by=request.user, **form.service_arguments()
        )
    except DomainError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


@secretariat_page
def add_activity(request):
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        activity = _save(request, form)
        if activity:
            messages.success(request, _("The activity is recorded."))
            return redirect("coordination:overlaps", slug=activity.slug)
    return render_form_page(request, "coordination/edit.html", {"form": form})


@secretariat_page
def edit_activity(request, slug):
    activity = selectors.activity(slug)
    form = ActivityForm(request.POST or None, initial=ActivityForm.initial_for(activity))
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, activity)
        if saved:
            messages.success(request, _("The activity is updated."))
            return redirect("coordination:overlaps", slug=saved.slug)
    return render_form_page(request, "coordination/edit.html", {"form": form, "activity": activity})


@secretariat_page
def overlaps(request, slug):
    """The activities most likely to overlap this one, and the secretariat's decision on each."""
    activity = selectors.activity(slug)
    error_form = None
    if request.method == "POST":
        form = MarkForm(request.POST)
        if form.is_valid():
            try:
                other = selectors.activity(form.cleaned_data["other"])
                services.mark_pair(
                    activity=activity,
                    other=other,
                    relation=form.cleaned_data["relation"],
                    note=form.cleaned_data["note"],
                    user=request.user,
                    score=selectors.score_pair(activity, other).score,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The decision is recorded."))
                return redirect("coordination:overlaps", slug=activity.slug)
        error_form = form
    return render_form_page(
        request,
        "coordination/overlaps.html",
        {
            "activity": activity,
            "candidates": selectors.overlaps_for(activity),
            "relations": OverlapMark.Relation.choices,
            "error_form": error_form,
        },
    )
