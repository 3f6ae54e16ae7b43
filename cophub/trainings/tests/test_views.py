import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.encoding import iri_to_uri

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.trainings.models import Training

from .factories import schedule

pytestmark = pytest.mark.django_db

GOOD_FORM = {
    "title": "家长网络安全培训",
    "summary": "家长如何与孩子谈论网络上的风险。",
    "audience": "parents",
    "language": "zh",
    "starts_at": "2031-03-02T09:30",
    "ends_at": "2031-03-02T11:30",
    "time_zone": "Asia/Shanghai",
    "place": "北京",
}


def test_the_list_shows_upcoming_and_past_trainings_in_each_language(client):
    schedule(days=-10, title="Held before")
    schedule(days=10, title="Still to come")
    for lang in ("ar", "zh", "en", "fr", "ru", "es"):
        page = client.get(f"/{lang}/trainings/")
        assert page.status_code == 200
        body = page.content.decode()
        assert body.index("Still to come") < body.index("Held before")
    assert "即将举行的培训" in client.get("/zh/trainings/").content.decode()


def test_the_list_reads_a_fixed_number_of_queries(client):
    for days in (-3, 3):
        schedule(days=days)
    client.get("/en/trainings/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/trainings/")
    for days in range(4, 12):
        schedule(days=days)
    with CaptureQueriesContext(connection) as many:
        client.get("/en/trainings/")
    assert len(many) == len(few)


def test_the_detail_page_shows_the_hours_in_the_training_time_zone_and_its_mandate(client):
    training = schedule(days=10, time_zone="Asia/Shanghai")
    page = client.get(f"/en/trainings/{training.slug}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Asia/Shanghai" in body
    assert "R179/BDT/9" in body
    local = training.starts_at.astimezone(training.zone)
    assert local.strftime("%-I:%M") in body
    assert client.get("/en/trainings/no-such-training/").status_code == 404


def test_the_secretariat_schedules_a_training_in_its_own_time_zone(client):
    client.force_login(SecretariatFactory())
    answer = client.post("/zh/trainings/new/", GOOD_FORM)
    training = Training.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == iri_to_uri(f"/zh/trainings/{training.slug}/")
    assert training.starts_at.isoformat() == "2031-03-02T01:30:00+00:00"
    assert training.title == "家长网络安全培训"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ends_at": "2031-03-02T08:00"}, "培训必须在开始之后结束"),
        ({"place": ""}, "请填写地点，或说明培训在线上举行"),
        ({"title": ""}, "这个字段是必填项"),
        ({"time_zone": "Mars/Olympus"}, "Mars/Olympus"),
    ],
)
def test_a_refused_form_answers_422_in_the_page_language_and_writes_nothing(
    client, change, message
):
    client.force_login(SecretariatFactory())
    answer = client.post("/zh/trainings/new/", GOOD_FORM | change)
    assert answer.status_code == 422
    assert message in answer.content.decode()
    assert not Training.objects.exists()


def test_only_the_secretariat_reaches_the_scheduling_page(client):
    client.force_login(DelegateFactory())
    answer = client.post("/en/trainings/new/", GOOD_FORM)
    assert answer.status_code == 302
    assert "/admin/login/" in answer["Location"]
    assert not Training.objects.exists()


def test_the_api_answers_an_unknown_training_with_a_problem_in_the_language_asked(client):
    training = schedule(days=10)
    assert client.get(f"/api/v1/trainings/{training.slug}").json()["slug"] == training.slug
    missing = client.get("/api/v1/trainings/no-such-training", HTTP_ACCEPT_LANGUAGE="fr")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    assert missing.json()["status"] == 404
    assert missing.json()["detail"] == "Cet enregistrement n'existe pas."
