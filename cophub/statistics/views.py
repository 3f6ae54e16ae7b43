import csv
import json
from functools import lru_cache

from babel import Locale
from babel.numbers import parse_pattern
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cophub.core import charts
from cophub.core.forms import render_form_page
from cophub.core.i18n import translated_value
from cophub.core.pagecache import public_page

from . import sdmx, selectors, services
from .forms import ComparisonForm, SubmissionForm
from .models import TOTAL, AgeBand, ObservationStatus, Sex, Unit

MAX_SDMX_OBSERVATIONS = 200_000


@lru_cache(maxsize=64)
def _number_pattern(language: str, decimals: int):
    # A comparison page formats hundreds of figures: parse the locale and the pattern once.
    fmt = f"#,##0.{'0' * decimals}" if decimals else "#,##0"
    return Locale.parse(language), parse_pattern(fmt)


def format_value(indicator, value: float) -> str:
    if indicator.unit == Unit.YES_NO:
        return _("Yes") if value >= 0.5 else _("No")
    locale, pattern = _number_pattern(get_language() or "en", indicator.decimals)
    text = pattern.apply(value, locale)
    return f"{text} %" if indicator.unit == Unit.PERCENT else text


@public_page("statistics", "core")
@require_GET
def index(request):
    return render(
        request,
        "statistics/index.html",
        {
            "indicators": list(selectors.indicators_with_coverage()),
            "demo": selectors.has_demo_data(),
            "can_submit": services.can_submit(request.user),
        },
    )


@public_page("statistics", "core")
@require_GET
def indicator_detail(request, code):
    indicator = selectors.indicator(code)
    periods, countries, demo = selectors.indicator_facts(indicator)
    form = ComparisonForm(request.GET or None, periods=periods, countries=countries)
    period, chosen = (periods[0] if periods else None), []
    if form.is_bound and form.is_valid():
        period = int(form.cleaned_data["period"] or period or 0) or None
        chosen = form.cleaned_data["country"]
    context = {
        "indicator": indicator,
        "form": form,
        "periods": periods,
        "period": period,
        "demo": demo,
        "indicator_name": translated_value(indicator, "name").text,
        "indicator_definition": translated_value(indicator, "definition").text,
    }
    if period is not None:
        context |= selectors.kept_comparison(
            indicator, period, chosen, lambda: _comparison_context(indicator, period, chosen)
        )
    context["download_query"] = request.GET.urlencode()
    return render_form_page(request, "statistics/indicator.html", context)


def _comparison_context(indicator, period: int, chosen: list[str]) -> dict:
    compared = selectors.comparison(indicator, period, chosen or None)
    shown = [format_value(indicator, row.value) for row in compared]
    bars = [
        charts.Bar(row.country_name, row.value, text)
        for row, text in zip(compared, shown, strict=True)
    ]
    maximum = 100 if indicator.unit == Unit.PERCENT else None
    name = translated_value(indicator, "name").text
    comparison_chart = charts.bar_chart(
        bars,
        chart_id="chart-countries",
        title=_("%(indicator)s, %(year)s, by country") % {"indicator": name, "year": period},
        description=_("Bars for %(count)s countries; the table below gives the same figures.")
        % {"count": len(bars)},
        maximum=maximum,
    )
    series_countries = chosen or [row.country_id for row in compared[:3]]
    series = selectors.time_series(indicator, series_countries)
    series_chart = None
    if series:
        series_chart = charts.line_chart(
            [(country, [(o.period, o.value) for o in found]) for country, found in series.items()],
            title=_("%(indicator)s over the years") % {"indicator": name},
            description=_("One line per country; the table below gives the same figures."),
            maximum=maximum,
            format_value=lambda v: format_value(indicator, v),
            chart_id="chart-series",
        )
    series_periods = sorted({o.period for found in series.values() for o in found})
    series_table = []
    for country, found in series.items():
        by_period = {o.period: format_value(indicator, o.value) for o in found}
        series_table.append((country, [by_period.get(p, "–") for p in series_periods]))
    breakdown_country = series_countries[0] if series_countries else None
    breakdown, breakdown_chart, breakdown_name = [], None, ""
    if breakdown_country and (indicator.by_sex or indicator.by_age):
        breakdown = selectors.sex_age_breakdown(indicator, breakdown_country, period)
        breakdown_name = next((row.country_name for row in compared
                               if row.country_id == breakdown_country), breakdown_country)  # fmt: skip
        if breakdown:
            breakdown_chart = _breakdown_chart(
                indicator, breakdown, breakdown_name, period, maximum
            )
    statuses = dict(ObservationStatus.choices)
    sections = {
        "period": period,
        "comparison": [
            (row, text, statuses[row.status] if row.status != "A" else "")
            for row, text in zip(compared, shown, strict=True)
        ],
        "comparison_chart": comparison_chart,
        "series_chart": series_chart,
        "series_periods": series_periods,
        "series_table": series_table,
        "breakdown_rows": _breakdown_table(indicator, breakdown),
        "breakdown_chart": breakdown_chart,
        "breakdown_country": breakdown_name,
    }
    # The charts and tables are the same for every visitor: rendered once, kept as HTML.
    return {
        "comparison_html": render_to_string("statistics/includes/comparison.html", sections),
        "breakdown_country": breakdown_name,
    }


def _breakdown_chart(indicator, cells, country_name, period, maximum):
    age_labels, sex_labels = dict(AgeBand.choices), dict(Sex.choices)
    sex_order = {"F": 0, "M": 1, TOTAL: 2}
    cells = sorted(cells, key=lambda o: (list(age_labels).index(o.age), sex_order[o.sex]))
    bars = [
        charts.Bar(str(sex_labels[o.sex]), o.value, format_value(indicator, o.value),
                   group=str(age_labels[o.age]), colour=sex_order[o.sex])
        for o in cells
    ]  # fmt: skip
    name = translated_value(indicator, "name").text
    return charts.bar_chart(
        bars,
        chart_id="chart-breakdown",
        title=_("%(indicator)s in %(country)s, %(year)s, by sex and age")
        % {"indicator": name, "country": country_name, "year": period},
        description=_(
            "Bars for girls and boys in each age band; the table below gives the same figures."
        ),
        maximum=maximum,
    )


def _breakdown_table(indicator, cells) -> list[tuple[str, list[str]]]:
    """Rows by age band, columns girls, boys, all: '–' where the cell is missing or withheld."""
    values = {(o.age, o.sex): format_value(indicator, o.value) for o in cells}
    if not cells:
        return []
    return [
        (label, [values.get((age, sex), "–") for sex in ("F", "M", TOTAL)])
        for age, label in AgeBand.choices
        if any((age, sex) in values for sex in ("F", "M", TOTAL))
    ]


DOWNLOAD_COLUMNS = ["indicator", "country", "country_name", "year", "sex", "age",
                    "urbanisation", "disability", "value", "unit", "status", "source", "note"]  # fmt: skip


def _download_rows(request, indicator):
    found = selectors.published().filter(indicator=indicator)
    countries = [c.upper() for c in request.GET.getlist("country") if c]
    if countries:
        found = found.filter(country_id__in=countries)
    year = request.GET.get("period", "")
    if year.isdigit():
        found = found.filter(period=int(year))
    return selectors.rows(found).order_by(
        "country_id", "period", "sex", "age", "urbanisation", "disability"
    )


def _record(row) -> dict:
    return {
        "indicator": row.code, "country": row.country_id, "country_name": row.country_name,
        "year": row.period, "sex": row.sex, "age": row.age, "urbanisation": row.urbanisation,
        "disability": row.disability, "value": row.value, "unit": row.unit, "status": row.status,
        "source": row.source, "note": row.note,
    }  # fmt: skip


class _Echo:
    """A file that hands back what is written to it, for csv.writer into a streamed response."""

    def write(self, text: str) -> str:
        return text


def _csv_lines(found):
    writer = csv.writer(_Echo(), lineterminator="\n")
    yield writer.writerow(DOWNLOAD_COLUMNS)
    for row in found.iterator(chunk_size=2000):
        yield writer.writerow(_record(row).values())


@require_GET
def download_csv(request, code):
    """Streamed: rows are written as they are read, whatever the size of the selection."""
    indicator = selectors.indicator(code)
    response = StreamingHttpResponse(
        _csv_lines(_download_rows(request, indicator)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{indicator.code}.csv"'
    return response


@require_GET
def download_json(request, code):
    indicator = selectors.indicator(code)
    body = {
        "indicator": {
            "code": indicator.code,
            "name": translated_value(indicator, "name").text,
            "definition": translated_value(indicator, "definition").text,
            "unit": indicator.unit,
        },
        "observations": [
            _record(row) for row in _download_rows(request, indicator).iterator(chunk_size=2000)
        ],
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{indicator.code}.json"'
    return response


@login_required
def submit(request):
    if not services.can_submit(request.user):
        raise PermissionDenied
    report, form = None, SubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = services.submit_observations(
                data=upload.read(),
                file_name=upload.name,
                file_format=form.cleaned_data["file_format"] or None,
                submitted_by=request.user,
            )
        except services.SubmissionRejected as rejected:
            report = rejected.report
            form.add_error(None, rejected.message)
        except services.DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The file was accepted: %(created)s new and %(revised)s revised observations.")
                % {"created": report.created, "revised": report.revised},
            )
    return render_form_page(request, "statistics/submit.html", {"form": form, "report": report})


# --- SDMX 2.1 REST ----------------------------------------------------------------------------


def _sdmx_response(body, content_type: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type, status=status)
    response["Access-Control-Allow-Origin"] = "*"  # open data, read by other sites' scripts
    patch_vary_headers(response, ["Accept"])  # the format follows Accept
    return response


def _sdmx_error(error: sdmx.QueryError) -> HttpResponse:
    code = {404: 100, 413: 510}.get(error.status, 140)
    return _sdmx_response(
        sdmx.error_message(code, str(error)), "application/xml; charset=utf-8", error.status
    )


STRUCTURE_RESOURCES = {
    "dataflow": "dataflows",
    "datastructure": "datastructures",
    "codelist": "codelists",
    "conceptscheme": "concepts",
}
WITH_CHILDREN = {"children", "descendants", "all", "datastructure", "codelist", "conceptscheme"}


@public_page("statistics", "core")
@require_GET
def sdmx_structure(request, resource, agency="all", resource_id="all", version="latest"):
    try:
        sdmx.check_agency(agency)
        sdmx.check_version(version)
        parts = {STRUCTURE_RESOURCES[resource]: True}
        wanted = {"all", "*", "latest"}
        if resource == "codelist":
            ids = sdmx.ALL_CODELISTS + ["CL_UNIT", "CL_OBS_STATUS"]
            ids = list(dict.fromkeys(ids))
            if resource_id not in wanted:
                if resource_id not in ids:
                    raise sdmx.QueryError(_("No such codelist."), status=404)
                ids = [resource_id]
            parts = {"codelist_ids": ids}
        else:
            own_id = {"dataflow": sdmx.FLOW_ID, "datastructure": sdmx.DSD_ID,
                      "conceptscheme": sdmx.CONCEPT_SCHEME_ID}[resource]  # fmt: skip
            if resource_id not in wanted and resource_id != own_id:
                raise sdmx.QueryError(
                    _("No such structure: %(id)s.") % {"id": resource_id}, status=404
                )
        references = request.GET.get("references", "none")
        if references in WITH_CHILDREN and resource in ("dataflow", "datastructure"):
            parts |= {"datastructures": True, "codelist_ids": list(dict.fromkeys(sdmx.ALL_CODELISTS)),
                      "concepts": True}  # fmt: skip
        return _sdmx_response(sdmx.structure_message(**parts), sdmx.MEDIA_XML_STRUCTURE)
    except sdmx.QueryError as error:
        return _sdmx_error(error)


def _data_query(request, flow: str, key: str):
    sdmx.check_flow(flow)
    filters = sdmx.parse_key(key)
    start = sdmx.parse_period(request.GET.get("startPeriod"))
    end = sdmx.parse_period(request.GET.get("endPeriod"))
    return filters, start, end


@public_page("statistics", "core")
@require_GET
def sdmx_data(request, flow, key="all", provider="all"):
    try:
        filters, start, end = _data_query(request, flow, key)
        last = sdmx.parse_positive(request.GET.get("lastNObservations"), "lastNObservations")
        rows = selectors.observations(filters=filters, start=start, end=end)
        rows = list(rows[: MAX_SDMX_OBSERVATIONS + 1])
        if len(rows) > MAX_SDMX_OBSERVATIONS:
            raise sdmx.QueryError(
                _(
                    "The query asks for more than %(max)s observations; narrow the key or the period."
                )
                % {"max": MAX_SDMX_OBSERVATIONS},
                status=413,
            )
        if last:
            rows = selectors.last_n(rows, last)
        if not rows:
            raise sdmx.QueryError(_("No data match the query."), status=404)
    except sdmx.QueryError as error:
        return _sdmx_error(error)
    kind = sdmx.data_format(request.headers.get("Accept", ""), request.GET.get("format", ""))
    if kind == "csv":
        return _sdmx_response(sdmx.csv_message(rows), f"{sdmx.MEDIA_CSV}; charset=utf-8")
    if kind == "json":
        return _sdmx_response(sdmx.json_message(rows), sdmx.MEDIA_JSON)
    return _sdmx_response(sdmx.generic_data_message(rows), sdmx.MEDIA_XML_GENERIC)


@public_page("statistics", "core")
@require_GET
def sdmx_availability(request, flow, key="all", provider="all", component="all"):
    try:
        filters, start, end = _data_query(request, flow, key)
    except sdmx.QueryError as error:
        return _sdmx_error(error)
    available = selectors.availability(filters, start, end)
    return _sdmx_response(sdmx.availability_message(available), sdmx.MEDIA_XML_STRUCTURE)


def bench_aggregate(request):
    """The baseline of the statistics bench: one plain SQL aggregate over the observations table,
    for the same indicator and year the comparison page shows (only with COPHUB_BENCH_VIEWS)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT o.country_id, AVG(o.value) FROM statistics_observation o "
            "JOIN statistics_indicator i ON i.id = o.indicator_id "
            "WHERE i.code = %s AND o.period = %s GROUP BY o.country_id",
            [request.GET.get("indicator", ""), int(request.GET.get("period", "0") or 0)],
        )
        rows = cursor.fetchall()
    return HttpResponse(json.dumps(rows), content_type="application/json")
