"""The coordination register's overlap finder: how well it finds overlapping activities, and how
fast it answers.

Quality: precision and recall at the chosen threshold on the labelled pairs of
cophub/coordination/data/overlap_pairs.json, beside the baseline of plain word overlap (Jaccard
on stems, at the threshold that suits it best on the same pairs), both measured in this run; and
the recall of each on the overlapping pairs written in two different languages.

The same on the held-out pairs of data/overlap_pairs_holdout.json, written and labelled after
the weights, keywords and threshold were fixed.

Speed (with `bench/run.py`): the API's list of overlaps for one demo activity (the finder scores
it against every registered activity) and the register's first page, against the bare Django
view, same server, same run. On a machine shared with others the absolute rates are low; compare
the ratios.

Alone, `python bench/bench_coordination_overlap.py` prints the quality figures only.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cophub.coordination import evaluation, overlap  # noqa: E402

# The demo activity the speed figure asks about (its address, from its English title).
DEMO_SLUG = "support-to-kenyas-national-child-online-protection-strategy"


def quality() -> dict:
    finder = evaluation.finder_figures()
    baseline = evaluation.baseline_figures()
    finder_crossed, baseline_crossed = evaluation.cross_language_recall()
    _activities, pairs = evaluation.load_labelled()
    positives = sum(1 for *_pair, label in pairs if label)
    lines = [
        f"labelled pairs: {len(pairs)} ({positives} overlapping, {len(pairs) - positives} not)",
        f"overlap finder at threshold {finder.threshold}: precision {finder.precision:.3f}, "
        f"recall {finder.recall:.3f}, F1 {finder.f1:.3f} "
        f"(TP {finder.true_positives}, FP {finder.false_positives}, "
        f"FN {finder.false_negatives}, TN {finder.true_negatives})",
        f"baseline word overlap at its best threshold {baseline.threshold}: precision "
        f"{baseline.precision:.3f}, recall {baseline.recall:.3f}, F1 {baseline.f1:.3f}",
        f"recall on pairs in two languages: finder {finder_crossed:.3f}, "
        f"word overlap {baseline_crossed:.3f}",
    ]
    held_finder = evaluation.finder_figures(path=evaluation.HOLDOUT)
    held_baseline = evaluation.baseline_figures(path=evaluation.HOLDOUT)
    lines.append(
        f"held-out pairs ({held_finder.true_positives + held_finder.false_positives + held_finder.false_negatives + held_finder.true_negatives}, "
        f"written after the method was fixed): finder precision {held_finder.precision:.3f}, "
        f"recall {held_finder.recall:.3f}; word overlap at its best threshold "
        f"{held_baseline.threshold}: precision {held_baseline.precision:.3f}, "
        f"recall {held_baseline.recall:.3f}"
    )
    for line in lines:
        print(f"coordination overlap: {line}", flush=True)
    return {
        "figure": "coordination overlap finder quality",
        "pairs": len(pairs),
        "threshold": overlap.THRESHOLD,
        "precision": round(finder.precision, 3),
        "recall": round(finder.recall, 3),
        "f1": round(finder.f1, 3),
        "baseline_threshold": baseline.threshold,
        "baseline_precision": round(baseline.precision, 3),
        "baseline_recall": round(baseline.recall, 3),
        "baseline_f1": round(baseline.f1, 3),
        "f1_ratio": round(finder.f1 / baseline.f1, 3) if baseline.f1 else 0.0,
        "cross_language_recall": round(finder_crossed, 3),
        "baseline_cross_language_recall": round(baseline_crossed, 3),
        "holdout_precision": round(held_finder.precision, 3),
        "holdout_recall": round(held_finder.recall, 3),
        "holdout_baseline_precision": round(held_baseline.precision, 3),
        "holdout_baseline_recall": round(held_baseline.recall, 3),
        "errors": 0,
    }


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    from harness import compare, print_figure

    figures = [quality()]
    for name, path in (
        ("coordination overlaps API", f"/api/v1/coordination/activities/{DEMO_SLUG}/overlaps"),
        ("coordination register /en/coordination/", "/en/coordination/"),
    ):
        page, base = compare(
            host, port, path=path, requests=max(20, requests // 4), concurrency=concurrency
        )
        figures.append(print_figure(name, page, base))
    return figures


if __name__ == "__main__":
    quality()
