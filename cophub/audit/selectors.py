import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from cophub.audit.models import Entry


def entries(
    *,
    actor: str = "",
    model: str = "",
    action: str = "",
    object: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    using: str = "default",
) -> QuerySet[Entry]:
    """The entries that match, newest first. Dates are days in the site's time zone, both ends
    included."""
    found = Entry.objects.using(using).order_by("-id")
    if actor:
        # An account number fits in 18 digits; a longer run of digits is searched as text.
        number = actor.isascii() and actor.isdigit() and len(actor) <= 18
        found = found.filter(Q(actor_id=int(actor)) if number else Q(actor__icontains=actor))
    if model:
        found = found.filter(model=model)
    if action:
        found = found.filter(action=action)
    if object:
        match = Q(object_label__icontains=object)
        found = found.filter(match | Q(object_pk=object))
    if date_from:
        found = found.filter(at__gte=_day_start(date_from))
    if date_to:
        found = found.filter(at__lt=_day_start(date_to + datetime.timedelta(days=1)))
    return found


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
