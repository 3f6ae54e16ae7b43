import datetime

import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.coordination import services

from .factories import make_activity

pytestmark = pytest.mark.django_db


def test_activities_with_the_same_filters_as_the_pages(client):
    make_activity()
    make_activity(organisation="unicef", titles={"fr": "Enquête"}, descriptions={}, original_language="fr",
                  kind="research", countries=["SN"], starts_on=datetime.date(2023, 1, 1), ends_on=None)  # fmt: skip
    data = client.get("/api/v1/coordination/activities").json()
    assert data["count"] == 2
    data = client.get("/api/v1/coordination/activities?kind=research&country=sn&language=fr").json()
    assert [a["titles"] for a in data["items"]] == [{"fr": "Enquête"}]
    assert data["items"][0]["organisation"] == "unicef"
    data = client.get(
        "/api/v1/coordination/activities?topic=cyberbullying&region=AFR&year=2025"
    ).json()
    assert [a["countries"] for a in data["items"]] == [["KE"]]
    response = client.get("/api/v1/coordination/activities?language=de")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/coordination/activities?kind=knitting").status_code == 422


def test_overlaps_and_marks(client):
    english = make_activity()
    french = make_activity(organisation="unicef", original_language="fr",
                           titles={"fr": "Campagne contre le cyberharcèlement au Kenya"}, descriptions={})  # fmt: skip
    services.mark_pair(
        activity=english, other=french, relation="complementary", user=SecretariatFactory()
    )
    data = client.get(f"/api/v1/coordination/activities/{french.slug}/overlaps?lang=fr").json()
    assert data[0]["activity"] == english.slug
    assert data[0]["mark"] == "complementary"
    reasons = {r["code"]: r for r in data[0]["reasons"]}
    assert reasons["countries"]["values"] == ["KE"]
    assert reasons["countries"]["text"] == "Pays communs : Kenya"
    marks = client.get("/api/v1/coordination/marks?organisation=unicef").json()
    assert [(m["first"], m["second"], m["relation"]) for m in marks["items"]] == [
        (english.slug, french.slug, "complementary")
    ]
    detail = client.get(f"/api/v1/coordination/activities/{english.slug}").json()
    assert "R179/SGDIRS/1" in detail["mandate"]
    assert client.get("/api/v1/coordination/activities/nothing").status_code == 404


def test_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/coordination/activities", "/api/v1/coordination/activities/{slug}/overlaps",
                 "/api/v1/coordination/marks", "/api/v1/coordination/topics"):  # fmt: skip
        assert path in schema["paths"]
    names = {
        p["name"] for p in schema["paths"]["/api/v1/coordination/activities"]["get"]["parameters"]
    }
    assert {
        "q",
        "organisation",
        "kind",
        "topic",
        "country",
        "region",
        "status",
        "year",
        "language",
    } <= names


def test_topics_in_six_languages(client):
    data = client.get("/api/v1/coordination/topics?lang=ar").json()
    cyberbullying = next(t for t in data if t["code"] == "cyberbullying")
    assert cyberbullying["label"] == "التنمر الإلكتروني"
    assert set(cyberbullying["labels"]) == {"ar", "zh", "en", "fr", "ru", "es"}
