"""Every write of the trainings module: one function per action, each in its own transaction."""

import datetime
import zoneinfo
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cophub.accounts.permissions import require_secretariat
from cophub.core.errors import DomainError
from cophub.core.models import MandateParagraph

from .models import Audience, Training
from .registrations import MANDATE


def _slug(title: str, starts_at: datetime.datetime) -> str:
    base = f"{starts_at:%Y-%m-%d}-{slugify(title, allow_unicode=True)}"[:70].strip("-")
    slug, suffix = base, 2
    while Training.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


@transaction.atomic
def schedule_training(
    *,
    by: Any,
    title: str,
    summary: str,
    audience: str,
    language: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    time_zone: str,
    place: str = "",
    online: bool = False,
    is_demo: bool = False,
) -> Training:
    """The secretariat announces a training; it serves the paragraphs of the mandate at once."""
    require_secretariat(by, _("Only the secretariat schedules trainings."))
    title, place = title.strip(), place.strip()
    if not title:
        raise DomainError(_("Give the training a title."), field="title")
    if audience not in Audience.values:
        raise DomainError(_("Choose the audience of the training."), field="audience")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language of the training."), field="language")
    if time_zone not in zoneinfo.available_timezones():
        raise DomainError(_("Choose a time zone from the list."), field="time_zone")
    if ends_at <= starts_at:
        raise DomainError(_("The training must end after it starts."), field="ends_at")
    if not place and not online:
        raise DomainError(_("Give a place, or say that the training is online."), field="place")
    training = Training.objects.create(
        slug=_slug(title, starts_at),
        title=title,
        summary=summary.strip(),
        audience=audience,
        language=language,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
        place=place,
        online=online,
        is_demo=is_demo,
    )
    training.mandate.set(MandateParagraph.objects.filter(code__in=MANDATE))
    return training
