import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.resources import selectors
from cophub.resources.models import DeletedRecord, Resource

from .factories import make_resource

pytestmark = pytest.mark.django_db


def test_secretariat_lists_and_edits_resources_and_the_index_follows(
    client, django_capture_on_commit_callbacks
):
    resource = make_resource()
    client.force_login(SecretariatFactory())
    assert client.get("/en/admin/resources/resource/").status_code == 200
    assert client.get("/en/admin/resources/topic/").status_code == 200
    data = _change_form(client, resource) | {"title_en": "Moderated chat rooms"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/admin/resources/resource/{resource.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [r.pk for r in selectors.search(selectors.SearchQuery(text="moderated")).queryset] == [
        resource.pk
    ]


def _change_form(client, resource) -> dict:
    page = client.get(f"/en/admin/resources/resource/{resource.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {
        "audiences": [a.pk for a in resource.audiences.all()],
        "topics": [t.pk for t in resource.topics.all()],
        "countries": [],
        "mandate": [],
        "platforms": "[]",
        "tool_languages": "[]",
        "versions-TOTAL_FORMS": "1",
        "versions-INITIAL_FORMS": "1",
        "versions-0-id": resource.versions.get().pk,
        "versions-0-resource": resource.pk,
        "versions-0-language": "en",
        "versions-0-link": "https://example.org/safer-chat",
    }
    return {k: v for k, v in data.items() if not isinstance(v, list) or v}


def test_unpublished_in_the_admin_is_a_deleted_record_until_published_again(client):
    resource = make_resource()
    client.force_login(SecretariatFactory())
    url = f"/en/admin/resources/resource/{resource.pk}/change/"
    response = client.post(url, _change_form(client, resource) | {"status": "withdrawn"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    deleted = DeletedRecord.objects.get()
    assert (deleted.slug, deleted.set_spec_list) == (
        resource.slug,
        ["kind:best_practice", "audience:children-9-12"],
    )
    response = client.post(url, _change_form(client, resource) | {"status": "published"})
    assert response.status_code == 302
    assert not DeletedRecord.objects.exists()
    # Moving a public resource to a new address deletes the old identifier for harvesters.
    response = client.post(url, _change_form(client, resource) | {"slug": "safer-chat-rooms"})
    assert response.status_code == 302
    assert list(DeletedRecord.objects.values_list("slug", flat=True)) == [resource.slug]


def test_deleted_in_the_admin_is_a_deleted_record(client):
    resource = make_resource()
    client.force_login(SecretariatFactory())
    response = client.post(f"/en/admin/resources/resource/{resource.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Resource.objects.exists()
    assert list(DeletedRecord.objects.values_list("slug", flat=True)) == [resource.slug]


def test_withdraw_action_tells_harvesters_and_lists_the_deleted_record(client):
    published, draft = make_resource(), make_resource(status=Resource.Status.SUBMITTED)
    client.force_login(SecretariatFactory())
    response = client.post(
        "/fr/admin/resources/resource/",
        {"action": "withdraw", "_selected_action": [published.pk, draft.pk]},
        follow=True,
    )
    page = response.content.decode()
    # both outcomes, in the secretariat's language
    assert f"{published} : retirée." in page
    assert "Seule une ressource publiée peut être retirée." in page
    published.refresh_from_db()
    draft.refresh_from_db()
    assert (published.status, draft.status) == ("withdrawn", "submitted")
    assert list(DeletedRecord.objects.values_list("slug", flat=True)) == [published.slug]
    listing = client.get("/en/admin/resources/deletedrecord/")
    assert listing.status_code == 200 and published.slug in listing.content.decode()
    assert client.get("/en/admin/resources/deletedrecord/add/").status_code == 403
