"""The overlap finder against the labelled pairs, and its parts."""

import datetime

from cophub.coordination import evaluation, overlap, text

# The floor the finder must keep on data/overlap_pairs.json (docs/coordination.md has the figures).
PRECISION_FLOOR = 0.85
RECALL_FLOOR = 0.9


def test_the_labelled_set_loads_and_is_large_and_multilingual():
    activities, pairs = evaluation.load_labelled()
    assert len(pairs) >= 80
    assert all(a in activities and b in activities for a, b, _label in pairs)
    assert {a["language"] for a in activities.values()} == {"ar", "zh", "en", "fr", "ru", "es"}
    assert 0.3 < sum(label for *_pair, label in pairs) / len(pairs) < 0.7
    crossed = [
        1
        for a, b, label in pairs
        if label and activities[a]["language"] != activities[b]["language"]
    ]
    assert len(crossed) >= 20


def test_the_finder_reaches_its_floor_and_beats_word_overlap():
    finder = evaluation.finder_figures()
    baseline = evaluation.baseline_figures()
    assert finder.precision >= PRECISION_FLOOR
    assert finder.recall >= RECALL_FLOOR
    assert finder.f1 > baseline.f1 + 0.3
    finder_recall, baseline_recall = evaluation.cross_language_recall()
    assert finder_recall >= RECALL_FLOOR > baseline_recall


def test_on_pairs_it_was_not_tuned_on_it_still_beats_word_overlap():
    activities, pairs = evaluation.load_labelled(evaluation.HOLDOUT)
    assert len(pairs) >= 20 and all(a in activities and b in activities for a, b, _l in pairs)
    finder = evaluation.finder_figures(path=evaluation.HOLDOUT)
    baseline = evaluation.baseline_figures(path=evaluation.HOLDOUT)
    assert finder.precision > baseline.precision
    assert finder.recall > baseline.recall


def test_topics_are_found_in_each_language():
    assert text.topics_in("Campagne contre le cyberharcèlement", "fr") == {"cyberbullying"}
    assert text.topics_in("Кампания против кибербуллинга", "ru") == {"cyberbullying"}
    assert text.topics_in("حملة ضد التنمر الإلكتروني", "ar") == {"cyberbullying"}
    assert text.topics_in("预防网络欺凌宣传活动", "zh") == {"cyberbullying"}
    assert text.topics_in("Campaña contra el ciberacoso", "es") == {"cyberbullying"}
    assert text.topics_in("Parental controls for families", "en") == {"parental-controls"}
    assert text.topics_in("", "en") == set()


def test_arabic_is_normalised_before_matching():
    # Hamza on the alef and taa marbuta are written in some texts and not in others.
    assert "national-strategy" in text.topics_in("دعم الإستراتيجية الوطنية", "ar")
    assert "national-strategy" in text.topics_in("دعم الاستراتيجيه الوطنيه", "ar")


def test_far_apart_in_place_and_time_stays_below_the_threshold():
    a = overlap.ActivityFacts("a", "training", "en", frozenset({"grooming"}), regions=frozenset({"EUR"}),
                              starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 2, 1))  # fmt: skip
    b = overlap.ActivityFacts("b", "training", "fr", frozenset({"grooming"}), regions=frozenset({"ARB"}),
                              starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2025, 2, 1))  # fmt: skip
    found = overlap.score(a, b)
    assert found.score < overlap.THRESHOLD
    assert [r.code for r in found.reasons] == ["topics", "kind"]
    assert overlap.find(a, [b]) == []
