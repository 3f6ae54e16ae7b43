"""The danger signal on the labelled set: figures computed from the real detector on the real
held-back part (data/safety_cases/), which the cue lists were never tuned on."""

import pytest

from cophub.consultations import safeguarding
from cophub.consultations.safeguarding import LANGUAGES, frame_of, labelled_cases, signals_danger

# What the held-back part gives (docs/consultations.md): the goal of 95 % recall is not met in
# any language once the held-back part holds the sentences of the later batches, written after
# the cues. A change to the cues may not fall below these.
HELD_BACK_RECALL_FLOOR = {"ar": 0.85, "zh": 0.93, "en": 0.86, "fr": 0.86, "ru": 0.86, "es": 0.89}
FALSE_ALARMS_CEILING = 0.05


def _rates(cases, detector=signals_danger):
    disclosures = [case for case in cases if case.disclosure]
    ordinary = [case for case in cases if not case.disclosure]
    recall = sum(detector(case.text) for case in disclosures) / len(disclosures)
    false_alarms = sum(detector(case.text) for case in ordinary) / len(ordinary)
    return recall, false_alarms


def test_the_set_is_large_enough_and_split_once_for_all():
    cases = labelled_cases()
    assert len({case.id for case in cases}) == len(cases)
    for language in LANGUAGES:
        mine = [case for case in cases if case.language == language]
        assert sum(case.disclosure for case in mine) >= 100
        assert sum(not case.disclosure for case in mine) >= 100
    # The split is a hash of the id: the same sentences are held back on every machine.
    assert sum(case.held_back for case in cases) == 765
    assert [case.id for case in cases if case.held_back][:3] == ["ar-001", "ar-002", "ar-003"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_back_figures_per_language(language):
    part = [c for c in labelled_cases() if c.held_back and c.language == language]
    recall, false_alarms = _rates(part)
    assert recall >= HELD_BACK_RECALL_FLOOR[language]
    assert false_alarms <= FALSE_ALARMS_CEILING
    # The word lists alone, on the same sentences, find almost none of these disclosures.
    old_recall, _ = _rates(part, safeguarding.signals_danger_by_terms)
    assert recall - old_recall > 0.75


def test_a_grooming_story_without_a_keyword_is_caught():
    text = "a man from the game wants us to meet next week, just us two, and says not to tell mum"
    assert frame_of(text) is not None
    assert not safeguarding.signals_danger_by_terms(text)


def test_talking_about_a_subject_is_not_a_disclosure():
    assert not signals_danger("we learned about grooming at school")
    assert not signals_danger("на уроке нам рассказали про шантаж в сети")
    assert signals_danger("a man from discord is grooming me and wants to meet")


def test_languages_mixed_in_one_answer_pool_their_cues():
    # An adult in English, secrecy in Spanish.
    assert signals_danger("this older guy online dice que es nuestro secreto")


def test_arabic_cues_match_after_a_joined_conjunction():
    # "و" (and) is written as one word with the verb that follows it.
    assert "demand" in safeguarding.cues_in("وبيطلب فلوس")
    assert "demand" not in safeguarding.cues_in("وبيطلب")


def test_hiding_injuries_is_a_frame_of_its_own():
    assert signals_danger("i wear a hoodie so nobody sees my arms")
    assert not signals_danger("i wear a hoodie because its cold")
    assert not signals_danger("we learned at school that hiding your arms can be a red flag")
