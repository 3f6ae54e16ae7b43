"""Every write of the countries module.

A change to a country's record takes one shape, a `kind` and a `payload`, whoever makes it: a
focal point proposes it (`propose_change`) and the secretariat accepts it (`review_proposal`),
or the secretariat makes it directly (`apply_change`), or an import brings many (`import_measures`).
The payload is checked in full before anything is written, each action is one transaction, and
each change writes its row of the country's public history.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cophub.accounts.permissions import person, represents_country, require_secretariat
from cophub.core.errors import DomainError
from cophub.core.models import Country, MandateParagraph

from .models import (
    AssistanceRequest,
    AssistanceStep,
    Change,
    ChecklistItem,
    Evidence,
    Measure,
    MeasureStatus,
    Milestone,
    Proposal,
    Roadmap,
    RoadmapDocument,
)

# Resolution 179: RES/2 (roadmaps), BDT/8 (national strategies), MS/9 (cybersecurity strategies).
ROADMAP_MANDATE = ("R179/RES/2", "R179/BDT/8")
CYBERSECURITY_MANDATE = "R179/MS/9"

EARLIEST_YEAR = 1950
_http_url = URLValidator(schemes=["http", "https"])


# --- checking a payload --------------------------------------------------------------------


def _text(payload: dict, key: str, *, required: bool, max_length: int, label: str) -> str:
    value = payload.get(key) or ""
    if not isinstance(value, str):
        raise DomainError(_("%(field)s must be text.") % {"field": label}, field=key)
    value = value.strip()
    if required and not value:
        raise DomainError(_("%(field)s is required.") % {"field": label}, field=key)
    if len(value) > max_length:
        raise DomainError(
            _("%(field)s is too long (at most %(max)d characters).")
            % {"field": label, "max": max_length},
            field=key,
        )
    return value


def _choice(
    payload: dict, key: str, choices: type[models.TextChoices], *, default: str | None = None
) -> str:
    value = payload.get(key) or default
    if not isinstance(value, str) or value not in choices.values:
        raise DomainError(_("Choose one of the values offered."), field=key)
    return value


def _item(
    code: object, *, field: str = "item", items: dict[str, ChecklistItem] | None = None
) -> ChecklistItem:
    if items is not None:
        item = items.get(code) if isinstance(code, str) else None
    else:
        item = ChecklistItem.objects.filter(code=code).first() if isinstance(code, str) else None
    if item is None:
        raise DomainError(
            _("“%(code)s” is not an item of the checklist.") % {"code": code}, field=field
        )
    return item


def _year(value: Any, *, field: str, required: bool) -> int | None:
    if value in (None, ""):
        if required:
            raise DomainError(_("Give the year."), field=field)
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise DomainError(_("Write the year with four digits."), field=field) from None
    if not EARLIEST_YEAR <= year <= timezone.localdate().year + 10:
        raise DomainError(_("This year is not plausible."), field=field)
    return year


def _date(value: Any, *, field: str, required: bool) -> datetime.date | None:
    if value in (None, ""):
        if required:
            raise DomainError(_("Give the date."), field=field)
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise DomainError(_("Write the date as YYYY-MM-DD."), field=field) from None


def clean_url(value: str | None, *, field: str = "url", required: bool = False) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            raise DomainError(_("Give the link."), field=field)
        return ""
    try:
        _http_url(value)
    except ValidationError:
        raise DomainError(
            _("The link must be a full web address starting with http:// or https://."),
            field=field,
        ) from None
    return value


def clean_evidence(payload: dict) -> dict:
    return {
        "title": _text(payload, "title", required=True, max_length=300, label=_("Title")),
        "year": _year(payload.get("year"), field="year", required=True),
        "url": clean_url(payload.get("url")),
        "excerpt": _text(payload, "excerpt", required=False, max_length=2000, label=_("Excerpt")),
    }


def clean_measure(payload: dict, *, items: dict[str, ChecklistItem] | None = None) -> dict:
    evidence = payload.get("evidence") or []
    if not isinstance(evidence, list):
        raise DomainError(_("The evidence is not in the expected form."), field="evidence")
    return {
        "item": _item(payload.get("item"), items=items),
        "status": _choice(payload, "status", MeasureStatus),
        "description": _text(
            payload, "description", required=False, max_length=2000, label=_("Description")
        ),
        "evidence": [clean_evidence(entry) for entry in evidence if any(entry.values())],
    }


def clean_roadmap(payload: dict) -> dict:
    cleaned: dict[str, Any] = {
        "title": _text(payload, "title", required=True, max_length=300, label=_("Title")),
        "kind": _choice(payload, "kind", Roadmap.Kind, default=Roadmap.Kind.ROADMAP),
        "status": _choice(payload, "status", Roadmap.Status),
        "start_year": _year(payload.get("start_year"), field="start_year", required=False),
        "end_year": _year(payload.get("end_year"), field="end_year", required=False),
        "cop_in_cybersecurity_strategy": _choice(
            payload,
            "cop_in_cybersecurity_strategy",
            Roadmap.CyberStrategy,
            default=Roadmap.CyberStrategy.UNKNOWN,
        ),
        "summary": _text(payload, "summary", required=False, max_length=3000, label=_("Summary")),
    }
    if (
        cleaned["start_year"]
        and cleaned["end_year"]
        and cleaned["end_year"] < cleaned["start_year"]
    ):
        raise DomainError(_("The last year cannot be before the first year."), field="end_year")
    return cleaned


def clean_milestone(payload: dict, country: Country) -> dict:
    milestone = None
    if payload.get("id"):
        if str(payload["id"]).isdigit():
            milestone = Milestone.objects.filter(pk=payload["id"], roadmap__country=country).first()
        if milestone is None:
            raise DomainError(_("This milestone is not in the country's roadmap."), field="id")
    cleaned: dict[str, Any] = {
        "milestone": milestone,
        "title": _text(payload, "title", required=True, max_length=300, label=_("Title")),
        "owner": _text(payload, "owner", required=True, max_length=200, label=_("Owner")),
        "start_date": _date(payload.get("start_date"), field="start_date", required=False),
        "target_date": _date(payload.get("target_date"), field="target_date", required=True),
        "status": _choice(payload, "status", Milestone.Status, default=Milestone.Status.PLANNED),
        "item": _item(payload["item"]) if payload.get("item") else None,
    }
    if cleaned["start_date"] and cleaned["target_date"] < cleaned["start_date"]:
        raise DomainError(
            _("The target date cannot be before the start date."), field="target_date"
        )
    return cleaned


def clean_document(payload: dict) -> dict:
    return {
        "title": _text(payload, "title", required=True, max_length=300, label=_("Title")),
        "url": clean_url(payload.get("url"), required=True),
    }


def clean_change(kind: str, payload: dict, country: Country) -> dict:
    if not isinstance(payload, dict):
        raise DomainError(_("The change is not in the expected form."))
    if kind == Proposal.Kind.MEASURE:
        return clean_measure(payload)
    if kind == Proposal.Kind.ROADMAP:
        return clean_roadmap(payload)
    if kind == Proposal.Kind.MILESTONE:
        if not Roadmap.objects.filter(country=country).exists():
            raise DomainError(_("Record the roadmap before its milestones."))
        return clean_milestone(payload, country)
    if kind == Proposal.Kind.DOCUMENT:
        if not Roadmap.objects.filter(country=country).exists():
            raise DomainError(_("Record the roadmap before its documents."))
        return clean_document(payload)
    raise DomainError(_("Choose one of the values offered."), field="kind")


# --- applying a checked change ---------------------------------------------------------------


def _diff(obj: models.Model | None, values: dict[str, Any]) -> list[dict[str, Any]]:
    details = []
    for key, after in values.items():
        if obj is None and after in (None, ""):
            continue  # a new record: only what it says is a change
        before = getattr(obj, key) if obj is not None else None
        if isinstance(after, ChecklistItem) or isinstance(before, ChecklistItem):
            before, after = getattr(before, "code", None), getattr(after, "code", None)
        if before != after:
            details.append({"field": key, "before": _plain(before), "after": _plain(after)})
    return details


def _plain(value: object) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _record(
    country: Country,
    action: str,
    *,
    by: Any,
    proposal: Proposal | None,
    item: ChecklistItem | None = None,
    subject: str = "",
    details: list[dict[str, Any]] | None = None,
) -> Change:
    return Change.objects.create(
        country=country,
        action=action,
        by=by,
        proposal=proposal,
        item=item,
        subject=subject[:300],
        details=details or [],
    )


def _apply_measure(
    country: Country,
    cleaned: dict[str, Any],
    *,
    by: Any,
    proposal: Proposal | None,
    is_demo: bool = False,
) -> Measure:
    item = cleaned["item"]
    measure = Measure.objects.filter(country=country, item=item).first()
    values = {"status": cleaned["status"], "description": cleaned["description"]}
    details = _diff(measure, values)
    if measure is None:
        measure = Measure.objects.create(country=country, item=item, is_demo=is_demo, **values)
    elif details:
        for key, value in values.items():
            setattr(measure, key, value)
        measure.save()
    if details:
        _record(
            country, Change.Action.MEASURE, by=by, proposal=proposal, item=item, details=details
        )
    for evidence in cleaned["evidence"]:
        Evidence.objects.create(measure=measure, **evidence)
        _record(
            country,
            Change.Action.EVIDENCE,
            by=by,
            proposal=proposal,
            item=item,
            subject=evidence["title"],
            details=[
                {"field": key, "before": None, "after": value}
                for key, value in evidence.items()
                if value
            ],
        )
    return measure


def _apply_roadmap(
    country: Country,
    cleaned: dict[str, Any],
    *,
    by: Any,
    proposal: Proposal | None,
    is_demo: bool = False,
) -> Roadmap:
    roadmap = Roadmap.objects.filter(country=country).first()
    details = _diff(roadmap, cleaned)
    if roadmap is None:
        roadmap = Roadmap.objects.create(country=country, is_demo=is_demo, **cleaned)
    elif details:
        for key, value in cleaned.items():
            setattr(roadmap, key, value)
        roadmap.save()
    codes = list(ROADMAP_MANDATE)
    if roadmap.cop_in_cybersecurity_strategy == Roadmap.CyberStrategy.YES:
        codes.append(CYBERSECURITY_MANDATE)
    roadmap.mandate.set(MandateParagraph.objects.filter(code__in=codes))
    if details:
        _record(
            country,
            Change.Action.ROADMAP,
            by=by,
            proposal=proposal,
            subject=roadmap.title,
            details=details,
        )
    return roadmap


def _apply_milestone(
    country: Country, cleaned: dict[str, Any], *, by: Any, proposal: Proposal | None
) -> Milestone:
    cleaned = dict(cleaned)
    milestone = cleaned.pop("milestone")
    details = _diff(milestone, cleaned)
    if milestone is None:
        milestone = Milestone.objects.create(roadmap=country.cop_roadmap, **cleaned)
        action = Change.Action.MILESTONE_ADDED
    else:
        for key, value in cleaned.items():
            setattr(milestone, key, value)
        milestone.save()
        action = Change.Action.MILESTONE
    if details:
        _record(
            country,
            action,
            by=by,
            proposal=proposal,
            item=cleaned["item"],
            subject=milestone.title,
            details=details,
        )
    return milestone


def _apply_document(
    country: Country, cleaned: dict[str, Any], *, by: Any, proposal: Proposal | None
) -> RoadmapDocument:
    document = RoadmapDocument.objects.create(roadmap=country.cop_roadmap, **cleaned)
    _record(
        country,
        Change.Action.DOCUMENT,
        by=by,
        proposal=proposal,
        subject=document.title,
        details=[{"field": "url", "before": None, "after": document.url}],
    )
    return document


Applied = Measure | Roadmap | Milestone | RoadmapDocument


def _apply(
    kind: str,
    country: Country,
    cleaned: dict[str, Any],
    *,
    by: Any,
    proposal: Proposal | None = None,
    is_demo: bool = False,
) -> Applied:
    if kind == Proposal.Kind.MEASURE:
        return _apply_measure(country, cleaned, by=by, proposal=proposal, is_demo=is_demo)
    if kind == Proposal.Kind.ROADMAP:
        return _apply_roadmap(country, cleaned, by=by, proposal=proposal, is_demo=is_demo)
    if kind == Proposal.Kind.MILESTONE:
        return _apply_milestone(country, cleaned, by=by, proposal=proposal)
    return _apply_document(country, cleaned, by=by, proposal=proposal)


# --- the actions -----------------------------------------------------------------------------


@transaction.atomic
def propose_change(*, country: Country, kind: str, payload: dict, by: Any) -> Proposal:
    """A focal point proposes a change to its own country's record, for the secretariat."""
    if not represents_country(by, country.iso2):
        raise DomainError(_("You can propose changes only for the Member State you represent."))
    clean_change(kind, payload, country)
    return Proposal.objects.create(country=country, kind=kind, payload=payload, proposed_by=by)


@transaction.atomic
def review_proposal(*, proposal: Proposal, accept: bool, by: Any, note: str = "") -> Proposal:
    """The secretariat accepts (and so applies) or rejects a proposed change."""
    require_secretariat(by)
    proposal = Proposal.objects.select_for_update().select_related("country").get(pk=proposal.pk)
    if proposal.status != Proposal.Status.PENDING:
        raise DomainError(_("This proposal has already been reviewed."))
    note = note.strip()
    if not accept and not note:
        raise DomainError(_("Say why the proposal is rejected."), field="note")
    if accept:
        # Checked again: the record may have changed since the proposal was made.
        cleaned = clean_change(proposal.kind, proposal.payload, proposal.country)
        _apply(proposal.kind, proposal.country, cleaned, by=proposal.proposed_by, proposal=proposal)
    proposal.status = Proposal.Status.ACCEPTED if accept else Proposal.Status.REJECTED
    proposal.reviewed_by = person(by)
    proposal.reviewed_at = timezone.now()
    proposal.review_note = note
    proposal.save()
    return proposal


@transaction.atomic
def apply_change(
    *, country: Country, kind: str, payload: dict, by: Any, is_demo: bool = False
) -> Applied:
    """The secretariat changes a country's record directly."""
    require_secretariat(by)
    cleaned = clean_change(kind, payload, country)
    return _apply(kind, country, cleaned, by=person(by), is_demo=is_demo)


IMPORT_COLUMNS: tuple[str, ...] = ("country", "item", "status", "description", "evidence_title")
IMPORT_COLUMNS += ("evidence_year", "evidence_url", "evidence_excerpt")


@transaction.atomic
def import_measures(*, rows: list[dict], by: Any, is_demo: bool = False) -> int:
    """Measures from a table (one row per country and item), all or nothing.

    Every row is checked before the first is written; an error names the row (counting the
    header as row 1, as a spreadsheet does).
    """
    require_secretariat(by)
    countries = {country.iso2: country for country in Country.objects.all()}
    items = {item.code: item for item in ChecklistItem.objects.all()}
    checked = []
    for number, row in enumerate(rows, start=2):
        try:
            iso2 = (row.get("country") or "").strip().upper()
            country = countries.get(iso2)
            if country is None:
                raise DomainError(
                    _("“%(code)s” is not an ISO 3166-1 country code.") % {"code": iso2},
                    field="country",
                )
            evidence = {
                key: row.get(f"evidence_{key}") or "" for key in ("title", "year", "url", "excerpt")
            }
            payload = {
                "item": (row.get("item") or "").strip(),
                "status": (row.get("status") or "").strip(),
                "description": row.get("description") or "",
                "evidence": [evidence],
            }
            checked.append((country, clean_measure(payload, items=items)))
        except DomainError as error:
            raise DomainError(
                _("Row %(row)d: %(message)s") % {"row": number, "message": error.message},
                field=error.field,
            ) from None
    for country, cleaned in checked:
        _apply_measure(country, cleaned, by=person(by), proposal=None, is_demo=is_demo)
    return len(checked)


# --- requests for assistance ---------------------------------------------------------------

# Resolution 179: RES/2 (roadmaps), BDT/8 (national strategies); BDT/4 (developing countries'
# attention to COP) for every request, since each is how a country asks for that attention.
ASSISTANCE_MANDATE: dict[str, tuple[str, ...]] = {
    AssistanceRequest.Subject.ROADMAP: ("R179/RES/2", "R179/BDT/4"),
    AssistanceRequest.Subject.STRATEGY: ("R179/BDT/8", "R179/BDT/4"),
    # Laws and regulations are how a roadmap is carried out.
    AssistanceRequest.Subject.LEGISLATION: ("R179/RES/2", "R179/BDT/4"),
}
_State = AssistanceRequest.State
# Where a request may go from each state; completed and declined are ends.
ASSISTANCE_NEXT: dict[str, tuple[str, ...]] = {
    _State.RECEIVED: (_State.ACCEPTED, _State.DECLINED),
    _State.ACCEPTED: (_State.IN_PROGRESS, _State.DECLINED),
    _State.IN_PROGRESS: (_State.COMPLETED, _State.DECLINED),
    _State.COMPLETED: (),
    _State.DECLINED: (),
}


@transaction.atomic
def request_assistance(
    *, country: Country, subject: str, description: str, by: Any, is_demo: bool = False
) -> AssistanceRequest:
    """A Member State's delegate asks for help with its roadmap, strategy or legislation."""
    if not represents_country(by, country.iso2):
        raise DomainError(_("You can ask for assistance only for the Member State you represent."))
    payload = {"subject": subject, "description": description}
    subject = _choice(payload, "subject", AssistanceRequest.Subject)
    description = _text(
        payload, "description", required=True, max_length=3000, label=_("What is asked")
    )
    request = AssistanceRequest.objects.create(
        country=country, subject=subject, description=description, requested_by=by, is_demo=is_demo
    )
    request.mandate.set(MandateParagraph.objects.filter(code__in=ASSISTANCE_MANDATE[subject]))
    AssistanceStep.objects.create(request=request, state=request.state, by=by)
    return request


@transaction.atomic
def advance_assistance_request(
    *, request: AssistanceRequest, state: str, by: Any, note: str = ""
) -> AssistanceRequest:
    """The secretariat moves a request to its next state; declining says why."""
    require_secretariat(by)
    request = AssistanceRequest.objects.select_for_update().get(pk=request.pk)
    state = _choice({"state": state}, "state", AssistanceRequest.State)
    if state not in ASSISTANCE_NEXT[request.state]:
        raise DomainError(
            _("A request that is “%(now)s” cannot become “%(next)s”.")
            % {"now": request.get_state_display(), "next": AssistanceRequest.State(state).label},
            field="state",
        )
    note = _text({"note": note}, "note", required=False, max_length=2000, label=_("Note"))
    if state == _State.DECLINED and not note:
        raise DomainError(_("Say why the request is declined."), field="note")
    request.state = state
    request.save(update_fields=["state", "updated_at"])
    AssistanceStep.objects.create(request=request, state=state, note=note, by=person(by))
    return request
