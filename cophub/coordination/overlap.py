"""The overlap finder: which activities are most likely to duplicate or touch another one.

Plain Python over plain facts, so that the register, the API, the tests and bench/ score pairs
the same way. A pair's score adds up what the secretariat looks at when it decides whether two
activities should be coordinated (Resolution 179, instructs the Secretary-General 4: coordinate
with similar initiatives to avoid overlap):

- the topics they share (declared, and found in their texts in any of the six languages),
  as the share of the smaller topic set: up to TOPIC_WEIGHT;
- the same kind of activity, or a kindred one (a training and capacity building);
- where they take place: a shared country, else a shared ITU region, else both worldwide;
- when: overlapping periods, or periods less than a year apart;
- in the same language, similar wording (the share of stems they have in common).

Each part that counts gives a reason; a pair scoring THRESHOLD or more is listed. The weights
and the threshold were chosen on the labelled pairs in data/overlap_pairs.json (see
docs/coordination.md and bench/bench_coordination_overlap.py).
"""

import datetime
from dataclasses import dataclass, field

TOPIC_WEIGHT = 0.45
KIND_WEIGHT = 0.15
KINDRED_KIND_WEIGHT = 0.08
COUNTRY_WEIGHT = 0.2
REGION_WEIGHT = 0.12
WORLDWIDE_WEIGHT = 0.1
DATES_WEIGHT = 0.15
NEAR_DATES_WEIGHT = 0.05
WORDING_WEIGHT = 0.4
THRESHOLD = 0.65
NEAR_DAYS = 365
KINDRED_KINDS = [
    {"training", "capacity_building"},
    {"guideline", "standard"},
    {"campaign", "event"},
]
OPEN_END = datetime.date(9999, 12, 31)


@dataclass(frozen=True)
class ActivityFacts:
    key: object
    kind: str
    language: str
    topics: frozenset[str]
    countries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()  # declared regions and the regions of the countries
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    terms: frozenset[str] = frozenset()

    @property
    def worldwide(self) -> bool:
        return not self.countries and not self.regions


@dataclass(frozen=True)
class Reason:
    """Why a pair scored: `code` names the part, `values` the shared items (codes)."""

    code: (
        str  # topics, kind, kindred_kind, countries, regions, worldwide, dates, near_dates, wording
    )
    weight: float
    values: tuple = ()


@dataclass
class Overlap:
    other: object
    score: float
    reasons: list[Reason] = field(default_factory=list)


def _kindred(a: str, b: str) -> bool:
    return any(a in group and b in group for group in KINDRED_KINDS)


def _gap_days(a: ActivityFacts, b: ActivityFacts) -> int | None:
    if not a.starts_on or not b.starts_on:
        return None
    a_end, b_end = a.ends_on or OPEN_END, b.ends_on or OPEN_END
    if a.starts_on <= b_end and b.starts_on <= a_end:
        return 0
    return (b.starts_on - a_end).days if a_end < b.starts_on else (a.starts_on - b_end).days


def wording_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def score(a: ActivityFacts, b: ActivityFacts) -> Overlap:
    reasons = []
    shared_topics = a.topics & b.topics
    if shared_topics:
        share = len(shared_topics) / min(len(a.topics), len(b.topics))
        reasons.append(Reason("topics", TOPIC_WEIGHT * share, tuple(sorted(shared_topics))))
    if a.kind == b.kind:
        reasons.append(Reason("kind", KIND_WEIGHT, (a.kind,)))
    elif _kindred(a.kind, b.kind):
        reasons.append(Reason("kindred_kind", KINDRED_KIND_WEIGHT, (a.kind, b.kind)))
    if shared := a.countries & b.countries:
        reasons.append(Reason("countries", COUNTRY_WEIGHT, tuple(sorted(shared))))
    elif shared := a.regions & b.regions:
        reasons.append(Reason("regions", REGION_WEIGHT, tuple(sorted(shared))))
    elif a.worldwide and b.worldwide:
        reasons.append(Reason("worldwide", WORLDWIDE_WEIGHT))
    gap = _gap_days(a, b)
    if gap == 0:
        reasons.append(Reason("dates", DATES_WEIGHT))
    elif gap is not None and gap <= NEAR_DAYS:
        reasons.append(Reason("near_dates", NEAR_DATES_WEIGHT))
    if a.language == b.language:
        similarity = wording_similarity(a.terms, b.terms)
        if similarity >= 0.1:
            reasons.append(Reason("wording", WORDING_WEIGHT * similarity))
    total = min(1.0, sum(reason.weight for reason in reasons))
    codes = {reason.code for reason in reasons}
    # Without a shared topic (or wording) two activities are not about the same thing, however
    # close in place and time; and two activities far apart in both place and time do not
    # duplicate each other, however alike. Either way the pair stays below the threshold.
    about_the_same = bool(shared_topics) or "wording" in codes
    near = bool(codes & {"countries", "regions", "worldwide", "dates", "near_dates"})
    if not (about_the_same and near):
        total = min(total, THRESHOLD - 0.01)
    return Overlap(other=b.key, score=round(total, 3), reasons=reasons)


def find(
    activity: ActivityFacts,
    others: list[ActivityFacts],
    *,
    threshold: float = THRESHOLD,
    limit: int = 10,
) -> list[Overlap]:
    """The other activities scoring `threshold` or more against `activity`, highest first."""
    found = [score(activity, other) for other in others if other.key != activity.key]
    found = [overlap for overlap in found if overlap.score >= threshold]
    found.sort(key=lambda overlap: -overlap.score)
    return found[:limit]


def baseline_similarity(a_text: set[str], b_text: set[str]) -> float:
    """The baseline the finder is measured against: the share of words two texts have in
    common (Jaccard on stems), whatever their languages, the way a search box compares them."""
    return wording_similarity(frozenset(a_text), frozenset(b_text))
