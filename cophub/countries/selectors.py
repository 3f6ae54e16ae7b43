"""Every read of the countries module, for its views, its API and the other apps."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cophub.core import selectors as core_selectors
from cophub.core.i18n import LANGUAGE_CODES, translated_value
from cophub.core.models import Country

from .models import (
    STATUS_POINTS,
    AssistanceRequest,
    Category,
    Change,
    ChecklistItem,
    Evidence,
    Measure,
    MeasureStatus,
    Milestone,
    Proposal,
    Roadmap,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

HELPLINE_ITEM = "tec-helpline"


def checklist() -> list[ChecklistItem]:
    return list(ChecklistItem.objects.all())


def score_of(statuses: list[str], item_count: int) -> int:
    """The checklist score, 0 to 100: an item in force counts one point, a draft half."""
    if not item_count:
        return 0
    points = sum(STATUS_POINTS.get(status, 0.0) for status in statuses)
    return round(100 * points / item_count)


@dataclass
class ChecklistLine:
    item: ChecklistItem
    measure: Measure | None

    @property
    def status(self) -> str:
        return self.measure.status if self.measure else MeasureStatus.UNKNOWN

    @property
    def status_label(self) -> StrOrPromise:
        return MeasureStatus(self.status).label


@dataclass
class Assessment:
    """A country's measures against the checklist, grouped by category, with its score."""

    country: Country
    lines: list[ChecklistLine]
    score: int
    counts: dict[str, int]
    is_demo: bool
    categories: list[tuple[StrOrPromise, list[ChecklistLine]]] = field(default_factory=list)

    @property
    def recorded(self) -> int:
        return sum(1 for line in self.lines if line.measure)

    def __bool__(self) -> bool:
        return self.recorded > 0


def assessment(country: Country) -> Assessment:
    """Three queries whatever the country has: the items, its measures, their evidence.

    Kept on the country object, since the profile asks for it twice (its section and its gaps).
    """
    cache = country.__dict__
    if "_cop_assessment" not in cache:
        cache["_cop_assessment"] = _assessment(country)
    return cache["_cop_assessment"]


def _assessment(country: Country) -> Assessment:
    items = checklist()
    measures = {
        measure.item_id: measure
        for measure in Measure.objects.filter(country=country).prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.order_by("-year", "title"))
        )
    }
    lines = [ChecklistLine(item, measures.get(item.pk)) for item in items]
    statuses = [line.status for line in lines]
    labels = dict(Category.choices)
    grouped: dict[str, list[ChecklistLine]] = defaultdict(list)
    for line in lines:
        grouped[line.item.category].append(line)
    return Assessment(
        country=country,
        lines=lines,
        score=score_of(statuses, len(items)),
        counts=dict(Counter(statuses)),
        is_demo=any(m.is_demo for m in measures.values()),
        categories=[(labels[key], grouped[key]) for key in Category.values if key in grouped],
    )


def scores(countries: Iterable[Country | str] | None = None) -> dict[str, int]:
    """Each country's score, in one query (countries with no measure have none)."""
    item_count = ChecklistItem.objects.count()
    rows = Measure.objects.values_list("country_id", "status")
    if countries is not None:
        rows = rows.filter(country__in=countries)
    statuses: dict[str, list[str]] = defaultdict(list)
    for iso2, status in rows:
        statuses[iso2].append(status)
    return {iso2: score_of(values, item_count) for iso2, values in statuses.items()}


@dataclass
class CountryRow:
    country: CountryRef
    region_name: str
    score: int | None
    has_roadmap: bool


def country_rows(*, region: str | None = None, group: str | None = None) -> list[CountryRow]:
    """The ITU Member States, with their score and whether a roadmap is recorded: four queries."""
    score_by_country = scores()
    with_roadmap = set(Roadmap.objects.values_list("country_id", flat=True))
    region_names: dict[str | None, str] = {
        r.code: translated_value(r, "name").text for r in core_selectors.regions()
    }
    return [
        CountryRow(
            country,
            region_names.get(country.region_id, ""),
            score_by_country.get(country.iso2),
            country.iso2 in with_roadmap,
        )
        for country in member_states(region=region, group=group)
    ]


@dataclass(frozen=True)
class CountryRef:
    """What a row of the comparison needs of a country, read without building model objects
    (a page lists every Member State)."""

    iso2: str
    name: str
    region_id: str | None
    numeric: str


def member_states(*, region: str | None = None, group: str | None = None) -> list[CountryRef]:
    language = translation.get_language() or settings.LANGUAGE_CODE
    name_field = f"name_{language}" if language in LANGUAGE_CODES else "name_en"
    rows = core_selectors.countries(region=region, group=group, itu_members_only=True)
    fields = ["iso2", "region_id", "numeric", "name_en"]
    if name_field != "name_en":
        fields.append(name_field)
    return [
        CountryRef(row[0], row[-1] or row[3], row[1], row[2]) for row in rows.values_list(*fields)
    ]


@dataclass
class Comparison:
    items: list[ChecklistItem]
    rows: list[tuple[CountryRef, int | None, list[str]]]  # country, score, a status per item


def comparison(*, region: str | None = None, group: str | None = None) -> Comparison:
    """Member States × checklist items: three queries whatever the number of countries."""
    items = checklist()
    countries = member_states(region=region, group=group)
    statuses: dict[str, dict[int, str]] = defaultdict(dict)
    measures = (
        Measure.objects.filter(country__in=[c.iso2 for c in countries])
        if region or group
        else Measure.objects.all()
    )
    for iso2, item_id, status in measures.values_list("country_id", "item_id", "status"):
        statuses[iso2][item_id] = status
    item_ids = [item.pk for item in items]
    unknown = MeasureStatus.UNKNOWN.value
    rows: list[tuple[CountryRef, int | None, list[str]]] = []
    for country in countries:
        mine = statuses.get(country.iso2)
        if mine is None:
            rows.append((country, None, [unknown] * len(item_ids)))
            continue
        cells = [mine.get(item_id, unknown) for item_id in item_ids]
        rows.append((country, score_of(cells, len(items)), cells))
    return Comparison(items=items, rows=rows)


def roadmap(country: Country) -> Roadmap | None:
    """The roadmap with its milestones and documents, kept on the country object as above."""
    cache = country.__dict__
    if "_cop_roadmap" not in cache:
        cache["_cop_roadmap"] = _roadmap(country)
    return cache["_cop_roadmap"]


def _roadmap(country: Country) -> Roadmap | None:
    return (
        Roadmap.objects.filter(country=country)
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.select_related("item")),
            "documents",
        )
        .first()
    )


def strategy_in_place_since(iso2: str) -> int | None:
    """The first year of the country's adopted roadmap or strategy; None when none is adopted."""
    return (
        Roadmap.objects.filter(country_id=iso2.upper(), status=Roadmap.Status.ADOPTED)
        .values_list("start_year", flat=True)
        .first()
    )


def progress(roadmap: Roadmap) -> int | None:
    """Share of the milestones done, in percent; dropped ones do not count."""
    milestones = [m for m in roadmap.milestones.all() if m.status != Milestone.Status.DROPPED]
    if not milestones:
        return None
    done = sum(1 for m in milestones if m.status == Milestone.Status.DONE)
    return round(100 * done / len(milestones))


def overdue_milestones(roadmap: Roadmap, today: datetime.date | None = None) -> list[Milestone]:
    today = today or timezone.localdate()
    open_statuses = {Milestone.Status.PLANNED, Milestone.Status.IN_PROGRESS}
    open_statuses.add(Milestone.Status.DELAYED)
    return [
        m for m in roadmap.milestones.all() if m.status in open_statuses and m.target_date < today
    ]


def history(country: Country) -> QuerySet[Change]:
    return Change.objects.filter(country=country).select_related("by", "item", "proposal")


def recent_changes(*, since: datetime.date, until: datetime.date) -> QuerySet[Change]:
    return Change.objects.filter(at__date__gte=since, at__date__lte=until).select_related("country")


def proposals(*, status: str | None = Proposal.Status.PENDING) -> QuerySet[Proposal]:
    queryset = Proposal.objects.select_related("country", "proposed_by", "reviewed_by")
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def measure_gaps(country: Country) -> list[str]:
    found = assessment(country)
    if not found:
        return [_("No measure has been recorded against the checklist yet.")]
    gaps = []
    unknown = found.counts.get(MeasureStatus.UNKNOWN, 0)
    if unknown:
        gaps.append(
            ngettext(
                "The status of %(count)d checklist item is not known.",
                "The status of %(count)d checklist items is not known.",
                unknown,
            )
            % {"count": unknown}
        )
    without_evidence = sum(
        1
        for line in found.lines
        if line.measure
        and line.status == MeasureStatus.IN_FORCE
        and not line.measure.evidence.all()
    )
    if without_evidence:
        gaps.append(
            ngettext(
                "%(count)d measure in force has no evidence.",
                "%(count)d measures in force have no evidence.",
                without_evidence,
            )
            % {"count": without_evidence}
        )
    return gaps


def roadmap_gaps(country: Country) -> list[str]:
    found = roadmap(country)
    if found is None:
        return [_("There is no national roadmap or strategy for child online protection.")]
    gaps = []
    milestones = list(found.milestones.all())
    if not milestones:
        gaps.append(_("The roadmap has no milestones."))
    elif not any(m.item and m.item.code == HELPLINE_ITEM for m in milestones):
        gaps.append(_("The roadmap has no helpline milestone."))
    overdue = len(overdue_milestones(found))
    if overdue:
        gaps.append(
            ngettext(
                "%(count)d milestone is past its target date.",
                "%(count)d milestones are past their target date.",
                overdue,
            )
            % {"count": overdue}
        )
    if found.cop_in_cybersecurity_strategy == Roadmap.CyberStrategy.NO:
        gaps.append(
            _("Child online protection is not part of the national cybersecurity strategy.")
        )
    return gaps


OPEN_ASSISTANCE_STATES = (
    AssistanceRequest.State.RECEIVED,
    AssistanceRequest.State.ACCEPTED,
    AssistanceRequest.State.IN_PROGRESS,
)


def assistance_requests(
    *,
    state: str | None = None,
    group: str | None = None,
    country: Country | None = None,
    open_only: bool = False,
) -> QuerySet[AssistanceRequest]:
    """Requests for assistance, newest first; `group` is a UN group code (LDC, SIDS, LLDC, EIT)."""
    queryset = AssistanceRequest.objects.select_related("country", "requested_by")
    if state:
        queryset = queryset.filter(state=state)
    if open_only:
        queryset = queryset.filter(state__in=OPEN_ASSISTANCE_STATES)
    if group:
        queryset = queryset.filter(**{f"country__{core_selectors.UN_GROUP_FIELDS[group]}": True})
    if country is not None:
        queryset = queryset.filter(country=country)
    return queryset


def assistance_request(pk: int) -> AssistanceRequest:
    return AssistanceRequest.objects.select_related("country", "requested_by").get(pk=pk)


def assistance_steps(request: AssistanceRequest) -> QuerySet:
    return request.steps.select_related("by")
