"""JSON API of the statistics module, mounted under /api/v1 by cophub.api.

The same published figures as the pages and the SDMX service: confidential cells are never served.
"""

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from cophub.core import i18n

from . import selectors
from .models import AgeBand, Disability, ObservationStatus, Sex, Unit, Urbanisation

router = Router(tags=["statistics"])


class IndicatorOut(Schema):
    code: str
    name: str
    names: dict[str, str]
    definition: str
    definitions: dict[str, str]
    unit: Unit
    decimals: int
    min_value: float
    max_value: float | None
    breakdowns: list[str]
    method_notes: str
    comparability_notes: str
    source_types: list[str]

    @staticmethod
    def resolve_name(obj):
        return i18n.translated_value(obj, "name").text

    @staticmethod
    def resolve_names(obj):
        return i18n.translations_of(obj, "name")

    @staticmethod
    def resolve_definition(obj):
        return i18n.translated_value(obj, "definition").text

    @staticmethod
    def resolve_definitions(obj):
        return i18n.translations_of(obj, "definition")

    @staticmethod
    def resolve_method_notes(obj):
        return i18n.translated_value(obj, "method_notes").text

    @staticmethod
    def resolve_comparability_notes(obj):
        return i18n.translated_value(obj, "comparability_notes").text


class ObservationOut(Schema):
    indicator: str
    country: str
    year: int
    sex: Sex
    age: AgeBand
    urbanisation: Urbanisation
    disability: Disability
    value: float
    status: ObservationStatus
    source: str
    note: str

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code

    @staticmethod
    def resolve_country(obj):
        return obj.country_id

    @staticmethod
    def resolve_year(obj):
        return obj.period


class KeyFigureOut(Schema):
    indicator: str
    name: str
    year: int
    value: float
    unit: Unit
    status: ObservationStatus

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code

    @staticmethod
    def resolve_name(obj):
        return i18n.translated_value(obj.indicator, "name").text

    @staticmethod
    def resolve_year(obj):
        return obj.period

    @staticmethod
    def resolve_unit(obj):
        return obj.indicator.unit


@router.get("/statistics/indicators", response=list[IndicatorOut], summary="The COP indicators")
def list_indicators(request):
    return selectors.indicators()


@router.get(
    "/statistics/indicators/{code}", response=IndicatorOut, summary="One indicator, by its code"
)
def get_indicator(request, code: str):
    return selectors.indicator(code)


@router.get(
    "/statistics/observations",
    response=list[ObservationOut],
    summary="Published observations; each filter takes codes separated by '+'",
)
@paginate(LimitOffsetPagination)
def list_observations(
    request,
    indicator: str | None = None,
    country: str | None = None,
    sex: str | None = None,
    age: str | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
):
    given = {"indicator": indicator, "country": country, "sex": sex, "age": age}
    filters = {name: set(value.split("+")) for name, value in given.items() if value}
    if "country" in filters:
        filters["country"] = {code.upper() for code in filters["country"]}
    return selectors.observations(filters=filters, start=start_year, end=end_year)


@router.get(
    "/statistics/indicators/{code}/comparison",
    response=list[ObservationOut],
    summary="One indicator's totals country by country for a year (the latest when not given)",
)
def comparison(request, code: str, year: int | None = None):
    indicator = selectors.indicator(code)
    periods = selectors.periods(indicator)
    year = year or (periods[0] if periods else None)
    if year is None:
        return []
    return selectors.comparison(indicator, year)


@router.get(
    "/statistics/countries/{iso2}/key-figures",
    response=list[KeyFigureOut],
    summary="The latest published total of each indicator for a country",
)
def key_figures(request, iso2: str):
    return selectors.key_figures_for_country(iso2)
