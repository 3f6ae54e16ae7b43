"""Reads of the statistics module, for its pages, its APIs and the other modules.

Every public read goes through `published()`: cells flagged as confidential (too few children
behind them) are never shown, downloaded or served.
"""

from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from cophub.core.models import Country

from .models import TOTAL, Indicator, Observation, Submission

TOTALS = {"sex": TOTAL, "age": TOTAL, "urbanisation": TOTAL, "disability": TOTAL}
DIMENSIONS = ("indicator", "country", "sex", "age", "urbanisation", "disability")


def indicators():
    return Indicator.objects.all()


def indicators_with_coverage():
    """Each indicator with the number of countries that have published totals and the latest year
    (read from the small index of published totals, not the whole table)."""
    published_filter = Q(
        observations__confidential=False,
        observations__sex=TOTAL,
        observations__age=TOTAL,
        observations__urbanisation=TOTAL,
        observations__disability=TOTAL,
    )
    return Indicator.objects.annotate(
        country_count=Count("observations__country", filter=published_filter, distinct=True),
        latest_period=Max("observations__period", filter=published_filter),
    )


def indicator(code: str) -> Indicator:
    return get_object_or_404(Indicator, code=code)


def published():
    return Observation.objects.filter(confidential=False)


def periods(indicator: Indicator) -> list[int]:
    return list(
        published()
        .filter(indicator=indicator, **TOTALS)
        .order_by("-period")
        .values_list("period", flat=True)
        .distinct()
    )


def countries_with_data(indicator: Indicator) -> list[Country]:
    iso2s = published().filter(indicator=indicator, **TOTALS).values("country_id").distinct()
    return list(Country.objects.filter(iso2__in=iso2s).order_by("name"))


def comparison(indicator: Indicator, period: int, countries: list[str] | None = None):
    """The totals of one indicator and year, country by country, highest first."""
    rows = published().filter(indicator=indicator, period=period, **TOTALS)
    if countries:
        rows = rows.filter(country_id__in=countries)
    return list(rows.select_related("country", "indicator").order_by("-value", "country_id"))


def time_series(indicator: Indicator, countries: list[str]) -> dict[Country, list[Observation]]:
    rows = (
        published()
        .filter(indicator=indicator, country_id__in=countries, **TOTALS)
        .select_related("country")
        .order_by("country_id", "period")
    )
    series: dict[Country, list[Observation]] = {}
    for row in rows:
        series.setdefault(row.country, []).append(row)
    return series


def sex_age_breakdown(indicator: Indicator, country: str, period: int) -> list[Observation]:
    """The cells by sex and age band (urban and rural, with and without disability together)."""
    return list(
        published()
        .filter(
            indicator=indicator,
            country_id=country,
            period=period,
            urbanisation=TOTAL,
            disability=TOTAL,
        )
        .exclude(sex=TOTAL, age=TOTAL)
        .order_by("age", "sex")
    )


def observations(
    *,
    filters: dict[str, set[str]] | None = None,
    start: int | None = None,
    end: int | None = None,
):
    """Published observations matching SDMX-style filters: each dimension a set of codes."""
    rows = published()
    for dimension, codes in (filters or {}).items():
        if codes:
            field = "indicator__code" if dimension == "indicator" else f"{dimension}"
            if dimension == "country":
                field = "country_id"
            rows = rows.filter(**{f"{field}__in": codes})
    if start is not None:
        rows = rows.filter(period__gte=start)
    if end is not None:
        rows = rows.filter(period__lte=end)
    return rows.select_related("indicator").order_by(
        "indicator__order", "indicator__code", "country_id", "sex", "age", "urbanisation",
        "disability", "period",
    )  # fmt: skip


def last_n(rows, n: int) -> list[Observation]:
    """Keep the last n periods of each series (rows ordered by series, then period)."""
    kept, series, current = [], None, []
    for row in rows:
        key = (row.indicator_id, row.country_id, row.sex, row.age, row.urbanisation, row.disability)
        if key != series:
            kept.extend(current[-n:])
            series, current = key, []
        current.append(row)
    kept.extend(current[-n:])
    return kept


@dataclass(frozen=True)
class KeyFigure:
    indicator: Indicator
    period: int
    value: float
    status: str


def key_figures_for_country(iso2: str) -> list[KeyFigure]:
    """The latest published total of each indicator for the country, in the framework's order."""
    rows = (
        published()
        .filter(country_id=iso2.upper(), **TOTALS)
        .select_related("indicator")
        .order_by("indicator__order", "indicator__code", "-period")
    )
    figures: dict[int, KeyFigure] = {}
    for row in rows:
        if row.indicator_id not in figures:
            figures[row.indicator_id] = KeyFigure(row.indicator, row.period, row.value, row.status)
    return list(figures.values())


def gaps_for_country(iso2: str) -> list[str]:
    """Plain-language gaps: Resolution 179 asks for data disaggregated by sex and age."""
    rows = published().filter(country_id=iso2.upper())
    latest = rows.aggregate(
        any_year=Max("period"),
        by_sex=Max("period", filter=~Q(sex=TOTAL)),
        by_age=Max("period", filter=~Q(age=TOTAL)),
    )
    if latest["any_year"] is None:
        return []
    gaps = []
    by_sex_exists = Indicator.objects.filter(by_sex=True).exists()
    by_age_exists = Indicator.objects.filter(by_age=True).exists()
    if by_sex_exists and latest["by_sex"] is None:
        gaps.append(_("No data by sex"))
    elif by_sex_exists and latest["by_sex"] < latest["any_year"]:
        gaps.append(_("No data by sex since %(year)s") % {"year": latest["by_sex"]})
    if by_age_exists and latest["by_age"] is None:
        gaps.append(_("No data by age"))
    elif by_age_exists and latest["by_age"] < latest["any_year"]:
        gaps.append(_("No data by age since %(year)s") % {"year": latest["by_age"]})
    return gaps


def has_demo_data() -> bool:
    return Submission.objects.filter(demo=True).exists()


def submissions_between(start, end):
    return Submission.objects.filter(submitted_at__date__gte=start, submitted_at__date__lte=end)


def availability(filters: dict[str, set[str]], start=None, end=None) -> dict[str, list[str]]:
    """The codes of each dimension that have published data, for SDMX availableconstraint."""
    rows = observations(filters=filters, start=start, end=end).order_by()
    result = {}
    for dimension in DIMENSIONS:
        field = {"indicator": "indicator__code", "country": "country_id"}.get(dimension, dimension)
        result[dimension] = sorted(rows.values_list(field, flat=True).distinct())
    result["period"] = sorted(str(p) for p in rows.values_list("period", flat=True).distinct())
    return result
