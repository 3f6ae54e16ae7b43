"""Help for a child who may be in danger: the one interface through which any page asks for it.

Resolution 179 asks for easier access to child helplines. The helplines module registers the
provider from its AppConfig.ready(); every other module (the youth consultations' safeguarding
step, the country profile) asks `help_for_country()` and renders `core/includes/help_now.html`.
Without a provider, the answer falls back to the harmonised European number 116 111.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


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
    if _provider is not None:
        return _provider(iso2)
    return fallback_help(iso2)


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
