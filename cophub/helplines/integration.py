"""What the helplines module gives the rest of COP Hub through core's interfaces: the help
provider (core.help), the country profile section and the mandate provider."""

from django.urls import reverse

from cophub.core.help import HelpAnswer, HelpChannel, HelpService, fallback_help
from cophub.core.mandate import MandateWork

from . import selectors
from .models import Helpline


def help_answer(iso2: str) -> HelpAnswer:
    """Open services first; where nothing is listed, core's fallback (116 111 in the EU)."""
    views = selectors.helplines_for_country(iso2)
    try:
        finder_url = reverse("helplines:finder-country", kwargs={"iso2": iso2})
    except Exception:  # noqa: BLE001 - an address Django cannot build is no address at all
        finder_url = ""
    if not views:
        fallback = fallback_help(iso2)
        return HelpAnswer(country_iso2=iso2, services=fallback.services, finder_url=finder_url)
    services = [
        HelpService(
            name=view.name,
            channels=tuple(
                HelpChannel(
                    kind=channel.channel.kind,
                    label=channel.channel.display,
                    href=channel.channel.href,
                )
                for channel in view.channels
            ),
            open_now=view.open_now,
            free=_free(view),
            hours=next((channel.hours for channel in view.channels if channel.hours), ""),
            languages=tuple(view.helpline.languages),
            url=view.helpline.website,
        )
        for view in views
    ]
    return HelpAnswer(country_iso2=iso2, services=services, finder_url=finder_url)


def _free(view) -> bool | None:
    states = {channel.channel.free for channel in view.channels}
    if states == {True}:
        return True
    if False in states:
        return False
    return None


def profile_data(country):
    return selectors.helplines_for_country(country.iso2)


def profile_numbers(country):
    return selectors.dedicated_numbers_for_country(country.iso2)


def profile_gaps(country) -> list[str]:
    return selectors.country_gaps(country.iso2)


def mandate_records(paragraph):
    helplines = (
        Helpline.objects.filter(active=True, mandate=paragraph)
        .select_related("country", "region")
        .order_by("country_id", "name")
    )
    for helpline in helplines[:200]:
        url = (
            reverse("helplines:finder-country", kwargs={"iso2": helpline.country_id})
            if helpline.country_id
            else reverse("helplines:finder")
        )
        yield MandateWork(title=str(helpline), url=url, date=helpline.last_verified)
