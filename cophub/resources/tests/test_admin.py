import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.resources import selectors

from .factories import make_resource

pytestmark = pytest.mark.django_db


def test_secretariat_lists_and_edits_resources_and_the_index_follows(
    client, django_capture_on_commit_callbacks
):
    resource = make_resource()
    client.force_login(SecretariatFactory())
    assert client.get("/en/admin/resources/resource/").status_code == 200
    assert client.get("/en/admin/resources/topic/").status_code == 200
    page = client.get(f"/en/admin/resources/resource/{resource.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {
        "title_en": "Moderated chat rooms",
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
    data = {k: v for k, v in data.items() if not isinstance(v, list) or v}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/admin/resources/resource/{resource.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [r.pk for r in selectors.search(selectors.SearchQuery(text="moderated")).queryset] == [
        resource.pk
    ]
