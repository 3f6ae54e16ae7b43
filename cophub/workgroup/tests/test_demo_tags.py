"""The demo contributions name the paragraphs their subject serves, not paragraphs drawn at
random (a talk on hotlines is not the annual report to Council)."""

import pytest

from cophub.core.models import MandateParagraph
from cophub.workgroup.demo import TITLE_TOPICS, TITLES, TOPIC_MANDATE

pytestmark = pytest.mark.django_db


def test_every_title_has_a_topic_and_every_topic_stored_paragraphs():
    for language, titles in TITLES.items():
        assert len(TITLE_TOPICS[language]) == len(titles), language
        assert set(TITLE_TOPICS[language]) <= set(TOPIC_MANDATE), language
    # Each language's topics have an English title, for the English translation of a document.
    assert {t for topics in TITLE_TOPICS.values() for t in topics} <= set(TITLE_TOPICS["en"])
    codes = {code for codes in TOPIC_MANDATE.values() for code in codes}
    assert codes <= set(MandateParagraph.objects.values_list("code", flat=True))


def test_the_topics_say_what_the_titles_are_about():
    english = dict(zip(TITLE_TOPICS["en"], TITLES["en"], strict=True))
    assert "Helplines" in english["helplines"] and "R179/MS/10" in TOPIC_MANDATE["helplines"]
    assert "hotline" in english["hotline"] and "R179/MS/10" in TOPIC_MANDATE["hotline"]
    assert "disaggregated" in english["data"] and "R179/MS/8" in TOPIC_MANDATE["data"]
    assert "Parental" in english["parental"] and "R179/MS/12" in TOPIC_MANDATE["parental"]
    # No contribution is the annual report, the final report or a report to the Plenipotentiary.
    reports = {"R1306/RES/1.3", "R1306/RES/6", "R179/SG/6", "R179/BDT/1"}
    assert not reports & {code for codes in TOPIC_MANDATE.values() for code in codes}
