from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from cophub.accounts.permissions import secretariat_required
from cophub.audit import exports, selectors, services
from cophub.audit.forms import EntryFilterForm
from cophub.audit.models import Action
from cophub.core.forms import render_form_page

PAGE_SIZE = 50
FORMATS = {
    "csv": ("text/csv; charset=utf-8", exports.csv_lines),
    "json": ("application/json; charset=utf-8", exports.json_chunks),
}


def _filtered(request):
    form = EntryFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    filters = form.cleaned_data if form.is_bound else {}
    return form, selectors.entries(**{k: v for k, v in filters.items() if v})


def _query_string(form) -> str:
    if not form.is_bound or not form.is_valid():
        return ""
    return urlencode({k: v for k, v in form.data.items() if k in form.fields and v})


@require_safe
@secretariat_required
def entry_list(request):
    form, found = _filtered(request)
    page = (
        Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")) if found is not None else None
    )
    return render_form_page(
        request,
        "audit/entries.html",
        {"form": form, "page": page, "query_string": _query_string(form)},
    )


@require_safe
@secretariat_required
def export(request, file_format: str):
    if file_format not in FORMATS:
        raise Http404
    form, found = _filtered(request)
    if found is None:
        return render_form_page(request, "audit/entries.html", {"form": form, "page": None})
    # The export is itself an action of the secretariat, logged before the first byte leaves.
    services.record(
        action=Action.EXPORT,
        method=request.method,
        path=request.get_full_path(),
        status=200,
        request=request,
    )
    request._audit_logged = True
    content_type, chunks = FORMATS[file_format]
    response = StreamingHttpResponse(chunks(found), content_type=content_type)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.{file_format}"'
    return response
