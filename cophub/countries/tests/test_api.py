import pytest

from cophub.accounts.permissions import SYSTEM
from cophub.countries import services

from .factories import EvidenceFactory, MeasureFactory, MilestoneFactory, RoadmapFactory, item
from .factories import country as country_of

pytestmark = pytest.mark.django_db


def test_checklist_in_the_language_asked_for(client):
    body = client.get("/api/v1/checklist?lang=es").json()
    assert len(body) == 20
    helpline = next(entry for entry in body if entry["code"] == "tec-helpline")
    assert helpline["title"] == "Una línea de ayuda para niños"
    assert set(helpline["titles"]) == {"ar", "zh", "en", "fr", "ru", "es"}


def test_measures_with_evidence_and_score(client):
    EvidenceFactory(measure=MeasureFactory(item=item("tec-hotline")), title="Decree")
    body = client.get("/api/v1/countries/ke/measures").json()
    assert body["iso2"] == "KE" and body["score"] == 5
    hotline = next(m for m in body["measures"] if m["item"] == "tec-hotline")
    assert hotline["status"] == "in_force" and hotline["evidence"][0]["title"] == "Decree"
    assert next(m for m in body["measures"] if m["item"] == "edu-schools")["status"] == "unknown"


def test_roadmap_and_its_absence(client):
    response = client.get("/api/v1/countries/KE/roadmap")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    roadmap = RoadmapFactory()
    MilestoneFactory(roadmap=roadmap, status="done", item=item("tec-helpline"))
    body = client.get("/api/v1/countries/KE/roadmap").json()
    assert body["progress"] == 100 and body["milestones"][0]["item"] == "tec-helpline"


def test_history(client):
    services.import_measures(
        rows=[{"country": "KE", "item": "tec-hotline", "status": "draft"}], by=SYSTEM
    )
    body = client.get("/api/v1/countries/KE/history").json()
    assert body["count"] == 1
    assert body["items"][0]["details"] == [{"field": "status", "before": None, "after": "draft"}]


def test_comparison_filters_and_refuses_unknown_values(client):
    MeasureFactory()
    body = client.get("/api/v1/comparison?region=AFR&group=LLDC").json()
    iso2s = {row["iso2"] for row in body["countries"]}
    assert "RW" in iso2s and "KE" not in iso2s
    body = client.get("/api/v1/comparison?region=AFR").json()
    kenya = next(row for row in body["countries"] if row["iso2"] == "KE")
    assert kenya["statuses"]["leg-abuse-material"] == "in_force" and kenya["score"] == 5
    response = client.get("/api/v1/comparison?region=MARS")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "region"]  # an enum in the schema
    assert client.get("/api/v1/comparison?group=RICH").status_code == 422


def test_the_operations_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/checklist",
        "/api/v1/countries/{iso2}/measures",
        "/api/v1/countries/{iso2}/roadmap",
        "/api/v1/countries/{iso2}/history",
        "/api/v1/comparison",
    ):
        assert path in paths


def test_a_focal_point_proposes_through_the_api(client):
    from cophub.accounts.tests.factories import DelegateFactory
    from cophub.countries.models import Proposal

    url = "/api/v1/countries/KE/proposals"
    body = {
        "kind": "measure",
        "payload": {"item": "tec-hotline", "status": "in_force"},
    }
    assert client.post(url, body, content_type="application/json").status_code == 401
    client.force_login(DelegateFactory(country=country_of("FR")))
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    client.force_login(DelegateFactory())
    bad = {"kind": "measure", "payload": {"item": "tec-hotline", "status": "rumoured"}}
    response = client.post(url + "?lang=fr", bad, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"] == "Choisissez l'une des valeurs proposées."
    assert not Proposal.objects.exists()
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["status"] == "pending" and response.json()["country"] == "KE"
    assert Proposal.objects.get().payload == body["payload"]
