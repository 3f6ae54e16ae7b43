import datetime

from django.utils import timezone

from cophub.accounts.permissions import SYSTEM
from cophub.trainings import services


def schedule(*, days: int = 10, title: str = "Safer Internet for parents", **overrides):
    """A training `days` from now (negative: already held), through the service."""
    zone = overrides.pop("time_zone", "Asia/Shanghai")
    starts_at = timezone.now() + datetime.timedelta(days=days)
    values = {
        "by": SYSTEM,
        "title": title,
        "summary": "How parents talk with children about what they meet online.",
        "audience": "parents",
        "language": "zh",
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=2),
        "time_zone": zone,
        "place": "Beijing",
        "online": False,
    }
    return services.schedule_training(**values | overrides)


def ask(*, by, days: int = 30, topic: str = "Online safety for teachers", **overrides):
    """A request for a training in a period starting `days` from now, through the service."""
    start = timezone.localdate() + datetime.timedelta(days=days)
    values = {
        "by": by,
        "topic": topic,
        "audience": "educators",
        "language": "ar",
        "country": by.country_id or "KE",
        "period_start": start,
        "period_end": start + datetime.timedelta(days=30),
        "note": "About thirty teachers, on site.",
    }
    return services.request_training(**values | overrides)
