"""Reads of the register for views, the API, the reports and the other apps."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING, cast

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from cophub.core import selectors as core
from cophub.core.i18n import LANGUAGE_CODES, format_list, translated_value
from cophub.core.models import Country, Organisation

from . import overlap
from .models import Activity, OverlapMark, Topic

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

FILTERS = ("organisation", "kind", "topic", "country", "region", "status", "year", "language")


@dataclass
class ActivityQuery:
    q: str = ""
    organisation: str = ""
    kind: str = ""
    topic: str = ""
    country: str = ""
    region: str = ""
    status: str = ""
    year: int | None = None
    language: str = ""

    @property
    def filters(self) -> dict[str, str]:
        return {name: str(getattr(self, name)) for name in FILTERS if getattr(self, name)}


def with_listing_data(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """What a list of activities shows, in a fixed number of queries whatever its length."""
    return queryset.select_related("organisation").prefetch_related(
        "countries", "regions", "topics"
    )


def organisation_and_parts(code: str) -> list[str]:
    """An organisation's code and those of its parts, two levels down (ITU-D and the BDT)."""
    codes = [code]
    children = list(Organisation.objects.filter(parent__code=code).values_list("code", flat=True))
    codes += children
    codes += list(
        Organisation.objects.filter(parent__code__in=children).values_list("code", flat=True)
    )
    return codes


def activities(query: ActivityQuery | None = None) -> QuerySet[Activity]:
    query = query or ActivityQuery()
    queryset: QuerySet[Activity] = Activity.objects.all()
    if query.q:
        words = Q()
        for code in LANGUAGE_CODES:
            words |= Q(**{f"title_{code}__icontains": query.q})
            words |= Q(**{f"description_{code}__icontains": query.q})
        queryset = queryset.filter(words)
    if query.organisation:
        queryset = queryset.filter(
            organisation__code__in=organisation_and_parts(query.organisation)
        )
    if query.kind:
        queryset = queryset.filter(kind=query.kind)
    if query.status:
        queryset = queryset.filter(status=query.status)
    if query.language:
        queryset = queryset.filter(original_language=query.language)
    if query.topic:
        queryset = queryset.filter(
            Q(topics__code=query.topic) | Q(inferred_topics__contains=f" {query.topic} ")
        )
    if query.country:
        queryset = queryset.filter(countries__iso2=query.country.upper())
    if query.region:
        queryset = queryset.filter(
            Q(regions__code=query.region) | Q(countries__region_id=query.region)
        )
    if query.year:
        start, end = datetime.date(query.year, 1, 1), datetime.date(query.year, 12, 31)
        queryset = active_between(start, end, queryset)
    if query.topic or query.country or query.region:
        queryset = queryset.distinct()
    return with_listing_data(queryset.order_by("-starts_on", "-id"))


def active_between(
    start: datetime.date, end: datetime.date, queryset: QuerySet[Activity] | None = None
) -> QuerySet[Activity]:
    queryset = Activity.objects.all() if queryset is None else queryset
    return queryset.filter(starts_on__lte=end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=start)
    )


def activity(slug: str) -> Activity:
    return get_object_or_404(
        with_listing_data(Activity.objects.all()).prefetch_related("links", "mandate"), slug=slug
    )


def topics() -> QuerySet[Topic]:
    return Topic.objects.all()


def topic(code: str) -> Topic:
    return get_object_or_404(Topic, code=code)


def topics_with_counts() -> list[tuple[Topic, int]]:
    counts: Counter[str] = Counter()
    rows = Activity.objects.prefetch_related("topics").only("id", "inferred_topics")
    for row in rows:
        for code in {t.code for t in row.topics.all()} | set(row.inferred_topics.split()):
            counts[code] += 1
    return [(t, counts.get(t.code, 0)) for t in topics()]


def organisations_with_counts() -> list[tuple[Organisation, int]]:
    counts = dict(
        Activity.objects.values_list("organisation__code").annotate(n=Count("id")).order_by()
    )
    organisations = core.organisations().filter(code__in=list(counts))
    return sorted(
        ((o, counts[o.code]) for o in organisations),
        key=lambda pair: str(translated_value(pair[0], "name")),
    )


def organisation(code: str) -> Organisation:
    return get_object_or_404(core.organisations(), code=code)


def years() -> list[int]:
    return sorted({d.year for d in Activity.objects.dates("starts_on", "year")}, reverse=True)


def timeline(query: ActivityQuery | None = None) -> list[tuple[int, list[Activity]]]:
    """Activities by the year they start in, most recent year first, earliest start first."""
    rows = sorted(activities(query), key=lambda a: (-a.starts_on.year, a.starts_on, a.pk))
    return [(year, list(items)) for year, items in groupby(rows, key=lambda a: a.starts_on.year)]


# --- overlaps ---------------------------------------------------------------------------------


def facts(activity: Activity) -> overlap.ActivityFacts:
    """An activity as the overlap finder sees it (its countries, regions and topics prefetched)."""
    countries = frozenset(c.iso2 for c in activity.countries.all())
    regions = {r.code for r in activity.regions.all()}
    regions |= {c.region_id for c in activity.countries.all() if c.region_id}
    return overlap.ActivityFacts(
        key=activity.pk,
        kind=activity.kind,
        language=activity.original_language,
        topics=frozenset(
            {t.code for t in activity.topics.all()} | set(activity.inferred_topics.split())
        ),
        countries=countries,
        regions=frozenset(regions),
        starts_on=activity.starts_on,
        ends_on=activity.ends_on,
        terms=frozenset(activity.terms.split()),
    )


@dataclass
class Candidate:
    activity: Activity
    score: float
    reasons: list[overlap.Reason]
    mark: OverlapMark | None = None
    explained: list[str] = field(default_factory=list)


def marks_between(activity: Activity) -> dict[int, OverlapMark]:
    marks = OverlapMark.objects.filter(Q(first=activity) | Q(second=activity))
    return {
        mark.second_id if mark.first_id == activity.pk else mark.first_id: mark for mark in marks
    }


def _all_facts(queryset: QuerySet[Activity]) -> list[overlap.ActivityFacts]:
    """Every activity of the queryset as the finder sees it, read as plain values in four queries
    (building model instances for the whole register would cost more than the scoring)."""
    rows = list(
        queryset.values_list(
            "pk", "kind", "original_language", "inferred_topics", "terms", "starts_on", "ends_on"
        )
    )
    ids = [row[0] for row in rows]
    countries: dict[int, set[str]] = {}
    regions: dict[int, set[str]] = {}
    topics_of: dict[int, set[str]] = {}
    for pk, iso2, region in Activity.countries.through.objects.filter(
        activity_id__in=ids
    ).values_list("activity_id", "country_id", "country__region_id"):
        countries.setdefault(pk, set()).add(iso2)
        if region:
            regions.setdefault(pk, set()).add(region)
    # django-stubs cannot declare the two through models below: modeltranslation gives Region its
    # manager at run time, which the plugin cannot find, and it stops before declaring them.
    for pk, region in Activity.regions.through.objects.filter(  # type: ignore[attr-defined]
        activity_id__in=ids
    ).values_list("activity_id", "region_id"):
        regions.setdefault(pk, set()).add(region)
    for pk, code in Activity.topics.through.objects.filter(  # type: ignore[attr-defined]
        activity_id__in=ids
    ).values_list("activity_id", "topic__code"):
        topics_of.setdefault(pk, set()).add(code)
    return [
        overlap.ActivityFacts(
            key=pk,
            kind=kind,
            language=language,
            topics=frozenset(topics_of.get(pk, set()) | set(inferred.split())),
            countries=frozenset(countries.get(pk, ())),
            regions=frozenset(regions.get(pk, ())),
            starts_on=starts_on,
            ends_on=ends_on,
            terms=frozenset(terms.split()),
        )
        for pk, kind, language, inferred, terms, starts_on, ends_on in rows
    ]


def overlaps_for(activity: Activity, *, limit: int = 10) -> list[Candidate]:
    """The activities most likely to overlap this one, highest score first, each with its
    reasons in the reader's language and the secretariat's mark if there is one."""
    others = Activity.objects.exclude(pk=activity.pk).exclude(status=Activity.Status.CANCELLED)
    found = overlap.find(facts(activity), _all_facts(others), limit=limit)
    by_pk = with_listing_data(Activity.objects.filter(pk__in=[o.other for o in found])).in_bulk()
    marks = marks_between(activity)
    labels = reason_labels(
        countries={c for o in found for r in o.reasons if r.code == "countries" for c in r.values}
    )
    return [
        Candidate(
            activity=by_pk[o.other],
            score=o.score,
            reasons=o.reasons,
            mark=marks.get(cast(int, o.other)),  # the facts are keyed by pk
            explained=[explain(reason, labels) for reason in o.reasons],
        )
        for o in found
    ]


def score_pair(activity: Activity, other: Activity) -> overlap.Overlap:
    return overlap.score(facts(activity), facts(other))


def reason_labels(*, countries: Iterable[str] = ()) -> dict[str, dict[str, StrOrPromise]]:
    """The names reasons are told with, in the reader's language, fetched once for a list."""
    return {
        "topics": {t.code: str(translated_value(t, "label")) for t in topics()},
        "kind": dict(Activity.Kind.choices),
        "regions": {r.code: str(translated_value(r, "name")) for r in core.regions()},
        "countries": {
            c.iso2: str(translated_value(c, "name"))
            for c in Country.objects.filter(iso2__in=list(countries))
        },
    }


def explain(reason: overlap.Reason, labels: dict | None = None) -> str:
    """A reason in the reader's language."""
    if labels is None:
        labels = reason_labels(countries=reason.values if reason.code == "countries" else ())
    if reason.code == "topics":
        names = format_list(labels["topics"].get(c, c) for c in reason.values)
        return _("Shared topics: %(topics)s") % {"topics": names}
    if reason.code == "kind":
        return _("Same kind of activity: %(kind)s") % {"kind": labels["kind"][reason.values[0]]}
    if reason.code == "kindred_kind":
        first, second = (labels["kind"][v] for v in reason.values)
        return _("Related kinds of activity: %(first)s and %(second)s") % {
            "first": first,
            "second": second,
        }
    if reason.code == "countries":
        names = format_list(labels["countries"].get(c, c) for c in reason.values)
        return _("Shared countries: %(countries)s") % {"countries": names}
    if reason.code == "regions":
        names = format_list(labels["regions"].get(c, c) for c in reason.values)
        return _("Same ITU region: %(regions)s") % {"regions": names}
    if reason.code == "worldwide":
        return _("Both are worldwide")
    if reason.code == "dates":
        return _("Their dates overlap")
    if reason.code == "near_dates":
        return _("Less than a year apart")
    return _("Similar wording")


def marks(*, organisation: str = "", relation: str = "") -> QuerySet[OverlapMark]:
    queryset = OverlapMark.objects.select_related("first__organisation", "second__organisation")
    if organisation:
        codes = organisation_and_parts(organisation)
        queryset = queryset.filter(
            Q(first__organisation__code__in=codes) | Q(second__organisation__code__in=codes)
        )
    if relation:
        queryset = queryset.filter(relation=relation)
    return queryset.order_by("-marked_at", "-id")


def marks_of(activity: Activity) -> list[tuple[OverlapMark, Activity]]:
    found = OverlapMark.objects.filter(Q(first=activity) | Q(second=activity)).select_related(
        "first__organisation", "second__organisation"
    )
    return [(mark, mark.other(activity)) for mark in found]


# --- for other apps ---------------------------------------------------------------------------


def for_mandate_paragraph(code: str) -> QuerySet[Activity]:
    return Activity.objects.filter(mandate__code=code).order_by("-starts_on")[:50]


def for_country(iso2: str) -> QuerySet[Activity]:
    """A country's activities, latest first, with their organisations (what the country
    profile shows)."""
    return (
        Activity.objects.filter(countries__iso2=iso2.upper())
        .select_related("organisation")
        .order_by("-starts_on", "-id")
    )


def report_figures(start: datetime.date, end: datetime.date) -> dict:
    """What the yearly report to Council says about coordination in a period."""
    active = active_between(start, end).exclude(status=Activity.Status.CANCELLED)
    by_organisation = Counter(active.values_list("organisation__code", flat=True))
    by_kind = Counter(active.values_list("kind", flat=True))
    period_marks = list(
        OverlapMark.objects.filter(marked_at__date__gte=start, marked_at__date__lte=end)
        .select_related("first__organisation", "second__organisation")
        .order_by("relation", "id")
    )
    names = {
        o.code: str(o.acronym or translated_value(o, "name"))
        for o in Organisation.objects.filter(code__in=list(by_organisation))
    }
    return {
        "active": sum(by_organisation.values()),
        "by_organisation": sorted(
            ((names[code], n) for code, n in by_organisation.items()), key=lambda r: (-r[1], r[0])
        ),
        "by_kind": by_kind,
        "marks": period_marks,
    }
