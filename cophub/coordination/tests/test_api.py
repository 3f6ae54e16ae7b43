import datetime

import pytest

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.coordination import services
from cophub.coordination.models import Activity

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


NEW_ACTIVITY = {
    "organisation": "unicef",
    "kind": "campaign",
    "titles": {"fr": "Campagne contre le cyberharcèlement dans les écoles du Kenya"},
    "descriptions": {"fr": "Affiches et réunions sur le harcèlement en ligne pour les élèves."},
    "original_language": "fr",
    "starts_on": "2025-03-01",
    "ends_on": "2025-10-31",
    "countries": ["KE"],
    "contact_role": "Responsable de la protection de l'enfance",
}


def test_the_secretariat_adds_an_activity_and_finds_its_overlaps(client):
    english = make_activity()  # the same campaign, in English, by the BDT
    client.force_login(SecretariatFactory())
    response = client.post(
        "/api/v1/coordination/activities", NEW_ACTIVITY, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["organisation"] == "unicef" and created["countries"] == ["KE"]
    assert created["titles"] == NEW_ACTIVITY["titles"]
    overlaps = client.get(f"/api/v1/coordination/activities/{created['slug']}/overlaps").json()
    assert overlaps[0]["activity"] == english.slug
    assert {"topics", "countries"} <= {reason["code"] for reason in overlaps[0]["reasons"]}


def test_adding_an_activity_is_refused_clearly_and_writes_nothing(client):
    url = "/api/v1/coordination/activities"
    assert client.post(url, NEW_ACTIVITY, content_type="application/json").status_code == 401
    client.force_login(DelegateFactory())
    response = client.post(url + "?lang=fr", NEW_ACTIVITY, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Seul le secrétariat enregistre des activités dans le registre."
    )
    client.force_login(SecretariatFactory())
    backwards = NEW_ACTIVITY | {"starts_on": "2025-12-01", "ends_on": "2025-01-01"}
    response = client.post(url + "?lang=fr", backwards, content_type="application/json")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Une activité ne peut pas se terminer avant de commencer."
    unknown = NEW_ACTIVITY | {"organisation": "ministry-of-magic"}
    response = client.post(url + "?lang=fr", unknown, content_type="application/json")
    assert response.status_code == 422 and "ministry-of-magic" in response.json()["detail"]
    assert not Activity.objects.exists()
