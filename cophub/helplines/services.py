"""Every write on the directory: import, proposals and their review, impact counts."""

import datetime
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cophub.accounts.permissions import person, represents_organisation, require_secretariat
from cophub.core.errors import DomainError
from cophub.core.models import Country, Organisation, Region
from cophub.jobs import queue

from . import exchange
from .exchange import ImportRejected, RowError, ServiceData
from .models import (
    CHILD_HELPLINE_NUMBER,
    ChangeProposal,
    ChannelKind,
    ContactChannel,
    DailyCount,
    DedicatedNumber,
    Helpline,
    OpeningHours,
)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    channels: int


def _reference_codes() -> dict:
    return {
        "countries": set(Country.objects.values_list("iso2", flat=True)),
        "regions": set(Region.objects.values_list("code", flat=True)),
        "organisations": set(Organisation.objects.values_list("code", flat=True)),
    }


def check_rows(rows: list[dict]) -> list[ServiceData]:
    """The services in the rows; ImportRejected with every error found."""
    services, errors = exchange.validate_rows(rows, **_reference_codes())
    if errors:
        raise ImportRejected(errors)
    return services


def _require_keeper(actor: Any) -> None:
    require_secretariat(actor, _("Only the secretariat keeps the directory."))


@transaction.atomic
def import_directory(*, content: bytes, file_format: str, by: Any) -> ImportResult:
    """Create or replace the services in a CSV or JSON file, all of them or none.

    A service in the file replaces the one with the same key, channels and hours included;
    services not in the file are left as they are.
    """
    _require_keeper(by)
    if file_format not in ("csv", "json"):
        raise ImportRejected([RowError(None, "", _("Upload a .csv or .json file."))])
    services = check_rows(exchange.read_rows(content, file_format))
    created = updated = channels = 0
    for service in services:
        was_new = _save_service(service)
        created += was_new
        updated += not was_new
        channels += len(service.channels)
    return ImportResult(created=created, updated=updated, channels=channels)


def _save_service(service: ServiceData) -> bool:
    fields = dict(service.fields)
    fields["country_id"] = fields.pop("country")
    fields["region_id"] = fields.pop("region")
    operator = fields.pop("operator")
    fields["operator"] = Organisation.objects.get(code=operator) if operator else None
    # The English name is the original; the other languages' names come from their columns.
    fields["name_en"] = fields.pop("name")
    helpline, created = Helpline.objects.update_or_create(key=service.key, defaults=fields)
    helpline.channels.all().delete()
    for order, channel in enumerate(service.channels):
        data = dict(channel)
        openings = data.pop("openings")
        saved = ContactChannel.objects.create(helpline=helpline, order=order, **data)
        OpeningHours.objects.bulk_create(
            OpeningHours(channel=saved, weekday=o.weekday, opens=o.opens, closes=o.closes)
            for o in openings
        )
    return created


def may_propose(user: Any, helpline: Helpline) -> bool:
    """A member of the organisation that runs the service may propose changes to it."""
    return represents_organisation(user, helpline.operator_id)


@transaction.atomic
def propose_change(
    *, user: Any, helpline: Helpline, csv_text: str, note: str = ""
) -> ChangeProposal:
    """Record a proposed new version of the service (its rows in the CSV format) for review."""
    if not may_propose(user, helpline):
        raise DomainError(_("Only the organisation that runs this service may propose changes."))
    rows = exchange.read_rows(csv_text.encode("utf-8"), "csv")
    wrong = [
        RowError(number, "key", _("Only this service's rows may be changed here."))
        for number, row in enumerate(rows, start=1)
        if row.get("key") != helpline.key
    ]
    if wrong:
        raise ImportRejected(wrong)
    check_rows(rows)
    return ChangeProposal.objects.create(helpline=helpline, rows=rows, note=note, proposed_by=user)


def _check_pending(proposal: ChangeProposal) -> None:
    if proposal.status != ChangeProposal.Status.PENDING:
        raise DomainError(_("This proposal has already been reviewed."))


def _require_reviewer(reviewer: Any) -> None:
    require_secretariat(reviewer, _("Only the secretariat reviews proposed changes."))


@transaction.atomic
def accept_proposal(*, proposal: ChangeProposal, reviewer: Any, note: str = "") -> ChangeProposal:
    _require_reviewer(reviewer)
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    _check_pending(proposal)
    # Checked again: the reference data or the rules may have changed since it was proposed.
    for service in check_rows(proposal.rows):
        _save_service(service)
    return _close(proposal, ChangeProposal.Status.ACCEPTED, reviewer, note)


@transaction.atomic
def reject_proposal(*, proposal: ChangeProposal, reviewer: Any, note: str) -> ChangeProposal:
    _require_reviewer(reviewer)
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    _check_pending(proposal)
    if not note.strip():
        raise DomainError(_("Say why the proposal is rejected."), field="note")
    return _close(proposal, ChangeProposal.Status.REJECTED, reviewer, note)


def _close(proposal: ChangeProposal, status: str, reviewer: Any, note: str) -> ChangeProposal:
    proposal.status = status
    proposal.reviewed_by = person(reviewer)
    proposal.reviewed_at = timezone.now()
    proposal.review_note = note
    proposal.save()
    return proposal


@transaction.atomic
def mark_verified(*, helpline: Helpline, on: datetime.date, by: Any) -> Helpline:
    _require_keeper(by)
    if on > timezone.localdate():
        raise DomainError(
            _("The verification date cannot be in the future."), field="last_verified"
        )
    helpline.last_verified = on
    helpline.save(update_fields=["last_verified", "updated_at"])
    return helpline


def _waiting(helpline: Helpline) -> Helpline:
    """The entry, locked, if it still waits for the secretariat; DomainError otherwise."""
    locked = Helpline.objects.select_for_update().filter(pk=helpline.pk, active=False).first()
    if locked is None:
        raise DomainError(_("This entry is no longer waiting for confirmation."))
    return locked


def _log_listing(action: str, helpline: Helpline, by: Any, changes: dict | None = None) -> None:
    from cophub.audit.services import record

    record(
        action=action,
        model="helplines.Helpline",
        object_pk=helpline.pk,
        object_label=str(helpline),
        changes=changes,
        actor=person(by),
    )


@transaction.atomic
def list_for_children(*, helpline: Helpline, by: Any) -> Helpline:
    """The secretariat has checked an entry's number against its source: children see it."""
    _require_keeper(by)
    helpline = _waiting(helpline)
    helpline.active = True
    helpline.save(update_fields=["active", "updated_at"])
    _log_listing("publish", helpline, by)
    return helpline


@transaction.atomic
def refuse_listing(*, helpline: Helpline, by: Any, reason: str) -> None:
    """The source does not bear the entry out: it is removed, the reason kept in the audit log."""
    _require_keeper(by)
    if not reason.strip():
        raise DomainError(_("Say why the entry is refused."), field="reason")
    helpline = _waiting(helpline)
    _log_listing("reject", helpline, by, {"reason": reason.strip()})
    helpline.delete()


def _increment(
    *,
    day: datetime.date,
    country_id: str,
    event: str,
    channel_id: int | None = None,
    by: int = 1,
) -> None:
    lookup = {"day": day, "country_id": country_id, "event": event, "channel_id": channel_id}
    updated = DailyCount.objects.filter(**lookup).update(count=F("count") + by)
    if not updated:
        _row, created = DailyCount.objects.get_or_create(**lookup, defaults={"count": by})
        if not created:
            DailyCount.objects.filter(**lookup).update(count=F("count") + by)


# The openings a process has counted and not yet queued, and when it last queued them: one task
# carries a process's counts of up to this many seconds, not one task each opening. Counts not
# yet queued when a process stops are lost (at most these seconds' worth: a count, not a record).
FINDER_COUNTS_SECONDS = 10.0
_finder_counts: Counter[tuple[str, str]] = Counter()
_finder_counts_lock = threading.Lock()
_finder_counts_sent = [time.monotonic()]


def count_finder_view(*, iso2: str) -> None:
    """One more opening of the finder for the country today; nothing about who opened it.

    Written by the task queue, not on the request path: each process adds up its openings and
    queues them together every FINDER_COUNTS_SECONDS (without a broker, written at once). Also
    called when the page is answered from the page cache."""
    from . import tasks

    today = timezone.localdate()
    if queue.runs_inline():
        record_finder_views([(iso2, today.isoformat(), 1)])
        return
    now = time.monotonic()
    with _finder_counts_lock:
        _finder_counts[(iso2, today.isoformat())] += 1
        if now - _finder_counts_sent[0] < FINDER_COUNTS_SECONDS:
            return
        counts = [(country, day, n) for (country, day), n in _finder_counts.items()]
        _finder_counts.clear()
        _finder_counts_sent[0] = now
    queue.enqueue(tasks.record_finder_views, counts)


@transaction.atomic
def record_finder_views(counts: list[tuple[str, str, int]]) -> None:
    """Add openings of the finder to the daily counts: (country, day as YYYY-MM-DD, openings)."""
    for iso2, day, openings in counts:
        _increment(
            day=datetime.date.fromisoformat(day),
            country_id=iso2,
            event=DailyCount.Event.VIEW,
            by=openings,
        )


@transaction.atomic
def count_tap(*, channel_id: int, iso2: str) -> bool:
    """One more tap on the channel today, counted for the country whose finder showed it."""
    if not ContactChannel.objects.filter(pk=channel_id).exists():
        return False
    if not Country.objects.filter(iso2=iso2).exists():
        return False
    _increment(
        day=timezone.localdate(), country_id=iso2, event=DailyCount.Event.TAP, channel_id=channel_id
    )
    return True


# --- dedicated numbers (Resolution 179, MS/11, TSB/3, MSSM/2) ------------------------------------

_SHORT_CODE = re.compile(r"[1-9]\d{2,5}")


def _checked_on(value: Any) -> datetime.date:
    if not isinstance(value, datetime.date):
        try:
            value = datetime.date.fromisoformat(str(value or "").strip())
        except ValueError:
            raise DomainError(
                _("Give the date the source was checked, as YYYY-MM-DD."), field="checked_on"
            ) from None
    if value > timezone.localdate():
        raise DomainError(
            _("The source cannot have been checked in the future."), field="checked_on"
        )
    return value


@transaction.atomic
def record_dedicated_number(
    *,
    by: Any,
    country: str,
    number: str,
    status: str,
    source_name: str,
    source_url: str,
    checked_on: Any,
) -> DedicatedNumber:
    """The secretariat records, from a public source, whether a country has allocated a number
    and put it in service. A later check of the same number replaces the earlier one."""
    require_secretariat(by, _("Only the secretariat records dedicated numbers."))
    found = Country.objects.filter(iso2=(country or "").strip().upper()).first()
    if found is None:
        raise DomainError(_("Choose a country from the list."), field="country")
    digits = re.sub(r"[\s\-.\u00a0]", "", number or "")
    if not _SHORT_CODE.fullmatch(digits):
        raise DomainError(
            _("A dedicated number is a short code of 3 to 6 digits, not starting with 0."),
            field="number",
        )
    if status not in DedicatedNumber.Status.values:
        raise DomainError(_("Choose the status the source gives."), field="status")
    source_name = (source_name or "").strip()
    if not source_name:
        raise DomainError(_("Name the public source of this fact."), field="source_name")
    source_url = (source_url or "").strip()
    try:
        URLValidator(schemes=["https", "http"])(source_url)
    except ValidationError:
        raise DomainError(
            _("Give the web address of the source, starting with https://."), field="source_url"
        ) from None
    fact, _created = DedicatedNumber.objects.update_or_create(
        country=found,
        number=digits,
        defaults={
            "status": status,
            "source_name": source_name[:200],
            "source_url": source_url,
            "checked_on": _checked_on(checked_on),
        },
    )
    return fact


@transaction.atomic
def dedicated_numbers_from_directory(*, by: Any) -> int:
    """Record 116 111 as in service where a listed, sourced entry of the directory is reached
    through it in its own country: the entry's source and its check date are the fact's.

    A fact checked later than the entry, by the secretariat, is left as it is."""
    require_secretariat(by, _("Only the secretariat records dedicated numbers."))
    channels = (
        ContactChannel.objects.filter(
            kind=ChannelKind.PHONE,
            value=CHILD_HELPLINE_NUMBER,
            helpline__active=True,
            helpline__is_demo=False,
            helpline__country__isnull=False,
        )
        .select_related("helpline")
        .order_by("helpline__country_id", "-helpline__last_verified")
    )
    recorded = 0
    for channel in channels:
        helpline = channel.helpline
        known = DedicatedNumber.objects.filter(
            country_id=helpline.country_id, number=CHILD_HELPLINE_NUMBER
        ).first()
        if known is not None and known.checked_on >= helpline.last_verified:
            continue
        DedicatedNumber.objects.update_or_create(
            country_id=helpline.country_id,
            number=CHILD_HELPLINE_NUMBER,
            defaults={
                "status": DedicatedNumber.Status.IN_SERVICE,
                "source_name": helpline.source_name,
                "source_url": helpline.source_url,
                "checked_on": helpline.last_verified,
            },
        )
        recorded += 1
    return recorded
