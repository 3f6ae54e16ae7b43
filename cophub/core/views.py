from itertools import groupby

from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import mandate, selectors
from .problems import problem_response


@require_safe
def home(request):
    return render(request, "core/home.html", {"resolutions": selectors.mandate_summary()})


def _resolutions():
    paragraphs = selectors.mandate_paragraphs()
    grouped = []
    for resolution, in_resolution in groupby(paragraphs, key=lambda p: p.resolution):
        in_resolution = list(in_resolution)
        sections = [
            (key, list(items)) for key, items in groupby(in_resolution, key=lambda p: p.section)
        ]
        grouped.append(
            {
                "resolution": in_resolution[0].get_resolution_display(),
                "code": resolution,
                "sections": sections,
            }
        )
    return grouped


@require_safe
def mandate_list(request):
    return render(request, "core/mandate_list.html", {"resolutions": _resolutions()})


@require_safe
def mandate_detail(request, slug):
    paragraph = selectors.mandate_paragraph(slug)
    return render(
        request,
        "core/mandate_detail.html",
        {"paragraph": paragraph, "served_by": mandate.work_serving(paragraph)},
    )


@never_cache
@require_safe
def healthz(request):
    """200 when the app and its database answer; 503 otherwise, for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def favicon(request):
    return HttpResponsePermanentRedirect(static("core/favicon.svg"))


def bench_bare(request):
    """The baseline for bench/: a Django view that does nothing."""
    return HttpResponse(b"ok", content_type="text/plain")


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    if _is_api(request):
        return problem_response(request, 404)
    return render(request, "core/error.html", {"status": 404}, status=404)


def server_error(request):
    if _is_api(request):
        return problem_response(request, 500)
    return render(request, "core/error.html", {"status": 500}, status=500)


def permission_denied(request, exception=None):
    if _is_api(request):
        return problem_response(request, 403)
    return render(request, "core/error.html", {"status": 403}, status=403)


def bad_request(request, exception=None):
    if _is_api(request):
        return problem_response(request, 400)
    return render(request, "core/error.html", {"status": 400}, status=400)


def csrf_failure(request, reason=""):
    return render(request, "core/error.html", {"status": 403, "csrf": True}, status=403)
