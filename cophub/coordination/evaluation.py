"""How well the overlap finder does on the labelled pairs of data/overlap_pairs.json, beside the
baseline of plain word overlap, measured the same way in the same run. Used by the tests (which
hold it to a floor) and by bench/bench_coordination_overlap.py (which prints the figures)."""

import csv
import datetime
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import overlap, text

PAIRS = text.DATA / "overlap_pairs.json"
# Written and labelled after the method was fixed, and scored once: a check on the figures above.
HOLDOUT = text.DATA / "overlap_pairs_holdout.json"
COUNTRIES = Path(__file__).resolve().parent.parent / "core" / "data" / "countries.csv"
BASELINE_THRESHOLDS = [round(0.02 * n, 2) for n in range(1, 26)]


@dataclass(frozen=True)
class Figures:
    method: str
    threshold: float
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        relevant = self.true_positives + self.false_negatives
        return self.true_positives / relevant if relevant else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@cache
def regions_of_countries() -> dict[str, str]:
    """ISO code → ITU region, from core's reference file (the same the database is loaded from)."""
    with open(COUNTRIES, encoding="utf-8") as handle:
        return {
            row["iso2"]: row["itu_region"] for row in csv.DictReader(handle) if row["itu_region"]
        }


def load_labelled(path: Path = PAIRS) -> tuple[dict[str, dict], list[tuple[str, str, bool]]]:
    """The activities and labelled pairs of a file; a held-out file may name the main file's
    activities too."""
    activities = {}
    for source in dict.fromkeys([PAIRS, path]):
        with open(source, encoding="utf-8") as handle:
            data = json.load(handle)
        activities |= {a["key"]: a for a in data["activities"]}
    pairs = [(p["a"], p["b"], bool(p["overlap"])) for p in data["pairs"]]
    return activities, pairs


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def facts(activity: dict) -> overlap.ActivityFacts:
    """An activity of the labelled set as the finder sees it: topics only from its text."""
    regions_of = regions_of_countries()
    written = f"{activity['title']}. {activity['description']}"
    topics, terms = text.analyse({activity["language"]: written})
    countries = frozenset(activity["countries"])
    regions = frozenset(activity["regions"]) | {regions_of[c] for c in countries if c in regions_of}
    return overlap.ActivityFacts(
        key=activity["key"],
        kind=activity["kind"],
        language=activity["language"],
        topics=frozenset(topics),
        countries=countries,
        regions=frozenset(regions),
        starts_on=_date(activity["starts_on"]),
        ends_on=_date(activity["ends_on"]),
        terms=frozenset(terms),
    )


def _figures(method, threshold, scored) -> Figures:
    tp = sum(1 for s, label in scored if s >= threshold and label)
    fp = sum(1 for s, label in scored if s >= threshold and not label)
    fn = sum(1 for s, label in scored if s < threshold and label)
    tn = sum(1 for s, label in scored if s < threshold and not label)
    return Figures(method, threshold, tp, fp, fn, tn)


def finder_figures(threshold: float = overlap.THRESHOLD, path: Path = PAIRS) -> Figures:
    activities, pairs = load_labelled(path)
    seen = {key: facts(a) for key, a in activities.items()}
    scored = [(overlap.score(seen[a], seen[b]).score, label) for a, b, label in pairs]
    return _figures("overlap finder", threshold, scored)


def baseline_figures(path: Path = PAIRS) -> Figures:
    """Word overlap at the threshold that suits it best on these very pairs (its best case)."""
    activities, pairs = load_labelled(path)
    words = {
        key: set(text.stems(f"{a['title']}. {a['description']}", a["language"]))
        for key, a in activities.items()
    }
    scored = [(overlap.baseline_similarity(words[a], words[b]), label) for a, b, label in pairs]
    candidates = [_figures("word overlap", t, scored) for t in BASELINE_THRESHOLDS]
    return max(candidates, key=lambda f: (f.f1, f.precision))


def cross_language_recall(threshold: float = overlap.THRESHOLD) -> tuple[float, float]:
    """Recall of the finder and of word overlap (at its best threshold) on the overlapping pairs
    written in two different languages."""
    activities, pairs = load_labelled()
    crossed = [
        (a, b)
        for a, b, label in pairs
        if label and activities[a]["language"] != activities[b]["language"]
    ]
    seen = {key: facts(a) for key, a in activities.items()}
    finder = sum(1 for a, b in crossed if overlap.score(seen[a], seen[b]).score >= threshold)
    base_threshold = baseline_figures().threshold
    words = {
        key: set(text.stems(f"{a['title']}. {a['description']}", a["language"]))
        for key, a in activities.items()
    }
    base = sum(
        1 for a, b in crossed if overlap.baseline_similarity(words[a], words[b]) >= base_threshold
    )
    return finder / len(crossed), base / len(crossed)
