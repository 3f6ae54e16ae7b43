"""Demo trainings, dated relative to today: one held last month, one coming next month."""

import datetime
import zoneinfo

from django.utils import timezone

from cophub.accounts.permissions import SYSTEM

from . import services
from .models import Training

DEMO_TRAININGS = [
    # (days from today, hour, hours long, title, summary, audience, language, zone, place, online)
    (
        -30,
        9,
        6,
        "Keeping children safe online: a workshop for teachers",
        "A day for primary and secondary school teachers on recognising grooming, answering a "
        "child's disclosure and teaching safe use of the Internet in class.",
        "educators",
        "fr",
        "Africa/Dakar",
        "Dakar, Senegal",
        False,
    ),
    (
        21,
        14,
        3,
        "National COP strategies for policymakers",
        "An online session for ministries and regulators drafting a national child online "
        "protection strategy, built on the ITU Guidelines for policymakers.",
        "policymakers",
        "en",
        "Africa/Nairobi",
        "Nairobi, Kenya",
        True,
    ),
]


def load_demo(*, stdout=None) -> None:
    if Training.objects.filter(is_demo=True).exists():
        return
    today = timezone.localdate()
    for (
        days,
        hour,
        hours,
        title,
        summary,
        audience,
        language,
        zone,
        place,
        online,
    ) in DEMO_TRAININGS:
        day = today + datetime.timedelta(days=days)
        starts_at = datetime.datetime.combine(
            day, datetime.time(hour), tzinfo=zoneinfo.ZoneInfo(zone)
        )
        services.schedule_training(
            by=SYSTEM,
            title=title,
            summary=summary,
            audience=audience,
            language=language,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=hours),
            time_zone=zone,
            place=place,
            online=online,
            is_demo=True,
        )
    if stdout is not None:
        stdout.write(f"Demo trainings (demo data): {len(DEMO_TRAININGS)}")
