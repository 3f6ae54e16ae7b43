"""The search index at work: a search counts and ranks its matches from the search entries, which
carry their resource's publication (kept in step by the database), reads the word index once
for its first page and count, and falls back when no resource has every word."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.resources import selectors, services, tasks
from cophub.resources.models import Resource

from .factories import make_resource

pytestmark = pytest.mark.django_db


def _entry(resource):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT published, published_on, kind FROM resources_searchentry "
            "WHERE resource_id = %s",
            [resource.pk],
        )
        return cursor.fetchone()


def _slugs(text, **filters):
    query = selectors.SearchQuery(text=text, **filters)
    return [r.slug for r in selectors.search(query, facets=False).queryset]


def test_an_entry_follows_its_resource_out_of_and_back_into_the_repository():
    resource = make_resource(titles={"en": "Quokka chat rooms"})
    assert _entry(resource) == (True, resource.published_on, resource.kind)
    assert _slugs("quokka") == [resource.slug]

    services.withdraw_resource(resource=resource, reviewer=SecretariatFactory())
    assert _entry(resource)[0] is False
    assert _slugs("quokka") == []

    # Any change of the row, through the services or not, is passed on in the same statement.
    Resource.objects.filter(pk=resource.pk).update(
        status=Resource.Status.PUBLISHED, published_on=datetime.date(2019, 3, 4), kind="training"
    )
    assert _entry(resource) == (True, datetime.date(2019, 3, 4), "training")
    assert _slugs("quokka") == [resource.slug]
    found = selectors.search(selectors.SearchQuery(text="quokka"))
    assert [(value.value, value.count) for value in found.facets["kind"]] == [("training", 1)]


def test_an_entry_built_for_a_resource_not_yet_published_is_not_found():
    resource = make_resource(titles={"en": "Wombat safety guide"})
    Resource.objects.filter(pk=resource.pk).update(status=Resource.Status.IN_REVIEW)
    resource.search_entry.delete()
    tasks.index_resource(resource.pk)  # the entry built anew takes the resource's state
    assert _entry(resource)[0] is False
    assert _slugs("wombat") == []


def test_equal_ranks_list_the_newest_publication_first():
    older = make_resource(
        titles={"en": "Platypus helpline"}, published_on=datetime.date(2018, 1, 1)
    )
    newer = make_resource(
        titles={"en": "Platypus helpline"}, published_on=datetime.date(2024, 1, 1)
    )
    undated = make_resource(titles={"en": "Platypus helpline"})
    Resource.objects.filter(pk=undated.pk).update(published_on=None)
    assert _slugs("platypus") == [newer.slug, older.slug, undated.slug]


def test_a_search_reads_the_word_index_once_for_its_first_page_and_its_count(client):
    for n in range(3):
        make_resource(titles={"en": f"Echidna chat rooms {n}"})
    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/v1/resources", {"q": "echidna chat", "limit": 2}).json()
    assert data["count"] == 3 and len(data["items"]) == 2
    assert sum("@@" in query["sql"] for query in queries.captured_queries) == 1
    # A later page counts on its own, and agrees.
    data = client.get("/api/v1/resources", {"q": "echidna chat", "offset": 2}).json()
    assert data["count"] == 3 and len(data["items"]) == 1
    assert client.get("/api/v1/resources", {"q": "echidna", "offset": 9}).json() == {
        "items": [],
        "count": 3,
    }


def test_the_api_falls_back_like_the_page_and_a_facet_that_leaves_nothing_is_the_answer(client):
    resource = make_resource(titles={"en": "Numbat privacy settings"})
    data = client.get("/api/v1/resources", {"q": "numbat privacy zqxjvwk"}).json()
    assert data["count"] == 1 and data["items"][0]["slug"] == resource.slug
    # The words match, the chosen kind leaves nothing: no fallback to other words or titles.
    data = client.get("/api/v1/resources", {"q": "numbat privacy", "kind": "guideline"}).json()
    assert data == {"items": [], "count": 0}
    # A mistyped word finds the closest titles.
    data = client.get("/api/v1/resources", {"q": "numbta"}).json()
    assert [item["slug"] for item in data["items"]] == [resource.slug]


@pytest.mark.parametrize("sample", [0, 1, selectors.WORD_SAMPLE])
def test_a_word_is_found_whether_or_not_it_is_in_the_sample(monkeypatch, sample):
    first = make_resource(titles={"en": "Kookaburra chat rooms"})
    second = make_resource(titles={"en": "Dingo chat rooms"})
    monkeypatch.setattr(selectors, "WORD_SAMPLE", sample)
    for text, slug in [("kookaburra zqxjvwk", first.slug), ("dingo zqxjvwk", second.slug)]:
        found = selectors.search(selectors.SearchQuery(text=text), facets=False)
        assert [r.slug for r in found.queryset] == [slug]
        assert found.some_words and not found.near_matches


def test_the_search_indexes_take_each_change_into_their_tree_at_once():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname IN "
            "('resources_searchentry_document', 'resources_searchentry_title_trgm') ORDER BY 1"
        )
        assert cursor.fetchall() == [
            ("resources_searchentry_document", ["fastupdate=off"]),
            ("resources_searchentry_title_trgm", ["fastupdate=off"]),
        ]
