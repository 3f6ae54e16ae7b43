"""What the redaction catches, measured on the test set of redaction_cases.py."""

from collections import Counter

from cophub.consultations.redaction import redact

from .redaction_cases import BENIGN, CASES

# The measured rate at the time of writing; the test fails if a change makes it worse.
MINIMUM_CATCH_RATE = 0.95


def _measure():
    caught, total = Counter(), Counter()
    misses = []
    for language, country, sentence, secrets in CASES:
        result = redact(sentence, country=country).text
        for kind, secret in secrets:
            total[kind, language] += 1
            if secret not in result:
                caught[kind, language] += 1
            else:
                misses.append((language, kind, sentence, result))
    return caught, total, misses


def test_the_set_has_at_least_100_sentences_in_six_languages():
    assert len(CASES) + len(BENIGN) >= 100
    assert {case[0] for case in CASES} == {"ar", "zh", "en", "fr", "ru", "es"}


def test_catch_rate(capsys):
    caught, total, misses = _measure()
    rate = sum(caught.values()) / sum(total.values())
    with capsys.disabled():
        print(f"\nredaction catch rate: {sum(caught.values())}/{sum(total.values())} = {rate:.1%}")
        for kind in sorted({kind for kind, _language in total}):
            hit = sum(v for (k, _l), v in caught.items() if k == kind)
            all_ = sum(v for (k, _l), v in total.items() if k == kind)
            print(f"  {kind}: {hit}/{all_}")
        for language in ("ar", "zh", "en", "fr", "ru", "es"):
            hit = sum(v for (_k, lang), v in caught.items() if lang == language)
            all_ = sum(v for (_k, lang), v in total.items() if lang == language)
            print(f"  {language}: {hit}/{all_}")
        for language, kind, sentence, result in misses:
            print(f"  missed {language} {kind}: {sentence!r} -> {result!r}")
    assert rate >= MINIMUM_CATCH_RATE


def test_ordinary_sentences_are_left_alone():
    changed = [
        (sentence, redact(sentence, country=country).text)
        for _language, country, sentence in BENIGN
        if redact(sentence, country=country).text != sentence
    ]
    assert changed == []
