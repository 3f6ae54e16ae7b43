import pytest

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.workgroup import services

from .factories import MeetingFactory, docx_upload
from .helpers import registered_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    meeting = MeetingFactory(number=24)
    return services.register_document(
        document=services.submit_document(
            submitted_by=DelegateFactory(),
            meeting=meeting,
            document_type="contribution",
            title="Protecting children in online games",
            original_language="en",
            files={"en": docx_upload()},
        ),
        registered_by=SecretariatFactory(),
    )


def test_groups_and_meetings(client, registered):
    [group] = client.get("/api/v1/groups").json()
    assert group["code"] == "CWG-COP"
    meetings = client.get("/api/v1/meetings?group=CWG-COP&upcoming=true").json()
    assert meetings["count"] == 1
    assert meetings["items"][0]["code"] == "CWG-COP-24"
    assert meetings["items"][0]["url"] == "/en/meetings/CWG-COP-24/"
    assert client.get("/api/v1/meetings/CWG-COP-24").json()["agenda"] == []


def test_documents_with_filters(client, registered):
    body = client.get("/api/v1/documents?country=KE&document_type=contribution").json()
    assert body["count"] == 1
    document = body["items"][0]
    assert document["number"] == "CWG-COP-24/1"
    assert document["countries"] == ["KE"]
    assert document["files"][0]["url"] == "/en/documents/CWG-COP-24-1/files/en/"
    assert client.get("/api/v1/documents?country=FR").json()["count"] == 0
    assert client.get("/api/v1/documents?q=games").json()["count"] == 1
    assert client.get("/api/v1/documents/CWG-COP-24-1").json()["title"] == document["title"]


def test_documents_paginate(client):
    registered_documents(MeetingFactory(number=24), 30)
    body = client.get("/api/v1/documents?limit=10&offset=20").json()
    assert body["count"] == 30
    assert len(body["items"]) == 10


def test_errors_are_problems(client):
    response = client.get("/api/v1/documents/CWG-COP-99-1")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    response = client.get("/api/v1/documents?document_type=nonsense")
    assert response.status_code == 422
    assert response.json()["status"] == 422


def test_operations_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/groups",
        "/api/v1/meetings",
        "/api/v1/meetings/{code}",
        "/api/v1/documents",
        "/api/v1/documents/{number}",
    ]:
        assert path in paths
