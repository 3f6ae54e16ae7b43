from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cophub.accounts.permissions import secretariat_page
from cophub.core.errors import DomainError
from cophub.core.files import file_response
from cophub.core.forms import render_form_page
from cophub.core.jsonld import as_script_text
from cophub.core.pagecache import public_page

from . import jsonld, selectors, services
from .forms import ResubmissionForm, ReviewForm, SearchForm, SubmissionForm

PAGE_SIZE = 20
FACET_VALUES_SHOWN = 5


@public_page("resources", "core")
@require_safe
def resource_list(request):
    form = SearchForm(request.GET)
    page = results = None
    facets = {}
    near_matches = some_words = False
    more_than = None
    if form.is_valid():
        try:
            found = selectors.search(form.search_query(), listing=selectors.with_list_item_data)
        except DomainError as error:
            form.add_error("q", error.message)
        else:
            facets = found.facets
            near_matches = found.near_matches
            some_words = found.some_words
            more_than = found.more_than
            page = Paginator(found.queryset, PAGE_SIZE).get_page(form.cleaned_data.get("page"))
            results = page.object_list
    query = form.search_query() if form.is_valid() else selectors.SearchQuery()
    return render_form_page(
        request,
        "resources/list.html",
        {
            "form": form,
            "query": query,
            "page": page,
            "results": results,
            "facets": facet_groups(facets, query),
            "near_matches": near_matches,
            "some_words": some_words,
            "more_than": more_than,
        },
    )


def facet_groups(facets, query):
    titles = {
        "kind": _("Kind"),
        "audience": _("Audience"),
        "topic": _("Topic"),
        "language": _("Language"),
        "country": _("Country"),
    }
    groups = []
    for name, values in facets.items():
        if not values:
            continue
        items = []
        for value in values:
            params = {"q": query.text, **query.filters}
            if value.selected:
                params.pop(name, None)
            else:
                params[name] = value.value
            items.append(
                (value, "?" + "&".join(f"{k}={_quote(v)}" for k, v in params.items() if v))
            )
        # The chosen value and the most frequent ones are shown; the rest behind "more", so that
        # the results are not a long scroll away on a phone, where the facets come first.
        items.sort(key=lambda item: not item[0].selected)
        shown = FACET_VALUES_SHOWN
        groups.append(
            {
                "name": name,
                "title": titles[name],
                "first": items if len(items) <= shown + 2 else items[:shown],
                "more": [] if len(items) <= shown + 2 else items[shown:],
            }
        )
    return groups


def _quote(value):
    from urllib.parse import quote

    return quote(str(value), safe="")


@public_page("resources", "core")
@require_safe
def resource_detail(request, slug):
    resource = selectors.resource(slug, user=request.user)
    return render(
        request,
        "resources/detail.html",
        {
            "resource": resource,
            "jsonld": as_script_text(jsonld.resource_jsonld(request, resource)),
            "has_editions": bool(resource.previous_edition_id or hasattr(resource, "next_edition")),
        },
    )


@require_safe
def version_file(request, slug, language):
    version = selectors.language_version_file(slug, language, user=request.user)
    return file_response(
        version.file, filename=f"{slug}-{language}.{version.file_kind}", kind=version.file_kind
    )


@public_page("resources")
@require_safe
def resource_editions(request, slug):
    resource = selectors.resource(slug, user=request.user)
    if not resource.guideline_set_id and not resource.previous_edition_id:
        raise Http404
    return render(
        request,
        "resources/editions.html",
        {"resource": resource, "history": selectors.edition_history(resource)},
    )


@public_page("resources")
@require_safe
def guideline_sets(request):
    sets = [(s, selectors.set_editions(s)) for s in selectors.guideline_sets()]
    return render(request, "resources/guideline_sets.html", {"sets": sets})


@public_page("resources")
@require_safe
def guideline_set_parity(request, code):
    guideline_set = selectors.guideline_set(code)
    current, rows = selectors.parity_matrix(guideline_set)
    return render(
        request,
        "resources/parity.html",
        {"set": guideline_set, "current": current, "rows": rows, "languages": _languages()},
    )


def _languages():
    from django.conf import settings

    return list(settings.LANGUAGES)


@login_required
def submit(request):
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                resource = services.submit_best_practice(
                    user=request.user, **form.service_arguments()
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(
                    request, _("Thank you. The secretariat will review your best practice.")
                )
                return redirect("resources:detail", slug=resource.slug)
    else:
        form = SubmissionForm()
    return render_form_page(request, "resources/submit.html", {"form": form})


@login_required
@require_safe
def submissions(request):
    return render(
        request,
        "resources/submissions.html",
        {"submissions": selectors.submissions_of(request.user)},
    )


@secretariat_page
@require_safe
def review_queue(request):
    return render(request, "resources/review_queue.html", {"queue": selectors.review_queue()})


@secretariat_page
def review(request, slug):
    resource = selectors.resource(slug, user=request.user)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        try:
            if action == "start":
                services.start_review(resource=resource, reviewer=request.user)
            elif action == "publish":
                services.publish_submission(resource=resource, reviewer=request.user)
            else:
                services.return_submission(
                    resource=resource, reviewer=request.user, reason=form.cleaned_data["reason"]
                )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("resources:review-queue")
    return render_form_page(request, "resources/review.html", {"resource": resource, "form": form})


@login_required
def resubmit(request, slug):
    resource = selectors.resource(slug, user=request.user)
    if resource.submitted_by_id != request.user.pk:
        raise Http404
    language = resource.original_language
    form = ResubmissionForm(
        request.POST or None,
        initial={
            "title": getattr(resource, f"title_{language}"),
            "summary": getattr(resource, f"summary_{language}"),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.resubmit(
                resource=resource,
                user=request.user,
                titles={language: form.cleaned_data["title"]},
                summaries={language: form.cleaned_data["summary"]},
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, _("Thank you. The secretariat will review your best practice.")
            )
            return redirect("resources:submissions")
    return render_form_page(
        request, "resources/resubmit.html", {"resource": resource, "form": form}
    )
