"""Requests for a training (Resolution 179, resolves 5 "at their request"; BDT/9)."""

import datetime

import pytest
from django.utils import timezone

from cophub.accounts.models import Role
from cophub.accounts.tests.factories import (
    DelegateFactory,
    SecretariatFactory,
    UserFactory,
    organisation,
)
from cophub.core.errors import DomainError
from cophub.trainings import services
from cophub.trainings.models import Training, TrainingRequest

from .factories import ask

pytestmark = pytest.mark.django_db

SOON = timezone.localdate() + datetime.timedelta(days=40)


def _schedule_data(**changes):
    return {
        "title": "Online safety for teachers",
        "summary": "Three mornings with teachers.",
        "audience": "educators",
        "language": "ar",
        "starts_at": timezone.now() + datetime.timedelta(days=45),
        "ends_at": timezone.now() + datetime.timedelta(days=45, hours=3),
        "time_zone": "Africa/Nairobi",
        "place": "Nairobi",
    } | changes


def test_a_delegate_asks_for_a_training_for_the_member_state_it_represents():
    delegate = DelegateFactory()
    sent = ask(by=delegate)
    assert (sent.country_id, sent.state, sent.organisation) == ("KE", "received", None)
    with pytest.raises(DomainError) as refused:
        ask(by=delegate, country="FR")
    assert refused.value.field == "country"
    assert TrainingRequest.objects.count() == 1


def test_an_organisation_asks_for_any_country_and_is_named_on_the_request():
    account = UserFactory(role=Role.STAKEHOLDER, organisation=organisation("iwf"))
    sent = ask(by=account, country="FR")
    assert (sent.country_id, sent.organisation.code) == ("FR", "iwf")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"topic": "  "}, "topic", "Say what the training should be about."),
        ({"topic": "x" * 201}, "topic", "The text is too long."),
        ({"audience": "everyone"}, "audience", "Choose the audience"),
        ({"language": "de"}, "language", "Choose the language"),
        ({"country": "XX"}, "country", "Choose a country from the list."),
        ({"period_start": timezone.localdate() - datetime.timedelta(days=1)}, "period_start",
         "cannot start in the past"),
        ({"period_end": SOON - datetime.timedelta(days=60)}, "period_end", "end on or after"),
        ({"period_end": SOON + datetime.timedelta(days=800)}, "period_end", "within two years"),
        ({"period_start": "soon"}, "period_start", "two dates"),
    ],
)  # fmt: skip
def test_bad_requests_are_refused_and_nothing_is_written(changes, field, message):
    values = {"period_start": SOON, "period_end": SOON + datetime.timedelta(days=10)}
    with pytest.raises(DomainError) as refused:
        ask(by=DelegateFactory(), **values | changes)
    assert (refused.value.field, message in refused.value.message) == (field, True)
    assert not TrainingRequest.objects.exists()


def test_a_public_account_cannot_ask():
    with pytest.raises(DomainError, match="Only delegates"):
        ask(by=UserFactory(role=Role.PUBLIC), country="KE")
    assert not TrainingRequest.objects.exists()


def test_the_secretariat_schedules_a_training_for_the_request():
    sent = ask(by=DelegateFactory())
    secretariat = SecretariatFactory()
    answered = services.schedule_requested_training(
        request=sent, by=secretariat, **_schedule_data()
    )
    assert answered.state == "scheduled" and answered.training.place == "Nairobi"
    assert answered.answered_by == secretariat
    assert list(answered.training.requests.all()) == [answered]
    with pytest.raises(DomainError, match="already been answered"):
        services.decline_training_request(request=sent, by=secretariat, reason="Too late")
    assert TrainingRequest.objects.get().state == "scheduled"


def test_a_bad_training_leaves_the_request_waiting_and_no_training_written():
    sent = ask(by=DelegateFactory())
    with pytest.raises(DomainError) as refused:
        services.schedule_requested_training(
            request=sent, by=SecretariatFactory(), **_schedule_data(place="", online=False)
        )
    assert refused.value.field == "place"
    assert TrainingRequest.objects.get().state == "received"
    assert not Training.objects.exists()


def test_declining_says_why_and_only_the_secretariat_answers():
    sent = ask(by=DelegateFactory())
    with pytest.raises(DomainError) as refused:
        services.decline_training_request(request=sent, by=SecretariatFactory(), reason=" ")
    assert refused.value.field == "reason"
    with pytest.raises(DomainError, match="Only the secretariat"):
        services.decline_training_request(request=sent, by=sent.requested_by, reason="No")
    with pytest.raises(DomainError, match="Only the secretariat"):
        services.schedule_requested_training(request=sent, by=sent.requested_by, **_schedule_data())
    assert TrainingRequest.objects.get().state == "received"
    services.decline_training_request(request=sent, by=SecretariatFactory(), reason="No trainer")
    assert TrainingRequest.objects.get().reason == "No trainer"


# --- pages ----------------------------------------------------------------------------------


def _form(**changes):
    return {"topic": "السلامة على الإنترنت للمعلمين", "audience": "educators", "language": "ar",
            "country": "KE", "period_start": SOON.isoformat(),
            "period_end": (SOON + datetime.timedelta(days=20)).isoformat(), "note": ""} | changes  # fmt: skip


def test_the_request_page_refuses_bad_input_in_the_users_language(client):
    client.force_login(DelegateFactory())
    response = client.post(
        "/fr/trainings/requests/new/", _form(period_end=SOON - datetime.timedelta(days=1))
    )
    assert response.status_code == 422
    assert "La période souhaitée doit finir" in response.content.decode()
    response = client.post("/fr/trainings/requests/new/", _form(topic=""))
    assert response.status_code == 422
    assert not TrainingRequest.objects.exists()
    response = client.post("/fr/trainings/requests/new/", _form())
    sent = TrainingRequest.objects.get()
    assert response["Location"] == f"/fr/trainings/requests/{sent.pk}/"


def test_the_requester_sees_the_state_and_others_do_not(client):
    sent = ask(by=DelegateFactory())
    client.force_login(sent.requested_by)
    page = client.get(f"/ru/trainings/requests/{sent.pk}/").content.decode()
    assert "Получен, ожидает ответа секретариата" in page
    assert client.get("/ru/trainings/requests/").content.decode().count(sent.topic) == 1
    client.force_login(DelegateFactory(country_id="FR"))
    assert client.get(f"/ru/trainings/requests/{sent.pk}/").status_code == 403
    assert sent.topic not in client.get("/ru/trainings/requests/").content.decode()
    client.force_login(UserFactory(role=Role.PUBLIC))
    assert client.get("/en/trainings/requests/new/").status_code == 403


def test_the_secretariat_schedules_and_declines_on_the_request_page(client):
    first, second = ask(by=DelegateFactory()), ask(by=DelegateFactory(), topic="Parents")
    client.force_login(SecretariatFactory())
    listing = client.get("/en/trainings/requests/").content.decode()
    assert first.topic in listing and "Parents" in listing
    data = {"action": "schedule", "schedule-title": "Teachers", "schedule-summary": "Mornings",
            "schedule-audience": "educators", "schedule-language": "ar",
            "schedule-starts_at": "2031-03-02T09:00", "schedule-ends_at": "2031-03-02T08:00",
            "schedule-time_zone": "Africa/Nairobi", "schedule-place": "Nairobi"}  # fmt: skip
    response = client.post(f"/en/trainings/requests/{first.pk}/", data)
    assert response.status_code == 422 and "must end after it starts" in response.content.decode()
    assert not Training.objects.exists()
    data["schedule-ends_at"] = "2031-03-02T12:00"
    assert client.post(f"/en/trainings/requests/{first.pk}/", data).status_code == 302
    first.refresh_from_db()
    assert first.state == "scheduled" and first.training.title == "Teachers"
    decline = {"action": "decline", "reason": ""}
    assert client.post(f"/es/trainings/requests/{second.pk}/", decline).status_code == 422
    decline["reason"] = "No trainer speaks Arabic in this period."
    assert client.post(f"/es/trainings/requests/{second.pk}/", decline).status_code == 302
    client.force_login(second.requested_by)
    page = client.get(f"/es/trainings/requests/{second.pk}/").content.decode()
    assert "Rechazada por la secretaría" in page and decline["reason"] in page
    assert client.post(f"/es/trainings/requests/{second.pk}/", decline).status_code == 403


# --- API ------------------------------------------------------------------------------------


def test_the_api_creates_lists_and_shows_requests(client):
    delegate = DelegateFactory()
    client.force_login(delegate)
    body = {"topic": "Parents", "audience": "parents", "language": "es", "country": "KE",
            "period_start": SOON.isoformat(), "period_end": SOON.isoformat()}  # fmt: skip
    created = client.post("/api/v1/training-requests", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["state"] == "received"
    refused = client.post(
        "/api/v1/training-requests", body | {"country": "FR"}, content_type="application/json"
    )
    assert refused.status_code == 422 and "Member State you represent" in refused.json()["detail"]
    assert TrainingRequest.objects.count() == 1
    listing = client.get("/api/v1/training-requests").json()["items"]
    assert [row["topic"] for row in listing] == ["Parents"]
    one = client.get(f"/api/v1/training-requests/{created.json()['id']}").json()
    assert (one["country"], one["training"]) == ("KE", None)
    client.force_login(DelegateFactory(country_id="FR"))
    assert client.get(f"/api/v1/training-requests/{one['id']}").status_code == 403
    assert client.get("/api/v1/training-requests").json()["items"] == []
    assert client.get("/api/v1/training-requests/999999").status_code == 404
