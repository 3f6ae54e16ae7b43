"""Help for a child who may be in danger: the one interface through which any page asks for it.

Resolution 179 asks for easier access to child helplines. The helplines module registers the
provider from its AppConfig.ready(); every other module (the youth consultations' safeguarding
step, the country profile) asks `help_for_country()` and renders `core/includes/help_now.html`.
Without a provider, the answer falls back to the harmonised European number 116 111.
"""

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneMetadata


@dataclass(frozen=True)
class HelpChannel:
    kind: str  # "phone", "sms", "chat", "messaging", "email", "web", "app"
    label: str  # what the child reads and taps, e.g. "116 111" or a translated "Chat"
    href: str  # tel:+…, sms:…, https://…, mailto:…


@dataclass(frozen=True)
class HelpService:
    name: str
    channels: tuple[HelpChannel, ...]
    open_now: bool | None = None  # None when the hours are not known
    free: bool | None = None
    hours: str = ""  # translated, e.g. "Open 24 hours, every day"
    languages: tuple[str, ...] = ()
    notes: str = ""
    url: str = ""  # the service's page in the finder or its own site


@dataclass(frozen=True)
class HelpAnswer:
    country_iso2: str
    services: list[HelpService] = field(default_factory=list)
    finder_url: str = ""  # the full finder page for the country, when there is one
    emergency: tuple[str, ...] = ()  # the country's emergency numbers, e.g. ("110", "118")


HelpProvider = Callable[[str], HelpAnswer]

# Commission Decision 2007/116/EC reserves 116 111 for child helplines in every EU member state.
EU_116111 = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)

_provider: HelpProvider | None = None


def register_provider(provider: HelpProvider | None) -> None:
    global _provider
    _provider = provider


def help_for_country(iso2: str) -> HelpAnswer:
    """The services a child in the country can reach, open ones first."""
    iso2 = (iso2 or "").upper()
    answer = _provider(iso2) if _provider is not None else fallback_help(iso2)
    return dataclasses.replace(answer, emergency=emergency_numbers(iso2))


# Shown first where a country has them: the numbers a phone dials in an emergency even
# without a SIM card in most networks (GSM 112, and 911 in the Americas).
_UNIVERSAL = ("112", "911")
MAX_EMERGENCY_NUMBERS = 6


@functools.cache
def emergency_numbers(iso2: str) -> tuple[str, ...]:
    """The country's emergency numbers, from libphonenumber's short-number data (which the
    phonenumbers package ships): every number of 2 to 4 digits its emergency pattern accepts,
    e.g. Bolivia 110, 118, 119; Laos 190, 191, 195; Chad 17, 18."""
    metadata = PhoneMetadata.short_metadata_for_region((iso2 or "").upper())
    description = metadata.emergency if metadata is not None else None
    if description is None or not description.national_number_pattern:
        return ()
    pattern = re.compile(description.national_number_pattern)
    numbers = [
        number
        for length in (2, 3, 4)
        for number in map("".join, itertools.product("0123456789", repeat=length))
        if pattern.fullmatch(number)
    ]
    example = description.example_number
    if example and pattern.fullmatch(example) and example not in numbers:
        numbers.append(example)  # a longer one, e.g. Namibia's 10111
    ordered = sorted(
        numbers,
        key=lambda n: (n not in _UNIVERSAL, _UNIVERSAL.index(n) if n in _UNIVERSAL else 0,
                       n != example, len(n) < 3, n),
    )  # fmt: skip
    return tuple(ordered[:MAX_EMERGENCY_NUMBERS])


def fallback_help(iso2: str) -> HelpAnswer:
    if iso2 in EU_116111:
        channel = HelpChannel(kind="phone", label="116 111", href="tel:116111")
        service = HelpService(
            name=str(_("Child helpline")),
            channels=(channel,),
            free=True,
            notes=str(_("116 111 is the free number for child helplines in the European Union.")),
        )
        return HelpAnswer(country_iso2=iso2, services=[service])
    return HelpAnswer(country_iso2=iso2)
