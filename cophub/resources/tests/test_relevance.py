"""The relevance test set (relevance.py) over the demo data: the expected resources come first
in every language."""

import pytest
from django.db import transaction

from cophub.resources import demo, selectors
from cophub.resources.relevance import QUERIES, ndcg_at_10

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_resources(django_db_setup, django_db_blocker):
    """The demo resources, loaded once for the module (through the services, a few seconds) and
    rolled back after it; each test runs inside a savepoint of its own."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo.load_demo()
        yield
        transaction.set_rollback(True)


def test_relevance_set_has_eleven_queries_per_language():
    languages = [language for language, _query, _expected in QUERIES]
    assert {code: languages.count(code) for code in set(languages)} == dict.fromkeys(
        ["ar", "zh", "en", "fr", "ru", "es"], 11
    )


def test_expected_results_come_first_in_every_language(demo_resources):
    misses, scores = [], []
    for language, query, expected in QUERIES:
        ranked = [
            r.slug
            for r in selectors.search(selectors.SearchQuery(text=query), facets=False).queryset[:10]
        ]
        scores.append(ndcg_at_10(ranked, expected))
        if expected[0] not in ranked[:3]:
            misses.append((language, query, ranked[:3]))
    assert not misses
    assert sum(scores) / len(scores) >= 0.95


def test_demo_load_is_idempotent(demo_resources):
    count = selectors.public_resources().count()
    demo.load_demo()
    assert selectors.public_resources().count() == count >= 300


def test_a_search_with_a_word_no_resource_has_shows_those_with_the_other_words(demo_resources):
    for text in ["Apple privacy settings", "隐私设置"]:
        found = selectors.search(selectors.SearchQuery(text=text))
        assert found.some_words and not found.near_matches
        assert found.queryset.count() > 0
    every_word = selectors.search(selectors.SearchQuery(text="Apple privacy"))
    assert not every_word.some_words
    assert every_word.queryset[0].slug == "apple-screen-time"


def test_a_word_no_resource_has_leaves_the_resources_with_every_other_word(demo_resources):
    found = selectors.search(selectors.SearchQuery(text="Apple privacy zqxjvwk"), facets=False)
    assert found.some_words and not found.near_matches
    with_both = selectors.search(selectors.SearchQuery(text="Apple privacy"), facets=False)
    # Exactly the resources with both words that exist, in the same order.
    assert [r.slug for r in found.queryset] == [r.slug for r in with_both.queryset]


def test_words_in_different_resources_only_list_the_resources_with_any_of_them(demo_resources):
    found = selectors.search(selectors.SearchQuery(text="Apple 未成年人保护法"), facets=False)
    assert found.some_words and not found.near_matches
    slugs = [r.slug for r in found.queryset]
    assert {"apple-screen-time", "china-minors-protection-law-2020"} <= set(slugs)
