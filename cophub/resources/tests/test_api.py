import pytest

from .factories import make_resource

pytestmark = pytest.mark.django_db


def test_api_searches_with_the_same_filters(client):
    make_resource(countries=["KE"])
    make_resource(titles={"en": "Chat safety in Ghana"}, countries=["GH"])
    data = client.get("/api/v1/resources", {"q": "chat", "country": "GH"}).json()
    assert data["count"] == 1
    assert data["items"][0]["countries"] == ["GH"]
    assert data["items"][0]["versions"][0]["language"] == "en"


def test_api_bad_query_is_a_problem(client):
    response = client.get("/api/v1/resources", {"q": "..."})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_api_resource_topics_and_parity(client):
    resource = make_resource(
        kind="guideline", guideline_set="industry", edition=2020, audiences=["industry"]
    )
    assert client.get(f"/api/v1/resources/{resource.slug}").json()["edition"] == 2020
    topics = client.get("/api/v1/resources/topics").json()
    assert any(t["code"] == "grooming" and t["labels"]["fr"] for t in topics)
    parity = client.get("/api/v1/resources/guideline-sets/industry/parity").json()
    assert parity["current_edition"] == 2020
    assert parity["rows"][0]["cells"][0]["language"] == "ar"


def test_resources_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/resources" in schema["paths"]
