"""JSON API of the statistics module, mounted under /api/v1 by cophub.api.

The same published figures as the pages and the SDMX service: confidential cells are never served.
"""

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from ninja.security import django_auth

from cophub.core.apischema import (
    MANDATE_DESCRIPTION,
    Pagination,
    Year,
    mandate_codes,
    translated,
    translations,
)
from cophub.core.problems import problem_response

from . import selectors, services
from .forms import MAX_UPLOAD_BYTES
from .models import AgeBand, Disability, ObservationStatus, Sex, Submission, Unit, Urbanisation

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
    mandate: list[str] = Field(description=MANDATE_DESCRIPTION)

    resolve_mandate = mandate_codes()
    resolve_name = translated("name")
    resolve_names = translations("name")
    resolve_definition = translated("definition")
    resolve_definitions = translations("definition")
    resolve_method_notes = translated("method_notes")
    resolve_comparability_notes = translated("comparability_notes")


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

    # Read from selectors.ROW_FIELDS tuples, not model instances.
    @staticmethod
    def resolve_indicator(obj):
        return obj.code

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

    resolve_name = translated("name", of="indicator")

    @staticmethod
    def resolve_year(obj):
        return obj.period

    @staticmethod
    def resolve_unit(obj):
        return obj.indicator.unit


@router.get("/statistics/indicators", response=list[IndicatorOut], summary="The COP indicators")
def list_indicators(request):
    return selectors.indicators().prefetch_related("mandate")


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
@paginate(Pagination)
def list_observations(
    request,
    indicator: str | None = None,
    country: str | None = None,
    sex: str | None = None,
    age: str | None = None,
    start_year: Year | None = None,
    end_year: Year | None = None,
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
def comparison(request, code: str, year: Year | None = None):
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


class SubmissionOut(Schema):
    id: int
    file_name: str
    format: Submission.Format
    rows_read: int
    created: int
    revised: int
    unchanged: int
    withheld: int


# The file is the body itself (CSV, SDMX-CSV or SDMX-ML), or a multipart form's `file` field.
SUBMISSION_BODY = {
    "requestBody": {
        "required": True,
        "description": "The file of observations: the body itself, or the `file` field of a "
        "multipart form. Checked row by row; when a row is wrong nothing is stored.",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.sdmx.data+csv;version=1.0.0": {"schema": {"type": "string"}},
            "application/xml": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "format": {"type": "string", "enum": list(Submission.Format.values)},
                    },
                    "required": ["file"],
                }
            },
        },
    },
    "responses": {
        "422": {
            "description": "The file was refused; `errors` names each wrong row (row, message). "
            "Nothing was stored.",
            "content": {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
            },
        },
        "401": {"description": "Not signed in"},
        "403": {"description": "Not a national focal point or the secretariat"},
        "413": {"description": "The file is larger than 20 MB"},
    },
}


def _upload(request) -> tuple[bytes, str, str | None] | None:
    """The submitted file: (data, file name, format asked for), or None when there is none."""
    if request.content_type == "multipart/form-data":
        upload = request.FILES.get("file")
        if upload is None:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            return b"", upload.name, "too_large"
        return upload.read(), upload.name, request.POST.get("format") or None
    # Read from the stream, not request.body: that stops at DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB),
    # meant for forms, while a file may have up to 20 MB.
    data = request.body if hasattr(request, "_body") else request.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        return b"", "", "too_large"
    asked = request.GET.get("format") or None
    name = request.headers.get("X-File-Name", "") or {
        "application/xml": "submission.xml",
        "text/xml": "submission.xml",
    }.get(request.content_type, "submission.csv")
    return (data, name, asked) if data else None


@router.post(
    "/statistics/submissions",
    response={201: SubmissionOut},
    auth=django_auth,
    summary="A national statistics office or focal point submits a file of observations "
    "(signed in, CSRF token); all or nothing, with the wrong rows named",
    openapi_extra=SUBMISSION_BODY,
)
def submit_observations(request, format: Submission.Format | None = None):
    user = request.auth
    if not services.can_submit(user):
        return problem_response(
            request,
            403,
            detail=_("Only national focal points and the secretariat may submit data."),
        )
    upload = _upload(request)
    if upload is None:
        return problem_response(
            request, 400, detail=_("Send the file as the body or as the “file” field of a form.")
        )
    data, file_name, asked = upload
    if asked == "too_large":
        return problem_response(
            request,
            413,
            detail=_(
                "The file is larger than 20 MB. Split it, or ask the secretariat to import it."
            ),
        )
    if asked and asked not in Submission.Format.values:
        return problem_response(
            request, 400, detail=_("“%(format)s” is not a file format.") % {"format": asked}
        )
    report = services.submit_observations(
        data=data, file_name=file_name, file_format=asked or format, submitted_by=user
    )
    return Status(
        201,
        {
            "id": report.submission.pk,
            "file_name": report.file_name,
            "format": report.file_format,
            "rows_read": report.rows_read,
            "created": report.created,
            "revised": report.revised,
            "unchanged": report.unchanged,
            "withheld": report.withheld,
        },
    )
