import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.resources.models import Resource

from .factories import make_resource

pytestmark = pytest.mark.django_db


def _many(n):
    for i in range(n):
        make_resource(titles={"en": f"Chat safety {i}"}, countries=["KE"], topics=["cyberbullying", "privacy"],
                      links={"en": f"https://e.org/{i}", "fr": f"https://e.org/fr/{i}"})  # fmt: skip


def test_search_page_finds_and_shows_facets(client):
    _many(2)
    response = client.get("/en/resources/?q=chat+safety")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Chat safety 1" in body
    assert "Narrow the results" in body
    assert "?q=chat%20safety&amp;country=KE" in body or "country=KE" in body


def test_facet_names_follow_a_renamed_country_and_vocabulary(client):
    from cophub.core.models import Country
    from cophub.resources.models import Topic

    _many(1)
    body = client.get("/fr/resources/?q=chat+safety").content.decode()
    assert ">Kenya <span" in body
    Country.objects.filter(iso2="KE").update(name_fr="Kenya (République du)")
    Country.objects.get(iso2="KE").save()  # as the secretariat's pages save it: the data changes
    Topic.objects.filter(code="privacy").update(label_fr="Vie privée des enfants")
    Topic.objects.get(code="privacy").save()
    body = client.get("/fr/resources/?q=chat+safety&page=1").content.decode()
    assert ">Kenya (République du) <span" in body
    assert ">Vie privée des enfants <span" in body


def test_list_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    _many(3)
    with django_assert_max_num_queries(20) as few:
        client.get("/en/resources/?q=chat")
    _many(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/resources/?q=chat")


@pytest.mark.parametrize("query", ["x" * 10_000, "?!;:..."])
def test_bad_query_shows_a_translated_error(client, query):
    response = client.get("/fr/resources/", {"q": query})
    assert response.status_code == 422
    body = response.content.decode()
    assert 'aria-invalid="true"' in body


def test_resource_page_has_jsonld_and_versions(client):
    resource = make_resource(licence="CC-BY-4.0")
    response = client.get(f"/en/resources/{resource.slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    start = body.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(body[start : body.index("</script>", start)])
    assert data["name"][0] == {"@value": "Safer chat rooms for children", "@language": "en"}
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "quick-exit" in body


def test_unpublished_resource_is_hidden_from_the_public(client):
    resource = make_resource(status=Resource.Status.SUBMITTED)
    assert client.get(f"/en/resources/{resource.slug}/").status_code == 404


def test_parity_and_editions_pages(client):
    old = make_resource(
        kind="guideline",
        guideline_set="parents-educators",
        edition=2009,
        audiences=["parents-educators"],
    )
    new = make_resource(
        kind="guideline",
        guideline_set="parents-educators",
        edition=2020,
        audiences=["parents-educators"],
        previous_edition=old,
    )
    body = client.get("/en/resources/guidelines/parents-educators/").content.decode()
    assert "Current edition: <bdi>2020</bdi>" in body
    assert "missing" in body
    body = client.get(f"/ar/resources/{new.slug}/editions/").content.decode()
    assert "2009" in body and "2020" in body
    assert client.get("/en/resources/guidelines/").status_code == 200


def test_submission_form_bad_upload_keeps_nothing(client):
    client.force_login(DelegateFactory())
    response = client.post("/en/resources/submit/", {
        "title": "Peer mentors", "summary": "Pupils help pupils.", "original_language": "en",
        "topics": ["cyberbullying"], "file": SimpleUploadedFile("plan.docx", b"not a document"),
    })  # fmt: skip
    assert response.status_code == 422
    assert "not a document we accept" in response.content.decode()
    assert Resource.objects.count() == 0


def test_submission_without_link_or_file_is_refused(client):
    client.force_login(DelegateFactory())
    response = client.post("/en/resources/submit/", {
        "title": "Peer mentors", "summary": "Pupils help pupils.", "original_language": "en", "topics": ["cyberbullying"],
    })  # fmt: skip
    assert "at least one language version" in response.content.decode()
    assert Resource.objects.count() == 0


def test_submit_review_and_publish_through_the_pages(client):
    client.force_login(DelegateFactory())
    response = client.post("/en/resources/submit/", {
        "title": "Peer mentors", "summary": "Pupils help pupils.", "original_language": "en",
        "topics": ["cyberbullying"], "link": "https://example.org/mentors",
    })  # fmt: skip
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert client.get("/en/resources/submissions/").content.decode().count("Peer mentors") == 1
    client.force_login(SecretariatFactory())
    assert "Peer mentors" in client.get("/en/resources/review/").content.decode()
    response = client.post(
        f"/en/resources/review/{resource.slug}/", {"action": "return", "reason": ""}
    )
    assert "Say why" in response.content.decode()
    client.post(f"/en/resources/review/{resource.slug}/", {"action": "start"})
    client.post(f"/en/resources/review/{resource.slug}/", {"action": "publish"})
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED
    assert "Kenya" in client.get(f"/en/resources/{resource.slug}/").content.decode()


def test_atom_feed_reads_back(client):
    import feedparser

    make_resource()
    feed = feedparser.parse(client.get("/feeds/resources.atom").content)
    assert feed.entries[0].title == "Safer chat rooms for children"


def test_returned_submission_is_changed_and_sent_again(client):
    from cophub.resources import services

    delegate = DelegateFactory()
    resource = services.submit_best_practice(
        user=delegate, titles={"en": "Peer mentors"}, original_language="en",
        links={"en": "https://example.org/m"}, topics=["cyberbullying"],
    )  # fmt: skip
    services.return_submission(
        resource=resource, reviewer=SecretariatFactory(), reason="Say what changed."
    )
    client.force_login(delegate)
    assert "Change and send again" in client.get("/en/resources/submissions/").content.decode()
    response = client.post(
        f"/en/resources/submissions/{resource.slug}/", {"title": "Peer mentors", "summary": ""}
    )
    assert response.status_code == 422
    resource.refresh_from_db()
    assert resource.status == Resource.Status.RETURNED
    client.post(
        f"/en/resources/submissions/{resource.slug}/",
        {"title": "Peer mentors", "summary": "Bullying fell by half."},
    )
    resource.refresh_from_db()
    assert resource.status == Resource.Status.SUBMITTED
    assert resource.summary_en == "Bullying fell by half."
    client.force_login(DelegateFactory(email="other@example.org"))
    assert client.get(f"/en/resources/submissions/{resource.slug}/").status_code == 404


def test_a_title_cannot_close_the_jsonld_script(client):
    resource = make_resource(titles={"en": "Safe </script><script>alert(1)</script> chat"})
    body = client.get(f"/en/resources/{resource.slug}/").content.decode()
    assert "<script>alert(1)" not in body
    start = body.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(body[start : body.index("</script>", start)])
    assert data["name"][0]["@value"] == "Safe </script><script>alert(1)</script> chat"


def test_a_search_with_a_word_no_resource_has_says_so_in_the_page_language(client):
    make_resource(titles={"en": "Privacy for families", "ar": "الخصوصية للأسر"})
    make_resource(titles={"en": "Gaming together"})
    page = client.get("/en/resources/", {"q": "privacy settings"}).content.decode()
    assert "Privacy for families" in page and "Gaming together" not in page
    assert "No resource has every word you wrote." in page
    arabic = client.get("/ar/resources/", {"q": "الخصوصية إعدادات"}).content.decode()
    assert "الخصوصية للأسر" in arabic
    assert "No resource has every word you wrote." not in arabic
    assert 'class="status-note"' in arabic
    every_word = client.get("/en/resources/", {"q": "privacy families"}).content.decode()
    assert "No resource has every word you wrote." not in every_word
