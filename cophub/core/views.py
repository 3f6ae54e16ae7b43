import time

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import i18n, mandate, navigation, selectors
from .pagecache import CONTENT_APPS, public_page
from .problems import API_PREFIXES, problem_response


@public_page(*CONTENT_APPS)
@require_safe
def home(request):
    return render(request, "core/home.html", {"resolutions": selectors.mandate_summary()})


@public_page()
@require_safe
def site_page(request, page):
    language = translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "page": page,
        "title": navigation.SITE_PAGES[page],
        "contact_email": settings.CONTACT_EMAIL,
        "contact_url": reverse("core:contact"),
        "privacy_url": reverse("core:privacy"),
        "accessibility_url": reverse("core:accessibility"),
        "help_url": reverse("helplines:finder"),
        "account_url": reverse("accounts:request"),
    }
    return render(request, f"core/pages/{page}/{language}.html", context)


@public_page(*CONTENT_APPS)
@require_safe
def mandate_list(request):
    resolutions = selectors.mandate_by_resolution()
    paragraphs = [
        paragraph
        for resolution in resolutions
        for _section, items in resolution["sections"]
        for paragraph in items
    ]
    coverage = mandate.coverage(paragraphs)
    for paragraph in paragraphs:
        paragraph.coverage = coverage[paragraph.code]
    return render(
        request,
        "core/mandate_list.html",
        {
            "resolutions": resolutions,
            "served_count": sum(1 for c in coverage.values() if c.total),
            "paragraph_count": len(paragraphs),
            "unserved": [p for p in paragraphs if not p.coverage.total],
        },
    )


@public_page(*CONTENT_APPS)
@require_safe
def mandate_detail(request, slug):
    paragraph = selectors.mandate_paragraph(slug)
    text = i18n.translated_value(paragraph, "text")
    features = mandate.features_serving(paragraph)
    served_by = mandate.work_serving(paragraph)
    return render(
        request,
        "core/mandate_detail.html",
        {
            "paragraph": paragraph,
            "text": text,
            # Only the text in the source's language is the Union's; the others are ours.
            "unofficial": text.language != paragraph.text_language,
            "features": features,
            "served_by": served_by,
            "served": bool(features) or any(records for _provider, records in served_by),
        },
    )


# A database that answered is taken to answer for this long: probes in a flood (a load test, a
# misconfigured balancer) then ask it at most once a second per process. A failure is never
# remembered: the next probe asks again.
HEALTHY_FOR_SECONDS = 1.0
_answered_at = [-HEALTHY_FOR_SECONDS]


@never_cache
@require_safe
def healthz(request):
    """200 when the app and its database answer; 503 otherwise, for the load balancer."""
    now = time.monotonic()
    if now - _answered_at[0] < HEALTHY_FOR_SECONDS:
        return JsonResponse({"status": "ok", "database": "ok"})
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        _answered_at[0] = -HEALTHY_FOR_SECONDS
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    _answered_at[0] = now
    return JsonResponse({"status": "ok", "database": "ok"})


def bench_bare(request):
    """The baseline for bench/: a Django view that does nothing."""
    return HttpResponse(b"ok", content_type="text/plain")


# What an error page says, by status.
ERROR_PAGES = {
    400: (_("Bad request"), _("The request could not be understood.")),
    403: (_("Not allowed"), _("You do not have permission to open this page.")),
    404: (_("Page not found"), _("There is no page at this address. It may have been mistyped.")),
    500: (
        _("Something went wrong"),
        _("The server could not answer. Please try again in a few minutes."),
    ),
}


def _error_page(request, status: int, *, message=None, template: str = "core/error.html"):
    if request.path.startswith(API_PREFIXES):
        return problem_response(request, status)
    title, default_message = ERROR_PAGES[status]
    context = {"status": status, "title": title, "message": message or default_message}
    return render(request, template, context, status=status)


def bad_request(request, exception=None):
    return _error_page(request, 400)


def permission_denied(request, exception=None):
    return _error_page(request, 403)


def page_not_found(request, exception=None):
    return _error_page(request, 404)


def server_error(request):
    # A page that needs neither the database nor the static files, which may be what failed.
    return _error_page(request, 500, template="core/500.html")


def csrf_failure(request, reason=""):
    return _error_page(
        request, 403, message=_("The form had expired. Go back, reload the page and send it again.")
    )
