"""Demo trainings, dated relative to today: one held last month, one coming next month; and two
requests for a training, one waiting for the secretariat and one it declined."""

import datetime
import zoneinfo

from django.utils import timezone

from cophub.accounts.permissions import SYSTEM

from . import services
from .models import Training, TrainingRequest

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


DEMO_REQUESTS = [
    # (country, days from today to the preferred period, topic, audience, language, reason)
    ("FJ", 60, "Online safety for parents in the outer islands", "parents", "en", ""),
    (
        "SN",
        45,
        "Former les enseignants au signalement des contenus d'abus",
        "educators",
        "fr",
        "Demo data: the trainers for this period are already booked; ask again for next term.",
    ),
]


def _demo_requests() -> int:
    """Each asked by the country's demo delegate, made here if the countries demo has not."""
    from cophub.accounts.models import User
    from cophub.core.models import Country

    if TrainingRequest.objects.filter(is_demo=True).exists():
        return 0
    today = timezone.localdate()
    for iso2, days, topic, audience, language, reason in DEMO_REQUESTS:
        email = f"delegate.{iso2.lower()}@demo.cophub.invalid"
        delegate = User.objects.filter(email=email).first() or User.objects.create_user(
            email,
            None,
            full_name=f"Delegate of {iso2} (demo)",
            role="member_state",
            country=Country.objects.get(iso2=iso2),
        )
        start = today + datetime.timedelta(days=days)
        request = services.request_training(
            by=delegate,
            topic=topic,
            audience=audience,
            language=language,
            country=iso2,
            period_start=start,
            period_end=start + datetime.timedelta(days=60),
            note="Demo data.",
            is_demo=True,
        )
        if reason:
            services.decline_training_request(request=request, by=SYSTEM, reason=reason)
    return len(DEMO_REQUESTS)


def load_demo(*, stdout=None) -> None:
    requests = _demo_requests()
    if stdout is not None and requests:
        stdout.write(f"Demo requests for a training (demo data): {requests}")
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
