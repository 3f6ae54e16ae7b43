"""How well the danger signal finds disclosures, per language, on the held-back part of the
labelled set (cophub/consultations/data/safety_cases/), which the cue lists were never tuned on.

Three detectors on the same sentences:
- "frames": what the site runs (`safeguarding.signals_danger`: co-occurring cues per language
  beside the word lists);
- "word list": the reviewed word and phrase lists alone, the signal before the frames;
- "char n-grams": a small classifier (multinomial naive Bayes over character 2- to 4-grams of
  the normalised text) trained on the tuning part, as a candidate measured beside them.

With --logistic, two more candidates (slower, about half a minute, so not in `make bench`):
- "logistic": logistic regression over hashed character 3- to 5-grams, words and word pairs of
  the normalised text, trained on the tuning part by gradient descent;
- "frames or logistic": an answer is flagged when either flags it.

Usage: python bench/bench_safety_detector.py [--misses] [--logistic]. In `make bench` it prints
the same table without --logistic (it needs no server).
"""

import argparse
import collections
import math
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cophub.settings")
# The detector reads files only: the test profile's settings need no secret and no database.
os.environ.setdefault("DJANGO_ENV", "test")

GOAL_RECALL, GOAL_FALSE_ALARMS = 0.95, 0.05
# Sentence ids by the batch they were written in (data/safety_cases/README.md).
BATCHES = (
    ("first", 1, 300),
    ("second", 301, 400),
    ("third", 401, 500),
    ("fourth", 501, 599),
    ("fifth", 601, 999),
)


def _grams(text: str) -> collections.Counter:
    from cophub.consultations.safeguarding import normalise

    padded = f" {normalise(text)} "
    return collections.Counter(
        padded[i : i + n] for n in (2, 3, 4) for i in range(len(padded) - n + 1)
    )


def char_ngram_classifier(training):
    """Multinomial naive Bayes with add-one smoothing, trained on (text, disclosure) pairs."""
    counts = {True: collections.Counter(), False: collections.Counter()}
    documents = collections.Counter()
    for text, label in training:
        counts[label].update(_grams(text))
        documents[label] += 1
    vocabulary = len(set(counts[True]) | set(counts[False]))
    totals = {label: sum(counts[label].values()) for label in counts}

    def predict(text: str) -> bool:
        scores = {}
        for label in (True, False):
            score = math.log(documents[label] / sum(documents.values()))
            for gram, n in _grams(text).items():
                score += n * math.log((counts[label][gram] + 1) / (totals[label] + vocabulary))
            scores[label] = score
        return scores[True] > scores[False]

    return predict


def _hashed_features(text: str, size: int) -> dict[int, float]:
    import zlib

    from cophub.consultations.safeguarding import normalise

    plain = normalise(text)
    padded = f" {plain} "
    words = plain.split()
    parts = [padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)]
    parts += [f"w {word}" for word in words]
    parts += [f"b {first} {second}" for first, second in zip(words, words[1:], strict=False)]
    counts = collections.Counter(zlib.crc32(part.encode()) % size for part in parts)
    norm = math.sqrt(sum(n * n for n in counts.values())) or 1.0
    return {index: n / norm for index, n in counts.items()}


def logistic_classifier(training, *, epochs=15, size=1 << 18, seed=1):
    """Logistic regression trained by stochastic gradient descent on (text, disclosure) pairs;
    flags a text whose probability of being a disclosure is above one half."""
    import random

    examples = [(_hashed_features(text, size), 1.0 if label else 0.0) for text, label in training]
    weights, bias = [0.0] * size, 0.0
    shuffled = random.Random(seed)
    for epoch in range(epochs):
        shuffled.shuffle(examples)
        rate = 0.5 / (1 + 0.1 * epoch)
        for features, label in examples:
            score = bias + sum(weights[i] * v for i, v in features.items())
            gradient = 1 / (1 + math.exp(-max(-30.0, min(30.0, score)))) - label
            for i, v in features.items():
                weights[i] -= rate * (gradient * v + 1e-5 * weights[i])
            bias -= rate * gradient

    def predict(text: str) -> bool:
        features = _hashed_features(text, size)
        return bias + sum(weights[i] * v for i, v in features.items()) > 0

    return predict


def measure(detector, cases):
    disclosures = [case for case in cases if case.disclosure]
    ordinary = [case for case in cases if not case.disclosure]
    missed = [case for case in disclosures if not detector(case.text)]
    alarms = [case for case in ordinary if detector(case.text)]
    return {
        "recall": 1 - len(missed) / len(disclosures),
        "false_alarms": len(alarms) / len(ordinary),
        "disclosures": len(disclosures),
        "ordinary": len(ordinary),
        "missed": missed,
        "alarms": alarms,
    }


def figures(show_misses: bool = False, logistic: bool = False) -> list[dict]:
    import django

    django.setup()
    from cophub.consultations import safeguarding

    cases = safeguarding.labelled_cases()
    tuning = [case for case in cases if not case.held_back]
    held_back = [case for case in cases if case.held_back]
    detectors = {
        "frames": safeguarding.signals_danger,
        "word list": safeguarding.signals_danger_by_terms,
        "char n-grams": char_ngram_classifier([(c.text, c.disclosure) for c in tuning]),
    }
    if logistic:
        regression = logistic_classifier([(c.text, c.disclosure) for c in tuning])
        detectors["logistic"] = regression
        detectors["frames or logistic"] = lambda text: (
            safeguarding.signals_danger(text) or regression(text)
        )
    print(
        f"danger signal on the held-back part ({len(held_back)} of {len(cases)} sentences), "
        f"goal: recall >= {GOAL_RECALL:.0%}, false alarms <= {GOAL_FALSE_ALARMS:.0%}"
    )
    rows = []
    for language in safeguarding.LANGUAGES:
        part = [case for case in held_back if case.language == language]
        line = [f"  {language}"]
        for name, detector in detectors.items():
            result = measure(detector, part)
            rows.append({"language": language, "detector": name, **result})
            line.append(
                f"{name}: recall {result['recall']:.1%} "
                f"({result['disclosures'] - len(result['missed'])}/{result['disclosures']}), "
                f"false alarms {result['false_alarms']:.1%} "
                f"({len(result['alarms'])}/{result['ordinary']})"
            )
        print(" | ".join(line))
    # The set grew in batches, each written before the cue lists had seen any of it (README):
    # the later batches are the fairer test of how the frames do on stories they were not
    # written for.
    for language in safeguarding.LANGUAGES:
        part = [case for case in held_back if case.language == language]
        line = []
        for name, first, last in BATCHES:
            batch = [case for case in part if first <= int(case.id.split("-")[1]) <= last]
            if batch:
                result = measure(safeguarding.signals_danger, batch)
                line.append(
                    f"{name} {result['disclosures'] - len(result['missed'])}/"
                    f"{result['disclosures']} caught, {len(result['alarms'])}/"
                    f"{result['ordinary']} false alarms"
                )
        print(f"  {language} frames by batch: " + " | ".join(line))
    if show_misses:
        for row in rows:
            if row["detector"] != "frames":
                continue
            for case in row["missed"]:
                print(f"  missed {case.id} ({case.topic}): {case.text}")
            for case in row["alarms"]:
                print(f"  false alarm {case.id} ({case.topic}): {case.text}")
    return rows


def run(host, port, *, requests=0, concurrency=0):
    """In `make bench`: the table, no server needed and no request figures."""
    figures()
    return []


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the frames' misses")
    parser.add_argument("--logistic", action="store_true", help="measure two more candidates")
    arguments = parser.parse_args()
    figures(show_misses=arguments.misses, logistic=arguments.logistic)
