"""A change through a page, the API, the admin and a service each leaves the right entry."""

import pytest

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.accounts.tests.signing_in import PASSWORD, totp_code
from cophub.audit import services as audit
from cophub.audit.models import Entry
from cophub.consultations.models import Answer, Response
from cophub.consultations.tests.factories import answers_for, consultation, token_for
from cophub.coordination.models import Activity
from cophub.coordination.tests.factories import make_activity
from cophub.countries import services as countries
from cophub.countries.tests.factories import country
from cophub.countries.tests.test_services import measure_payload
from cophub.helplines.tests.factories import HelplineFactory
from cophub.workgroup.models import Meeting
from cophub.workgroup.tests.factories import MeetingFactory

from .helpers import entries_since, last_entry_id

pytestmark = pytest.mark.django_db


def test_an_edit_through_a_page_is_logged_with_who_what_and_the_change(client):
    activity = make_activity()
    secretariat = SecretariatFactory()
    client.force_login(secretariat)
    since = last_entry_id()
    response = client.post(
        f"/en/coordination/{activity.slug}/edit/",
        {
            "organisation": "unicef", "kind": "campaign", "status": "ongoing",
            "original_language": "en", "title": "Cyberbullying campaign in Kenya",
            "description": "Posters.", "starts_on": "2025-03-01", "ends_on": "2025-12-31",
            "countries": ["KE"], "contact_role": "Country office",
        },
    )  # fmt: skip
    assert response.status_code == 302
    change = entries_since(since, model="coordination.activity", action="update")[0]
    assert (change.actor_id, change.actor, change.role) == (
        secretariat.pk,
        secretariat.email,
        "secretariat",
    )
    assert change.object_pk == str(activity.pk)
    assert change.object_label == "Cyberbullying campaign in Kenya"
    assert change.changes["title_en"] == [
        "Cyberbullying awareness campaign in Kenyan schools",
        "Cyberbullying campaign in Kenya",
    ]
    request = entries_since(since, action="request")
    assert [(r.method, r.path, r.status) for r in request] == [
        ("POST", f"/en/coordination/{activity.slug}/edit/", 302)
    ]
    # The change and the request that made it carry the same request number.
    assert change.request_id and change.request_id == request[0].request_id


def test_a_record_added_through_the_api_is_logged(client):
    secretariat = SecretariatFactory()
    client.force_login(secretariat)
    since = last_entry_id()
    response = client.post(
        "/api/v1/coordination/activities",
        {
            "organisation": "unicef",
            "kind": "campaign",
            "titles": {"fr": "Campagne contre le cyberharcèlement"},
            "descriptions": {"fr": "Affiches et réunions."},
            "original_language": "fr",
            "starts_on": "2025-03-01",
            "countries": ["KE"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    activity = Activity.objects.get(slug=response.json()["slug"])
    created = entries_since(since, model="coordination.activity", action="create")
    assert [(e.object_pk, e.actor_id) for e in created] == [(str(activity.pk), secretariat.pk)]
    assert created[0].changes["title_fr"] == [None, "Campagne contre le cyberharcèlement"]
    countries_set = entries_since(since, model="coordination.activity", action="update")
    assert {"countries": [[], ["KE"]]} in [e.changes for e in countries_set]
    assert entries_since(since, action="request")[0].path == "/api/v1/coordination/activities"


def test_a_deletion_and_an_action_in_the_admin_are_logged(client):
    meeting = MeetingFactory()
    helpline = HelplineFactory(last_verified="2020-01-01")
    secretariat = SecretariatFactory()
    client.force_login(secretariat)
    since = last_entry_id()
    response = client.post(f"/en/admin/workgroup/meeting/{meeting.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    deleted = entries_since(since, model="workgroup.meeting", action="delete")
    assert [(e.object_pk, e.actor_id) for e in deleted] == [(str(meeting.pk), secretariat.pk)]
    # The place is stored in each language (place_en for English).
    assert deleted[0].changes["place_en"] == ["Geneva", None]
    response = client.post(
        "/en/admin/helplines/helpline/",
        {"action": "mark_verified_today", "_selected_action": [helpline.pk]},
    )
    assert response.status_code == 302
    verified = entries_since(since, model="helplines.helpline", action="update")
    assert verified[0].changes["last_verified"][0] == "2020-01-01"
    assert verified[0].actor_id == secretariat.pk


def test_a_domain_step_through_a_service_is_logged_as_that_step():
    delegate, secretariat = DelegateFactory(), SecretariatFactory()
    proposal = countries.propose_change(
        country=country("KE"), kind="measure", payload=measure_payload(), by=delegate
    )
    since = last_entry_id()
    with audit.acting_as(secretariat):
        countries.review_proposal(proposal=proposal, accept=True, by=secretariat)
    accepted = entries_since(since, model="countries.proposal")
    assert [(e.action, e.actor_id) for e in accepted] == [("accept", secretariat.pk)]
    assert accepted[0].changes["status"] == ["pending", "accepted"]
    assert entries_since(since, model="countries.measure", action="create")


def test_a_failed_service_leaves_no_entry():
    secretariat = SecretariatFactory()
    proposal = countries.propose_change(
        country=country("KE"), kind="measure", payload=measure_payload(), by=DelegateFactory()
    )
    since = last_entry_id()
    with pytest.raises(countries.DomainError):
        countries.review_proposal(proposal=proposal, accept=False, by=secretariat)  # no note
    assert entries_since(since) == []


def test_a_password_change_is_logged_without_the_password():
    user = UserFactory()
    since = last_entry_id()
    user.set_password("another long passphrase")
    user.save()
    entry = entries_since(since, model="accounts.user")[0]
    assert entry.changes == {"password": None}
    assert "passphrase" not in entry.content() and "pbkdf2" not in entry.content()


def test_a_role_change_is_logged():
    user = UserFactory()
    since = last_entry_id()
    user.role = "secretariat"
    user.save()
    assert entries_since(since, model="accounts.user")[0].changes["role"] == [
        "public",
        "secretariat",
    ]


def test_secretariat_sign_in_sign_out_and_failed_sign_in(client):
    secretariat = SecretariatFactory(email="clerk@itu.example")
    since = last_entry_id()
    login = "/en/accounts/login/"
    client.post(login, {"username": "clerk@itu.example", "password": "wrong guess"})
    client.post(login, {"username": "clerk@itu.example", "password": PASSWORD})
    client.post("/en/accounts/two-factor/", {"code": totp_code(secretariat.otp_device)})
    client.post("/en/accounts/logout/")
    actions = [(e.action, e.actor_id) for e in entries_since(since) if e.action != "request"]
    assert actions == [
        ("sign_in_failed", secretariat.pk),
        ("sign_in", secretariat.pk),
        ("sign_out", secretariat.pk),
    ]
    # Nothing of what was typed is kept.
    assert not Entry.objects.filter(id__gt=since, changes__icontains="wrong guess").exists()


def test_others_signing_in_and_their_page_views_are_not_secretariat_actions(client):
    UserFactory(email="reader@example.org")
    since = last_entry_id()
    login = "/en/accounts/login/"
    client.post(login, {"username": "reader@example.org", "password": "wrong"})
    client.post(login, {"username": "reader@example.org", "password": PASSWORD})
    client.get("/en/")
    assert entries_since(since) == []


def test_a_consultation_answer_leaves_nothing_in_the_log(client):
    item = consultation()
    since = last_entry_id()
    data = {"p": token_for(item, country="KE")} | answers_for(item, text="my secret worry")
    response = client.post(f"/en/consultations/{item.slug}/questions/", data)
    assert response.status_code in (200, 302)
    assert Response.objects.filter(consultation=item).count() == 1
    assert Answer.objects.filter(text="my secret worry").exists()
    assert entries_since(since) == []


def test_secretariat_downloads_are_logged_with_their_query(client):
    client.force_login(SecretariatFactory())
    since = last_entry_id()
    response = client.get("/en/help/manage/impact.csv?from=2026-01-01")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    entry = entries_since(since)[0]
    assert (entry.action, entry.method, entry.status) == ("export", "GET", 200)
    assert entry.path == "/en/help/manage/impact.csv?from=2026-01-01"


def test_a_consultation_is_logged_without_its_device_key():
    since = last_entry_id()
    item = consultation(questions=False)
    created = entries_since(since, model="consultations.consultation", action="create")[0]
    assert created.object_pk == str(item.pk)
    assert "duplicate_key" not in created.changes
    assert "kkkk" not in created.content()
