"""JSON API of the helplines module, mounted under /api/v1 by cophub.api."""

import datetime
from typing import Annotated

from ninja import Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from cophub.core import selectors as core
from cophub.core.apischema import (
    MANDATE_DESCRIPTION,
    Pagination,
    choice,
    mandate_codes,
    translated,
    translations,
)

from . import selectors
from .models import ChannelKind, Kind

router = Router(tags=["helplines"])


# A wall-clock time in the channel's time zone (`timezone`), as HH:MM:SS. Not OpenAPI's "time"
# format: that is RFC 3339's full-time, which must carry an offset from UTC, and no opening hour
# has one (its offset changes with daylight saving time), so every answer with hours broke it.
LocalTime = Annotated[
    str,
    Field(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$",
        description="Local time in the channel's time zone (HH:MM:SS)",
    ),
]


class OpeningOut(Schema):
    weekday: int = Field(ge=0, le=6)  # 0 = Monday
    opens: LocalTime
    closes: LocalTime

    @staticmethod
    def resolve_opens(obj):
        return obj.opens.strftime("%H:%M:%S")

    @staticmethod
    def resolve_closes(obj):
        return obj.closes.strftime("%H:%M:%S")


class ChannelOut(Schema):
    kind: ChannelKind
    value: str
    display: str
    href: str
    works_in: list[str]
    free: bool | None
    cost_note: str
    always_open: bool
    timezone: str
    hours: list[OpeningOut]
    languages: list[str]
    accessibility: list[str]

    @staticmethod
    def resolve_hours(obj):
        return list(obj.hours.all())


class HelplineOut(Schema):
    key: str
    kind: choice(Kind)
    name: str
    names: dict[str, str]
    operator_name: str
    country: str | None
    region: str | None
    website: str
    languages: list[str]
    ages_min: int | None
    ages_max: int | None
    topics: list[str]
    source_name: str
    source_url: str
    last_verified: datetime.date
    is_demo: bool
    channels: list[ChannelOut]
    mandate: list[str] = Field(description=MANDATE_DESCRIPTION)

    resolve_mandate = mandate_codes()
    resolve_names = translations("name")
    resolve_name = translated("name")

    @staticmethod
    def resolve_country(obj):
        return obj.country_id

    @staticmethod
    def resolve_region(obj):
        return obj.region_id

    @staticmethod
    def resolve_channels(obj):
        return list(obj.channels.all())


class FinderChannelOut(Schema):
    channel: ChannelOut
    open_now: bool | None
    hours_text: str

    @staticmethod
    def resolve_hours_text(obj):
        return obj.hours


class FinderServiceOut(Schema):
    helpline: HelplineOut
    open_now: bool | None
    channels: list[FinderChannelOut]


class FinderOut(Schema):
    country: str
    computed_at: datetime.datetime
    services: list[FinderServiceOut]


@router.get(
    "/helplines",
    response=list[HelplineOut],
    summary="Child helplines and reporting hotlines; by country (its region's services too)",
)
@paginate(Pagination)
def list_helplines(request, country: str | None = None, kind: choice(Kind) | None = None):
    return selectors.helplines(country=country, kind=kind).prefetch_related("mandate")


@router.get("/helplines/{key}", response=HelplineOut, summary="One helpline or hotline")
def get_helpline(request, key: str):
    return selectors.helpline(key)


@router.get(
    "/help/{iso2}",
    response=FinderOut,
    summary="What the finder shows for a country now: open services first",
)
def get_help(request, iso2: str):
    from . import clock

    country = core.country(iso2)
    now = clock.now()
    services = selectors.services_for_finder(country.iso2, now=now)
    return {"country": country.iso2, "computed_at": now, "services": services}


# --- dedicated numbers (Resolution 179, MS/11, TSB/3, MSSM/2) ------------------------------------

NOT_KNOWN = "not_known"


class DedicatedNumberOut(Schema):
    country: str
    number: str
    status: str = Field(
        description="in_service, allocated, not_allocated, or not_known when no public source "
        "has been checked (then the source fields are empty)"
    )
    source_name: str
    source_url: str
    checked_on: datetime.date | None


def _fact_out(iso2: str, number: str, fact) -> dict:
    if fact is None:
        return {"country": iso2, "number": number, "status": NOT_KNOWN, "source_name": "",
                "source_url": "", "checked_on": None}  # fmt: skip
    return {"country": iso2, "number": number, "status": fact.status,
            "source_name": fact.source_name, "source_url": fact.source_url,
            "checked_on": fact.checked_on}  # fmt: skip


@router.get(
    "/dedicated-numbers",
    response=list[DedicatedNumberOut],
    summary="Every sourced fact on 116 111 and other dedicated numbers, by country",
)
@paginate(Pagination)
def list_dedicated_numbers(request):
    return [_fact_out(fact.country_id, fact.number, fact) for fact in selectors.dedicated_numbers()]


@router.get(
    "/dedicated-numbers/{iso2}",
    response=list[DedicatedNumberOut],
    summary="A country's dedicated numbers: 116 111 first (`not_known` without a source)",
)
def get_dedicated_numbers(request, iso2: str):
    country = core.country(iso2)
    return [
        _fact_out(country.iso2, line.number, line.fact)
        for line in selectors.dedicated_numbers_for_country(country.iso2)
    ]
