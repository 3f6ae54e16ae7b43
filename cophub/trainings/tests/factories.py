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
