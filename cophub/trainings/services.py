"""Every write of the trainings module: one function per action, each in its own transaction."""

import datetime
import zoneinfo
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cophub.accounts.permissions import (
    is_delegate,
    person,
    represents_country,
    represents_organisation,
    require_secretariat,
)
from cophub.core.errors import DomainError
from cophub.core.models import Country, MandateParagraph

from .models import Audience, Training, TrainingRequest
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


# --- requests for a training (Resolution 179, resolves 5: "at their request"; BDT/9) ----------


def may_request_training(user: Any) -> bool:
    """A Member State's delegate, an organisation's account, or the secretariat itself."""
    return is_delegate(user)


def _period(start: Any, end: Any) -> tuple[datetime.date, datetime.date]:
    if not isinstance(start, datetime.date) or not isinstance(end, datetime.date):
        raise DomainError(_("Give the preferred period as two dates."), field="period_start")
    if start < timezone.localdate():
        raise DomainError(_("The preferred period cannot start in the past."), field="period_start")
    if end < start:
        raise DomainError(
            _("The preferred period must end on or after its first day."), field="period_end"
        )
    if end > start + datetime.timedelta(days=366 * 2):
        raise DomainError(_("Give a period within two years."), field="period_end")
    return start, end


@transaction.atomic
def request_training(
    *,
    by: Any,
    topic: str,
    audience: str,
    language: str,
    country: str,
    period_start: datetime.date,
    period_end: datetime.date,
    note: str = "",
    is_demo: bool = False,
) -> TrainingRequest:
    """A delegate or an organisation asks for a training; a Member State's delegate asks it
    for the Member State they represent."""
    if not may_request_training(by):
        raise DomainError(
            _("Only delegates and the accounts of organisations can ask for a training.")
        )
    topic, note = (topic or "").strip(), (note or "").strip()
    if not topic:
        raise DomainError(_("Say what the training should be about."), field="topic")
    if len(topic) > 200 or len(note) > 3000:
        raise DomainError(_("The text is too long."), field="note" if len(note) > 3000 else "topic")
    if audience not in Audience.values:
        raise DomainError(_("Choose the audience of the training."), field="audience")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose the language of the training."), field="language")
    found = Country.objects.filter(iso2=(country or "").strip().upper()).first()
    if found is None:
        raise DomainError(_("Choose a country from the list."), field="country")
    own_country = getattr(by, "country_id", None)
    if represents_country(by, own_country) and own_country != found.iso2:
        raise DomainError(
            _("You can ask for a training only for the Member State you represent."),
            field="country",
        )
    start, end = _period(period_start, period_end)
    return TrainingRequest.objects.create(
        topic=topic,
        audience=audience,
        language=language,
        country=found,
        period_start=start,
        period_end=end,
        note=note,
        requested_by=by,
        organisation_id=(
            by.organisation_id if represents_organisation(by, by.organisation_id) else None
        ),
        is_demo=is_demo,
    )


def _waiting(request: TrainingRequest) -> TrainingRequest:
    request = TrainingRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != TrainingRequest.State.RECEIVED:
        raise DomainError(
            _("This request has already been answered: %(state)s.")
            % {"state": request.get_state_display()}
        )
    return request


@transaction.atomic
def schedule_requested_training(
    *, request: TrainingRequest, by: Any, **training: Any
) -> TrainingRequest:
    """The secretariat schedules a training for the request: both are written, or neither."""
    require_secretariat(by, _("Only the secretariat answers requests for a training."))
    request = _waiting(request)
    scheduled = schedule_training(by=by, **training)
    request.state, request.training = TrainingRequest.State.SCHEDULED, scheduled
    request.answered_by, request.answered_at = person(by), timezone.now()
    request.save(update_fields=["state", "training", "answered_by", "answered_at"])
    return request


@transaction.atomic
def decline_training_request(*, request: TrainingRequest, by: Any, reason: str) -> TrainingRequest:
    """The secretariat declines a request and says why; the requester reads the reason."""
    require_secretariat(by, _("Only the secretariat answers requests for a training."))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why the request is declined."), field="reason")
    if len(reason) > 2000:
        raise DomainError(_("The text is too long."), field="reason")
    request = _waiting(request)
    request.state, request.reason = TrainingRequest.State.DECLINED, reason
    request.answered_by, request.answered_at = person(by), timezone.now()
    request.save(update_fields=["state", "reason", "answered_by", "answered_at"])
    return request
