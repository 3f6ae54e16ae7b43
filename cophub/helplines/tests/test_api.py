import pytest
from openapi_spec_validator import validate

from cophub.helplines import clock

from .factories import ChannelFactory, HelplineFactory
from .test_views import WEDNESDAY_10_NAIROBI, _kenya

pytestmark = pytest.mark.django_db


def test_the_schema_lists_the_helpline_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    validate(schema)
    assert {"/api/v1/helplines", "/api/v1/helplines/{key}", "/api/v1/help/{iso2}"} <= set(
        schema["paths"]
    )


def test_helplines_by_country_include_the_regions_services(client, django_assert_max_num_queries):
    ChannelFactory(helpline=HelplineFactory(key="kenya"))
    regional = HelplineFactory(country=None, region_id="AFR", key="africa")
    ChannelFactory(helpline=regional, kind="web", value="https://africa.example.org/", works_in=[])
    HelplineFactory(country_id="FR", key="france")
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/helplines", {"country": "KE"}).json()
    assert sorted(item["key"] for item in body["items"]) == ["africa", "kenya"]
    kenya = next(item for item in body["items"] if item["country"] == "KE")
    assert kenya["channels"][0]["href"] == "tel:116"
    assert kenya["channels"][0]["works_in"] == ["KE"]


def test_one_helpline_and_an_unknown_one(client):
    HelplineFactory(key="childline", name_fr="Ligne enfants")
    body = client.get("/api/v1/helplines/childline", {"lang": "fr"}).json()
    assert body["name"] == "Ligne enfants"
    missing = client.get("/api/v1/helplines/nothing")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"


def test_help_for_a_country_puts_open_services_first(client, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: WEDNESDAY_10_NAIROBI)
    _kenya()
    body = client.get("/api/v1/help/KE").json()
    assert [s["helpline"]["key"] for s in body["services"]] == ["day", "report", "evening"]
    assert [s["open_now"] for s in body["services"]] == [True, None, False]
    assert body["services"][0]["channels"][0]["hours_text"].startswith("Wed 08:00–17:00")
    assert client.get("/api/v1/help/ZZ").status_code == 404


def test_a_bad_kind_is_a_422_problem(client):
    response = client.get("/api/v1/helplines", {"kind": "bakery"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == "kind"
