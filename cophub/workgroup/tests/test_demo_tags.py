"""The demo contributions name the paragraphs their subject serves, not paragraphs drawn at
random (a talk on hotlines is not the annual report to Council)."""

import pytest

from cophub.core.models import MandateParagraph
from cophub.workgroup.demo import TOPIC_MANDATE, TOPICS

pytestmark = pytest.mark.django_db


def test_every_title_has_a_topic_and_every_topic_stored_paragraphs():
    assert {topic["topic"] for topic in TOPICS} == set(TOPIC_MANDATE)
    # Each topic has an English title, for the English translation of a document.
    assert all("en" in topic for topic in TOPICS)
    codes = {code for codes in TOPIC_MANDATE.values() for code in codes}
    assert codes <= set(MandateParagraph.objects.values_list("code", flat=True))


def test_the_topics_say_what_the_titles_are_about():
    english = {topic["topic"]: topic["en"] for topic in TOPICS}
    assert "Helplines" in english["helplines"] and "R179/MS/10" in TOPIC_MANDATE["helplines"]
    assert "hotline" in english["hotline"] and "R179/MS/10" in TOPIC_MANDATE["hotline"]
    assert "disaggregated" in english["data"] and "R179/MS/8" in TOPIC_MANDATE["data"]
    assert "Parental" in english["parental"] and "R179/MS/12" in TOPIC_MANDATE["parental"]
    # No contribution is the annual report, the final report or a report to the Plenipotentiary.
    reports = {"R1306/RES/1.3", "R1306/RES/6", "R179/SG/6", "R179/BDT/1"}
    assert not reports & {code for codes in TOPIC_MANDATE.values() for code in codes}
