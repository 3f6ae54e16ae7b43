"""Reads of the statistics module, for its pages, its APIs and the other modules.

Every public read goes through `published()`: cells flagged as confidential (too few children
behind them) are never shown, downloaded or served.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import CharField, Count, F, Max, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _

from cophub.core import cache as versioned
from cophub.core.i18n import translated_value
from cophub.core.models import Country

from .models import TOTAL, Indicator, Observation, Submission

TOTALS = {"sex": TOTAL, "age": TOTAL, "urbanisation": TOTAL, "disability": TOTAL}
DIMENSIONS = ("indicator", "country", "sex", "age", "urbanisation", "disability")


# The name of the figures' data version (core.cache): every change to the published figures
# raises it (services.figures_changed), and what the pages computed from them is kept until then:
# a comparison of every country is read and drawn once per version, language and choice, not on
# each view. At most this many seconds, too, should a server not share the cache.
VERSION = "statistics"
COMPUTED_SECONDS = 600


def indicator_facts(indicator: Indicator) -> tuple[list[int], list[tuple[str, str]], bool]:
    """The years with published totals, the countries that have them (code, and name in the
    language of the request) and the demo flag, kept until the figures change."""

    def compute() -> tuple[list[int], list[tuple[str, str]], bool]:
        countries = [
            (country.iso2, translated_value(country, "name").text)
            for country in countries_with_data(indicator)
        ]
        return periods(indicator), countries, has_demo_data()

    key = f"facts:{translation.get_language()}:{indicator.pk}"
    return versioned.cached(VERSION, key, compute, timeout=COMPUTED_SECONDS)


def kept_comparison(
    indicator: Indicator, period: int, chosen: list[str], compute: Callable[[], dict]
) -> dict:
    """What the indicator page made (`compute()`) of its comparison for `period` of the `chosen`
    countries (every country when none), kept per language until the figures change."""
    key = f"comparison:{translation.get_language()}:{indicator.pk}:{period}:{'+'.join(sorted(chosen))}"
    return versioned.cached(VERSION, key, compute, timeout=COMPUTED_SECONDS)


def indicators() -> QuerySet[Indicator]:
    return Indicator.objects.all()


def indicators_with_coverage() -> list[Indicator]:
    """Each indicator with the number of countries that have published totals and the latest year.

    The published totals are read with their conditions in WHERE, which the partial index
    `observation_published_totals` matches (an index-only scan of the totals, not the whole
    table); indicators without any keep a count of 0."""
    coverage: dict[int, dict[str, Any]] = {
        row["indicator_id"]: dict(row)
        for row in published()
        .filter(**TOTALS)
        .values("indicator_id")
        .annotate(country_count=Count("country", distinct=True), latest_period=Max("period"))
        .order_by()
    }
    indicators = list(Indicator.objects.all())
    for indicator in indicators:
        row = coverage.get(indicator.pk, {})
        indicator.country_count = row.get("country_count", 0)
        indicator.latest_period = row.get("latest_period")
    return indicators


def indicator(code: str) -> Indicator:
    return get_object_or_404(Indicator, code=code)


def published() -> QuerySet[Observation]:
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


# The columns every public read of observations gives, as plain tuples (no model instances):
# the SDMX messages, the downloads, the API and the pages all format from these.
ROW_FIELDS = ("code", "country_id", "sex", "age", "urbanisation", "disability", "period", "value",
              "unit", "status", "note", "source", "country_name")  # fmt: skip
# One of those rows: a named tuple, whose class values_list(named=True) makes as it reads.
Row = Any


def _country_name() -> Coalesce:
    """The country's name in the active language, else in English (one column of the join)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    language = language if language in {code for code, _n in settings.LANGUAGES} else "en"
    return Coalesce(
        NullIf(F(f"country__name_{language}"), Value("")),
        F("country__name_en"),
        F("country__name"),
        output_field=CharField(),
    )


def rows(queryset: QuerySet[Observation]) -> QuerySet[Observation, Row]:
    """Observations as named tuples of ROW_FIELDS, read in one query."""
    return queryset.annotate(
        code=F("indicator__code"), unit=F("indicator__unit"), country_name=_country_name()
    ).values_list(*ROW_FIELDS, named=True)


def comparison(indicator: Indicator, period: int, countries: list[str] | None = None) -> list[Row]:
    """The totals of one indicator and year, country by country, highest first (through the
    index of published totals)."""
    found = published().filter(indicator=indicator, period=period, **TOTALS)
    if countries:
        found = found.filter(country_id__in=countries)
    return list(rows(found).order_by("-value", "country_id"))


def time_series(indicator: Indicator, countries: list[str]) -> dict[str, list]:
    """Each country's totals year by year, keyed by the country's name."""
    found = (
        published().filter(indicator=indicator, country_id__in=countries, **TOTALS)
        .annotate(country_name=_country_name())
        .values_list("country_id", "country_name", "period", "value", named=True)
        .order_by("country_id", "period")
    )  # fmt: skip
    series: dict[str, list] = {}
    for row in found:
        series.setdefault(row.country_name, []).append(row)
    return series


def sex_age_breakdown(indicator: Indicator, country: str, period: int) -> list:
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
        .values_list("sex", "age", "value", named=True)
    )


def observations(
    *,
    filters: dict[str, set[str]] | None = None,
    start: int | None = None,
    end: int | None = None,
) -> QuerySet[Observation, Row]:
    """Published observations matching SDMX-style filters (each dimension a set of codes), as
    named tuples of ROW_FIELDS in series order: indicator, country, breakdown, then year."""
    found = published()
    for dimension, codes in (filters or {}).items():
        if not codes:
            continue
        if dimension == "indicator":
            # A semi-join on the small indicator table, then the unique index, whose first
            # column is the indicator.
            found = found.filter(
                indicator_id__in=Indicator.objects.filter(code__in=codes).values("id")
            )
        else:
            field = "country_id" if dimension == "country" else dimension
            found = found.filter(**{f"{field}__in": codes})
    if start is not None:
        found = found.filter(period__gte=start)
    if end is not None:
        found = found.filter(period__lte=end)
    return rows(found).order_by(
        "indicator__order", "indicator__code", "country_id", "sex", "age", "urbanisation",
        "disability", "period",
    )  # fmt: skip


def last_n(found: Iterable[Row], n: int) -> list[Row]:
    """Keep the last n periods of each series (rows ordered by series, then period)."""
    kept: list[Row] = []
    series = None
    current: list[Row] = []
    for row in found:
        key = row[:6]  # code, country and the four breakdowns
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
    # One row per indicator (PostgreSQL's DISTINCT ON), however many years the country has.
    rows = (
        published()
        .filter(country_id=iso2.upper(), **TOTALS)
        .select_related("indicator")
        .order_by("indicator__order", "indicator__code", "indicator_id", "-period")
        .distinct("indicator__order", "indicator__code", "indicator_id")
    )
    return [KeyFigure(row.indicator, row.period, row.value, row.status) for row in rows]


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
    kinds = Indicator.objects.aggregate(
        by_sex=Count("pk", filter=Q(by_sex=True)), by_age=Count("pk", filter=Q(by_age=True))
    )
    by_sex_exists, by_age_exists = kinds["by_sex"] > 0, kinds["by_age"] > 0
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


def submissions_between(start: datetime.date, end: datetime.date) -> QuerySet[Submission]:
    return Submission.objects.filter(submitted_at__date__gte=start, submitted_at__date__lte=end)


def availability(
    filters: dict[str, set[str]], start: int | None = None, end: int | None = None
) -> dict[str, list[str]]:
    """The codes of each dimension that have published data, for SDMX availableconstraint."""
    found = published()
    for dimension, codes in (filters or {}).items():
        if codes:
            field = {"indicator": "indicator__code", "country": "country_id"}.get(
                dimension, dimension
            )
            found = found.filter(**{f"{field}__in": codes})
    if start is not None:
        found = found.filter(period__gte=start)
    if end is not None:
        found = found.filter(period__lte=end)
    result = {}
    for dimension in DIMENSIONS:
        field = {"indicator": "indicator__code", "country": "country_id"}.get(dimension, dimension)
        result[dimension] = sorted(found.order_by().values_list(field, flat=True).distinct())
    result["period"] = sorted(
        str(p) for p in found.order_by().values_list("period", flat=True).distinct()
    )
    return result
