import pytest

from .factories import consultation, move_to_past, respond

pytestmark = pytest.mark.django_db


def test_list_and_results(client):
    item = consultation()
    for n in range(5):
        respond(item, device=str(n), country="EG")
    respond(item, device="z", country="CN")
    listed = client.get("/api/v1/consultations").json()
    assert listed[0]["slug"] == item.slug and listed[0]["participants"] == 6
    assert listed[0]["state"] == "open"
    open_detail = client.get(f"/api/v1/consultations/{item.slug}").json()
    assert open_detail["questions"] == []
    move_to_past(item)
    detail = client.get(f"/api/v1/consultations/{item.slug}", {"lang": "zh"}).json()
    countries = {cell["label"]: cell["count"] for cell in detail["participation"]["country"]}
    assert countries == {"埃及": 5, "中国": None}
    assert detail["questions"][0]["question"] == "你最常上哪里的网？"


def test_unknown_consultation_is_a_problem(client):
    response = client.get("/api/v1/consultations/nothing-here")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
