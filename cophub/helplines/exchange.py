"""The directory's exchange format: CSV or JSON, one row per contact channel.

The rows of one service share its `key` and repeat the service's own columns. Import reads every
row, checks every field and reports each error with its row and column; a file with any error
is refused as a whole (services.import_directory), so that nothing is imported partly.
JSON is a list of objects with the same names as the CSV columns.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from cophub.core.errors import DomainError

from .hours import check_timezone, format_hours_text, parse_hours
from .models import Accessibility, ChannelKind, Kind, Topic
from .numbers import canonical_number

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SERVICE_COLUMNS = [
    "key",
    "kind",
    "country",
    "region",
    "name",
    "operator",
    "operator_name",
    "website",
    "languages",
    "ages",
    "topics",
    "source_name",
    "source_url",
    "last_verified",
    "demo",
]
CHANNEL_COLUMNS = [
    "channel",
    "value",
    "works_in",
    "label",
    "free",
    "cost",
    "timezone",
    "hours",
    "channel_languages",
    "accessibility",
]
COLUMNS = SERVICE_COLUMNS + CHANNEL_COLUMNS
# Names in the other languages are optional columns.
# "listed": "no" for an entry whose number or source is not yet confirmed: it stays hidden from
# children (finder, help, API) until the secretariat lists it. Blank or absent: listed.
OPTIONAL_COLUMNS = ["listed"] + [f"name_{code}" for code in LANGUAGE_CODES if code != "en"]
REQUIRED_VALUE = {"key", "kind", "name", "operator_name", "source_name", "source_url"}
REQUIRED_VALUE |= {"last_verified", "channel", "value", "timezone"}


@dataclass(frozen=True)
class RowError:
    row: int | None  # 1 = the first row after the header; None for the file as a whole
    column: str
    message: str


@dataclass
class ServiceData:
    key: str
    fields: dict
    channels: list[dict] = field(default_factory=list)
    first_row: int = 0


class ImportRejected(DomainError):
    """The file has errors; `errors` lists each with its row and column. Nothing was imported."""

    def __init__(self, errors: list[RowError]):
        super().__init__(
            _("Nothing was imported. Errors found: %(count)d.") % {"count": len(errors)}
        )
        self.errors = errors


def read_rows(content: bytes, file_format: str) -> list[dict]:
    """The rows of a CSV or JSON file; ImportRejected if the file cannot be read at all."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(
            [
                RowError(
                    None, "", _("The file is not UTF-8 text. Save it as CSV UTF-8 and try again.")
                )
            ]
        ) from None
    if file_format == "json":
        try:
            rows = json.loads(text)
        except RecursionError:
            # Nested deeper than Python's parser goes: certainly not a list of flat objects.
            raise ImportRejected(
                [RowError(None, "", _("The JSON file must be a list of objects."))]
            ) from None
        except json.JSONDecodeError as error:
            raise ImportRejected(
                [
                    RowError(
                        None,
                        "",
                        _("The file is not valid JSON (line %(line)d).") % {"line": error.lineno},
                    )
                ]
            ) from None
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ImportRejected(
                [RowError(None, "", _("The JSON file must be a list of objects."))]
            )
        columns = set().union(*(row.keys() for row in rows)) if rows else set()
        rows = [{key: _as_text(value) for key, value in row.items()} for row in rows]
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = set(reader.fieldnames or [])
        rows = [{key: (value or "").strip() for key, value in row.items() if key} for row in reader]
    missing = [column for column in COLUMNS if column not in columns]
    if missing:
        raise ImportRejected(
            [
                RowError(
                    None, column, _("The column “%(column)s” is missing.") % {"column": column}
                )
                for column in missing
            ]
        )
    if not rows:
        raise ImportRejected([RowError(None, "", _("The file has no rows."))])
    return rows


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return str(value).strip()


def validate_rows(
    rows: list[dict], *, countries: set[str], regions: set[str], organisations: set[str]
) -> tuple[list[ServiceData], list[RowError]]:
    """Every row checked; the services grouped by key, or every error found."""
    errors: list[RowError] = []
    services: dict[str, ServiceData] = {}
    for number, row in enumerate(rows, start=1):
        row_errors: list[RowError] = []

        def error(column, message, number=number, row_errors=row_errors):
            row_errors.append(RowError(number, column, str(message)))

        for column in REQUIRED_VALUE:
            if not row.get(column):
                error(column, _("This value is required."))
        service = _service_fields(row, error, countries, regions, organisations)
        # A number is checked against the service's country only once that country is known.
        place_known = service["country"] in countries or service["region"] in regions
        channel = _channel_fields(
            row, error, service["country"], check_number=place_known, source=service["source_name"]
        )
        errors += row_errors
        if row_errors:
            continue
        key = row["key"]
        if key not in services:
            services[key] = ServiceData(key=key, fields=service, first_row=number)
        else:
            for column, value in service.items():
                if services[key].fields.get(column) != value:
                    errors.append(
                        RowError(
                            number,
                            column,
                            _("Differs from row %(row)d of the same service “%(key)s”.")
                            % {"row": services[key].first_row, "key": key},
                        )
                    )
        services[key].channels.append(channel)
    return list(services.values()), errors


def _yes_no(value: str, column: str, error, *, blank=None):
    value = value.strip().lower()
    if not value:
        return blank
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    error(column, _("Write yes or no."))
    return blank


def _codes(value: str, allowed, column: str, error) -> list[str]:
    codes = value.replace(",", " ").split()
    wrong = [code for code in codes if code not in allowed]
    if wrong:
        error(column, _("Unknown codes: %(codes)s.") % {"codes": ", ".join(wrong)})
    return codes


def _service_fields(row, error, countries, regions, organisations) -> dict:
    fields = {"name": row.get("name", "")}
    for code in LANGUAGE_CODES:
        if code != "en" and row.get(f"name_{code}"):
            fields[f"name_{code}"] = row[f"name_{code}"]
    if row.get("kind") and row["kind"] not in Kind.values:
        error("kind", _("Use one of: %(values)s.") % {"values": ", ".join(Kind.values)})
    fields["kind"] = row.get("kind", "")
    country, region = row.get("country", "").upper(), row.get("region", "").upper()
    if bool(country) == bool(region):
        error("country", _("Give either a country or a region, not both or neither."))
    if country and country not in countries:
        error("country", _("“%(code)s” is not an ISO 3166-1 country code.") % {"code": country})
    if region and region not in regions:
        error("region", _("“%(code)s” is not an ITU region code.") % {"code": region})
    fields["country"], fields["region"] = country or None, region or None
    operator = row.get("operator", "")
    if operator and operator not in organisations:
        error("operator", _("No organisation has the code “%(code)s”.") % {"code": operator})
    fields["operator"] = operator or None
    fields["operator_name"] = row.get("operator_name", "")
    for column in ("website", "source_url"):
        fields[column] = row.get(column, "")
        if fields[column]:
            try:
                URLValidator(schemes=["https", "http"])(fields[column])
            except ValidationError:
                error(column, _("Enter a full web address starting with https://."))
    fields["source_name"] = row.get("source_name", "")
    fields["languages"] = _codes(
        row.get("languages", ""), LANGUAGE_CODES + _MORE_LANGUAGES, "languages", error
    )
    fields["topics"] = _codes(row.get("topics", ""), Topic.values, "topics", error)
    fields["ages_min"], fields["ages_max"] = _ages(row.get("ages", ""), error)
    try:
        fields["last_verified"] = datetime.date.fromisoformat(row.get("last_verified", ""))
    except ValueError:
        if row.get("last_verified"):
            error("last_verified", _("Write the date as YYYY-MM-DD."))
        fields["last_verified"] = None
    fields["is_demo"] = bool(_yes_no(row.get("demo", ""), "demo", error, blank=False))
    fields["active"] = bool(_yes_no(row.get("listed", ""), "listed", error, blank=True))
    return fields


def _ages(value: str, error) -> tuple[int | None, int | None]:
    if not value:
        return None, None
    try:
        low, high = (int(part) for part in value.split("-"))
    except ValueError:
        error("ages", _("Write the ages as a range such as 5-18."))
        return None, None
    if low > high:
        error("ages", _("The youngest age must not be above the oldest."))
    return low, high


def _channel_fields(row, error, country, *, check_number: bool, source: str = "") -> dict:
    kind = row.get("channel", "")
    if kind and kind not in ChannelKind.values:
        error("channel", _("Use one of: %(values)s.") % {"values": ", ".join(ChannelKind.values)})
    channel = {
        "kind": kind,
        "label": row.get("label", ""),
        "cost_note": row.get("cost", ""),
        "free": _yes_no(row.get("free", ""), "free", error),
        "languages": _codes(
            row.get("channel_languages", ""),
            LANGUAGE_CODES + _MORE_LANGUAGES,
            "channel_languages",
            error,
        ),
        "accessibility": _codes(
            row.get("accessibility", ""), Accessibility.values, "accessibility", error
        ),
        "timezone": row.get("timezone", ""),
        "works_in": [],
    }
    value = row.get("value", "")
    try:
        if kind in (ChannelKind.PHONE, ChannelKind.SMS) and value and not check_number:
            channel["value"] = value
        elif kind in (ChannelKind.PHONE, ChannelKind.SMS) and value:
            works_in = [code.upper() for code in row.get("works_in", "").replace(",", " ").split()]
            channel["value"], channel["works_in"] = canonical_number(
                value, country=country, works_in=works_in, source=source
            )
        elif kind == ChannelKind.EMAIL and value:
            EmailValidator()(value)
            channel["value"] = value
        elif value:
            URLValidator(schemes=["https", "http"])(value)
            channel["value"] = value
    except DomainError as problem:
        error(problem.field or "value", problem.message)
    except ValidationError:
        error("value", _("Enter an e-mail address or a web address starting with https://."))
    if channel["timezone"]:
        try:
            check_timezone(channel["timezone"])
        except DomainError as problem:
            error("timezone", problem.message)
    try:
        channel["always_open"], channel["openings"] = parse_hours(row.get("hours", ""))
    except DomainError as problem:
        error("hours", problem.message)
    return channel


# Languages helplines answer in beyond the six of the Union (ISO 639-1), as the directory needs.
_MORE_LANGUAGES = (
    "de it nl pt pl sv da fi no nb nn is et lv lt cs sk sl hr sr bs mk bg ro hu el tr uk be ka hy "
    "az kk ky uz tg tk mn he fa ur hi bn ne si ta te ml kn mr gu pa sw am so ha yo ig zu xh af st tn "
    "rw lg ny sn mg ms id tl th vi km lo my ja ko ga mt lb sq ca eu gl cy"
).split()


def export_rows(helplines) -> list[dict]:
    """The rows of the given helplines (channels and hours prefetched), in the import format."""
    rows = []
    for helpline in helplines:
        service = {
            "key": helpline.key,
            "kind": helpline.kind,
            "country": helpline.country_id or "",
            "region": helpline.region_id or "",
            "name": helpline.name_en or helpline.name,
            "operator": helpline.operator.code if helpline.operator else "",
            "operator_name": helpline.operator_name,
            "website": helpline.website,
            "languages": " ".join(helpline.languages),
            "ages": f"{helpline.ages_min}-{helpline.ages_max}"
            if helpline.ages_min is not None and helpline.ages_max is not None
            else "",
            "topics": " ".join(helpline.topics),
            "source_name": helpline.source_name,
            "source_url": helpline.source_url,
            "last_verified": helpline.last_verified.isoformat(),
            "demo": "yes" if helpline.is_demo else "no",
            "listed": "yes" if helpline.active else "no",
        }
        for code in LANGUAGE_CODES:
            if code != "en":
                service[f"name_{code}"] = getattr(helpline, f"name_{code}", "") or ""
        for channel in helpline.channels.all():
            rows.append(
                service
                | {
                    "channel": channel.kind,
                    "value": channel.value,
                    "works_in": " ".join(channel.works_in),
                    "label": channel.label,
                    "free": "" if channel.free is None else ("yes" if channel.free else "no"),
                    "cost": channel.cost_note,
                    "timezone": channel.timezone,
                    "hours": format_hours_text(channel.always_open, channel.hours.all()),
                    "channel_languages": " ".join(channel.languages),
                    "accessibility": " ".join(channel.accessibility),
                }
            )
    return rows


def rows_to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS + OPTIONAL_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def rows_to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1)
