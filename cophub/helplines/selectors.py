"""Every read of the directory: for the finder, the API, the country profile and other modules."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cophub.core.i18n import translated_value
from cophub.core.models import Country

from . import clock
from .hours import describe_hours, is_open
from .models import (
    CHILD_HELPLINE_NUMBER,
    VERIFICATION_PERIOD,
    ChangeProposal,
    ContactChannel,
    DailyCount,
    DedicatedNumber,
    Helpline,
    Kind,
)


def _with_channels(queryset: QuerySet[Helpline]) -> QuerySet[Helpline]:
    return queryset.select_related("country", "region", "operator").prefetch_related(
        Prefetch("channels", queryset=ContactChannel.objects.prefetch_related("hours"))
    )


def helplines(*, country: str | None = None, kind: str | None = None) -> QuerySet[Helpline]:
    """Listed services, with their channels and hours; by country (its region's services too)."""
    queryset = Helpline.objects.filter(active=True)
    if country:
        region = Country.objects.filter(iso2=country.upper()).values("region_id")
        queryset = queryset.filter(Q(country_id=country.upper()) | Q(region_id__in=region))
    if kind:
        queryset = queryset.filter(kind=kind)
    return _with_channels(queryset.order_by("country_id", "kind", "name"))


def helpline(key: str) -> Helpline:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(_with_channels(Helpline.objects.filter(active=True)), key=key)


@dataclass(frozen=True)
class ChannelView:
    channel: ContactChannel
    open_now: bool | None
    hours: str


@dataclass(frozen=True)
class ServiceView:
    helpline: Helpline
    name: str
    channels: list[ChannelView]
    open_now: bool | None

    @property
    def is_regional(self) -> bool:
        return self.helpline.region_id is not None

    @property
    def language_names(self) -> str:
        """The languages the service answers in, named in the reader's language (CLDR)."""
        from babel import Locale
        from babel.lists import format_list

        locale = Locale.parse(translation.get_language() or settings.LANGUAGE_CODE)
        names = [locale.languages.get(code, code) for code in self.helpline.languages]
        return format_list(names, locale=locale) if names else ""


def _service_open(channels: list[ChannelView]) -> bool | None:
    states = [channel.open_now for channel in channels]
    if True in states:
        return True
    if None in states or not states:
        return None
    return False


def services_for_finder(iso2: str, *, now: datetime.datetime | None = None) -> list[ServiceView]:
    """What the finder shows for a country: open services first, then those whose hours are
    not known, then closed ones; child helplines before reporting hotlines; the country's own
    services before its region's. "Open" is computed in each channel's own time zone."""
    now = now or clock.now()
    views = []
    for item in helplines(country=iso2):
        channels = []
        for channel in item.channels.all():
            openings = list(channel.hours.all())
            channels.append(
                ChannelView(
                    channel=channel,
                    open_now=is_open(channel.always_open, openings, channel.timezone, now),
                    hours=describe_hours(channel.always_open, openings, channel.timezone),
                )
            )
        channels.sort(key=lambda view: _OPEN_ORDER[view.open_now])
        views.append(
            ServiceView(
                helpline=item,
                name=str(translated_value(item, "name")),
                channels=channels,
                open_now=_service_open(channels),
            )
        )
    views.sort(
        key=lambda view: (
            _OPEN_ORDER[view.open_now],
            view.helpline.kind != Kind.CHILD_HELPLINE,
            view.is_regional,
        )
    )
    return views


_OPEN_ORDER = {True: 0, None: 1, False: 2}


def helplines_for_country(iso2: str) -> list[ServiceView]:
    """The one question other modules ask: the services a child in the country can reach now,
    open ones first."""
    return services_for_finder((iso2 or "").upper())


def countries_with_services() -> set[str]:
    return set(
        Helpline.objects.filter(active=True, country__isnull=False).values_list(
            "country_id", flat=True
        )
    )


def guess_country(accept_language: str, known: set[str]) -> str | None:
    """A country to preselect from the browser's languages (e.g. es-MX → MX): only a guess the
    child can change; no address lookup, nothing stored."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().replace("_", "-")
        pieces = tag.split("-")
        for piece in pieces[1:]:
            if len(piece) == 2 and piece.isalpha() and piece.upper() in known:
                return piece.upper()
    return None


def needing_verification(today: datetime.date | None = None) -> QuerySet[Helpline]:
    """Services whose entry has not been verified for a year: the secretariat checks them."""
    today = today or timezone.localdate()
    return (
        Helpline.objects.filter(active=True, last_verified__lt=today - VERIFICATION_PERIOD)
        .select_related("country", "region")
        .order_by("last_verified")
    )


def waiting_for_confirmation() -> QuerySet[Helpline]:
    """Entries imported unlisted: hidden from children until the secretariat confirms each."""
    return _with_channels(
        Helpline.objects.filter(active=False)
        .select_related("country", "region")
        .order_by("country__name", "name")
    )


def pending_proposals() -> QuerySet[ChangeProposal]:
    return ChangeProposal.objects.filter(status=ChangeProposal.Status.PENDING).select_related(
        "helpline", "proposed_by"
    )


def proposals_of(user: Any) -> QuerySet[ChangeProposal]:
    return ChangeProposal.objects.filter(proposed_by=user).select_related("helpline")


def helplines_run_by(organisation_id: int | None) -> QuerySet[Helpline]:
    if organisation_id is None:
        return Helpline.objects.none()
    return Helpline.objects.filter(operator_id=organisation_id).select_related("country", "region")


def impact_rows(
    *, helpline_ids: list[int] | None = None, since: datetime.date | None = None
) -> list[dict]:
    """Per day and country: finder views, and taps per channel. Nothing finer exists."""
    queryset = DailyCount.objects.select_related("channel__helpline").order_by(
        "day", "country_id", "event", "channel_id"
    )
    if since:
        queryset = queryset.filter(day__gte=since)
    if helpline_ids is not None:
        queryset = queryset.filter(
            Q(event=DailyCount.Event.TAP, channel__helpline_id__in=helpline_ids)
            | Q(event=DailyCount.Event.VIEW)
        )
    return [
        {
            "day": row.day.isoformat(),
            "country": row.country_id,
            "event": row.event,
            "service": row.channel.helpline.key if row.channel else "",
            "channel": row.channel.kind if row.channel else "",
            "value": row.channel.value if row.channel else "",
            "count": row.count,
        }
        for row in queryset
    ]


@dataclass(frozen=True, slots=True)
class ListedServices:
    """Which kinds of service the directory lists for a country (its own or its region's)."""

    child_helpline: bool
    reporting_hotline: bool


def listed_services(iso2: str) -> ListedServices:
    region = Country.objects.filter(iso2=iso2.upper()).values("region_id")
    kinds = set(
        Helpline.objects.filter(active=True)
        .filter(Q(country_id=iso2.upper()) | Q(region_id__in=region))
        .values_list("kind", flat=True)
    )
    return ListedServices(
        child_helpline=Kind.CHILD_HELPLINE in kinds,
        reporting_hotline=Kind.REPORTING_HOTLINE in kinds,
    )


def country_gaps(iso2: str) -> list[str]:
    """Plain-language gaps for the country profile."""
    listed = listed_services(iso2)
    gaps = []
    if not listed.child_helpline:
        gaps.append(_("No child helpline listed"))
    if not listed.reporting_hotline:
        gaps.append(_("No reporting hotline listed"))
    return gaps


# --- dedicated numbers (Resolution 179, MS/11, TSB/3, MSSM/2) ------------------------------------


def dedicated_numbers(*, country: str | None = None) -> QuerySet[DedicatedNumber]:
    """Every sourced fact on a dedicated number, by country and number."""
    found = DedicatedNumber.objects.select_related("country")
    return found.filter(country_id=country.upper()) if country else found


@dataclass(frozen=True)
class NumberLine:
    """One number in one country: its sourced fact, or None when nothing sourced is known."""

    number: str
    fact: DedicatedNumber | None

    @property
    def display(self) -> str:
        from .numbers import display_number

        return display_number(self.number)


def dedicated_numbers_for_country(iso2: str) -> list[NumberLine]:
    """116 111 first, known or not, then every other number recorded for the country."""
    facts = {fact.number: fact for fact in DedicatedNumber.objects.filter(country_id=iso2)}
    lines = [NumberLine(CHILD_HELPLINE_NUMBER, facts.pop(CHILD_HELPLINE_NUMBER, None))]
    return lines + [NumberLine(number, facts[number]) for number in sorted(facts)]
