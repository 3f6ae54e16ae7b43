"""Requests for assistance (Resolution 179, RES/2, BDT/4, BDT/8): asked by a Member State's
delegate, taken to their end by the secretariat, shown on the country's profile."""

import pytest
from django.utils import translation

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.errors import DomainError
from cophub.countries import services
from cophub.countries.models import AssistanceRequest, AssistanceStep

from .factories import country

pytestmark = pytest.mark.django_db


def _request(**kwargs):
    values = {
        "country": country("KE"),
        "subject": "roadmap",
        "description": "Help us draft the national COP roadmap before the 2027 budget.",
        "by": DelegateFactory(),
    }
    return services.request_assistance(**(values | kwargs))


# --- services ---------------------------------------------------------------------------------


def test_a_delegate_asks_and_the_request_names_its_paragraphs():
    sent = _request(subject="strategy")
    assert sent.state == "received"
    assert sorted(p.code for p in sent.mandate.all()) == ["R179/BDT/4", "R179/BDT/8"]
    assert [step.state for step in sent.steps.all()] == ["received"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"subject": "money"}, "subject", "Choose one of the values offered."),
        ({"subject": ""}, "subject", "Choose one of the values offered."),
        ({"description": "   "}, "description", "What is asked is required."),
        ({"description": "x" * 3001}, "description", "at most 3000 characters"),
        ({"description": 7}, "description", "What is asked must be text."),
    ],
)
def test_a_bad_request_is_refused_and_nothing_is_kept(changes, field, message):
    with pytest.raises(DomainError) as refused:
        _request(**changes)
    assert refused.value.field == field
    assert message in str(refused.value.message)
    assert not AssistanceRequest.objects.exists() and not AssistanceStep.objects.exists()


def test_only_a_delegate_of_the_country_asks_for_it():
    with pytest.raises(DomainError, match="only for the Member State you represent"):
        _request(by=DelegateFactory(country=country("FR")))
    with pytest.raises(DomainError):
        _request(by=SecretariatFactory())
    assert not AssistanceRequest.objects.exists()


def test_the_secretariat_takes_a_request_to_its_end():
    sent = _request()
    secretariat = SecretariatFactory()
    for state in ("accepted", "in_progress", "completed"):
        sent = services.advance_assistance_request(
            request=sent, state=state, by=secretariat, note=f"now {state}"
        )
    assert sent.state == "completed"
    assert [(s.state, s.note) for s in sent.steps.all()] == [
        ("received", ""),
        ("accepted", "now accepted"),
        ("in_progress", "now in_progress"),
        ("completed", "now completed"),
    ]
    with pytest.raises(DomainError, match="cannot become"):
        services.advance_assistance_request(request=sent, state="in_progress", by=secretariat)


@pytest.mark.parametrize(
    ("state", "note", "field", "message"),
    [
        ("completed", "", "state", "A request that is “Received” cannot become “Completed”."),
        ("declined", "  ", "note", "Say why the request is declined."),
        ("finished", "", "state", "Choose one of the values offered."),
        ("accepted", "n" * 2001, "note", "at most 2000 characters"),
    ],
)
def test_a_bad_step_is_refused_and_the_request_stays_as_it_was(state, note, field, message):
    sent = _request()
    with pytest.raises(DomainError) as refused:
        services.advance_assistance_request(
            request=sent, state=state, note=note, by=SecretariatFactory()
        )
    assert refused.value.field == field and message in str(refused.value.message)
    sent.refresh_from_db()
    assert sent.state == "received" and sent.steps.count() == 1


def test_only_the_secretariat_moves_a_request():
    sent = _request()
    with pytest.raises(DomainError, match="Only the secretariat"):
        services.advance_assistance_request(request=sent, state="accepted", by=DelegateFactory())
    sent.refresh_from_db()
    assert sent.state == "received"


def test_a_refusal_speaks_the_language_of_the_page():
    sent = _request()
    with translation.override("fr"), pytest.raises(DomainError) as refused:
        services.advance_assistance_request(request=sent, state="declined", by=SecretariatFactory())
    assert str(refused.value.message) == "Dites pourquoi la demande est refusée."


# --- pages ------------------------------------------------------------------------------------


def test_a_delegate_asks_from_the_profile_and_sees_the_request(client):
    delegate = DelegateFactory(full_name="Amina Odhiambo")
    client.force_login(delegate)
    profile = client.get("/en/countries/KE/").content.decode()
    assert 'href="/en/countries/KE/assistance/"' in profile
    response = client.post(
        "/en/countries/KE/assistance/",
        {"subject": "legislation", "description": "A law on age-appropriate design."},
    )
    sent = AssistanceRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/countries/assistance/{sent.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "A law on age-appropriate design." in page
    assert 'href="/en/mandate/R179-RES-2/"' in page
    assert "Record the step" not in page  # only the secretariat moves it
    profile = client.get("/en/countries/KE/").content.decode()
    section = profile[profile.index('id="section-assistance"') :]
    assert "Legislation or regulation" in section and "Received" in section


def test_the_request_links_only_for_readers_who_may_follow_them_whoever_reads_first(client):
    sent = _request()
    link = f'href="/en/countries/assistance/{sent.pk}/"'

    def section():
        profile = client.get("/en/countries/KE/").content.decode()
        return profile[profile.index('id="section-assistance"') :]

    assert "A national COP roadmap" in section() and link not in section()  # a visitor, first
    client.force_login(SecretariatFactory())
    assert link in section()
    client.logout()
    client.force_login(DelegateFactory(country=country("GH")))
    assert link not in section()  # a delegate of another country


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"subject": "money", "description": "Help"}, "subject", "Select a valid choice."),
        ({"subject": "roadmap", "description": ""}, "description", "This field is required."),
        ({"subject": "roadmap", "description": "x" * 3001}, "description", "at most 3000"),
    ],
)
def test_a_bad_request_form_answers_422_on_its_field(client, data, field, message):
    client.force_login(DelegateFactory())
    response = client.post("/en/countries/KE/assistance/", data)
    assert response.status_code == 422
    assert message in str(response.context["form"].errors[field])
    assert not AssistanceRequest.objects.exists()


def test_the_request_form_is_for_the_country_s_delegates_only(client):
    assert client.get("/en/countries/KE/assistance/").status_code == 302
    client.force_login(DelegateFactory(country=country("FR")))
    response = client.post(
        "/en/countries/KE/assistance/", {"subject": "roadmap", "description": "Help"}
    )
    assert response.status_code == 403 and not AssistanceRequest.objects.exists()
    assert "only for the Member State you represent" in response.content.decode()


def test_the_secretariat_filters_by_developing_country_group_and_moves_a_request(client):
    kenya = _request()  # Kenya: neither LDC nor SIDS
    ethiopia = _request(country=country("ET"), by=DelegateFactory(country=country("ET")))
    client.force_login(SecretariatFactory())
    listed = client.get("/en/countries/assistance/", {"group": "LDC"}).content.decode()
    assert f"/en/countries/assistance/{ethiopia.pk}/" in listed
    assert f"/en/countries/assistance/{kenya.pk}/" not in listed
    assert "Least developed country" in listed and "Landlocked developing country" in listed
    everything = client.get("/en/countries/assistance/").content.decode()
    assert f"/en/countries/assistance/{kenya.pk}/" in everything

    response = client.post(f"/en/countries/assistance/{ethiopia.pk}/", {"state": "declined"})
    assert response.status_code == 422
    assert "Say why the request is declined." in str(response.context["form"].errors["note"])
    response = client.post(
        f"/en/countries/assistance/{ethiopia.pk}/", {"state": "accepted", "note": "Mission in May"}
    )
    assert response.status_code == 302
    ethiopia.refresh_from_db()
    assert ethiopia.state == "accepted"
    done = client.get("/en/countries/assistance/", {"state": "accepted"}).content.decode()
    assert f"/en/countries/assistance/{ethiopia.pk}/" in done
    assert f"/en/countries/assistance/{kenya.pk}/" not in done


def test_a_bad_filter_answers_422(client):
    client.force_login(SecretariatFactory())
    response = client.get("/en/countries/assistance/", {"group": "G77", "state": "lost"})
    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"group", "state"}


def test_requests_are_hidden_from_other_delegates_and_the_list_from_delegates(client):
    sent = _request()
    client.force_login(DelegateFactory(country=country("FR")))
    assert client.get(f"/en/countries/assistance/{sent.pk}/").status_code == 403
    assert client.get("/en/countries/assistance/").status_code == 403
    client.force_login(DelegateFactory())  # Kenya's
    response = client.post(f"/en/countries/assistance/{sent.pk}/", {"state": "accepted"})
    assert response.status_code == 403
    sent.refresh_from_db()
    assert sent.state == "received"
    client.force_login(SecretariatFactory())
    assert client.get("/en/countries/assistance/999999/").status_code == 404


def test_the_profile_shows_developing_country_status_and_the_filter_knows_eit(client):
    html = client.get("/en/countries/KZ/").content.decode()
    assert "Economy in transition" in html and "Landlocked developing country" in html
    compare = client.get("/en/countries/", {"group": "EIT"}).content.decode()
    assert 'href="/en/countries/KZ/"' in compare and 'href="/en/countries/KE/"' not in compare


def test_a_paragraph_page_lists_the_requests_that_serve_it(client):
    _request(subject="strategy")
    html = client.get("/en/mandate/R179-BDT-8/").content.decode()
    assert "Requests for assistance" in html
    assert "Kenya asked for assistance: A national COP strategy (Received)" in html
    assert 'href="/en/countries/KE/#section-assistance"' in html


# --- API --------------------------------------------------------------------------------------


def test_the_api_asks_lists_and_moves_a_request(client):
    delegate = DelegateFactory()
    client.force_login(delegate)
    response = client.post(
        "/api/v1/countries/KE/assistance",
        {"subject": "roadmap", "description": "A roadmap workshop"},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["state"] == "received" and body["mandate"] == ["R179/RES/2", "R179/BDT/4"]
    public = client.get("/api/v1/countries/KE/assistance").json()
    assert public[0]["id"] == body["id"] and "description" not in public[0]
    assert client.get("/api/v1/assistance-requests").status_code == 403

    client.force_login(SecretariatFactory())
    response = client.post(
        f"/api/v1/assistance-requests/{body['id']}/steps",
        {"state": "accepted", "note": "Workshop in June"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert [step["state"] for step in response.json()["steps"]] == ["received", "accepted"]
    listed = client.get("/api/v1/assistance-requests", {"group": "LDC"}).json()
    assert listed["items"] == []
    listed = client.get("/api/v1/assistance-requests", {"state": "accepted"}).json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"subject": "money", "description": "x"}, 422, "Choose one of the values offered."),
        ({"subject": "roadmap", "description": ""}, 422, "What is asked is required."),
        ({"subject": "roadmap"}, 422, "Some parameters are not valid."),
    ],
)
def test_the_api_refuses_a_bad_request_with_a_problem(client, body, status, detail):
    client.force_login(DelegateFactory())
    response = client.post("/api/v1/countries/KE/assistance", body, content_type="application/json")
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["detail"] == detail
    assert not AssistanceRequest.objects.exists()


def test_the_api_refuses_strangers_and_bad_steps(client):
    sent = _request()
    url = f"/api/v1/assistance-requests/{sent.pk}/steps"
    assert (
        client.post(url, {"state": "accepted"}, content_type="application/json").status_code == 401
    )
    client.force_login(DelegateFactory(country=country("FR")))
    refused = client.post(
        "/api/v1/countries/KE/assistance",
        {"subject": "roadmap", "description": "x"},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert (
        client.post(url, {"state": "accepted"}, content_type="application/json").status_code == 403
    )
    client.force_login(SecretariatFactory())
    response = client.post(
        url,
        {"state": "completed"},
        content_type="application/json",
        headers={"accept-language": "ru"},
    )
    assert response.status_code == 422 and response.json()["field"] == "state"
    missing = client.post(
        "/api/v1/assistance-requests/999999/steps",
        {"state": "accepted"},
        content_type="application/json",
    )
    assert missing.status_code == 404
    sent.refresh_from_db()
    assert sent.state == "received" and sent.steps.count() == 1


def test_the_demo_tells_three_requests_at_three_stages_once():
    import datetime
    import io

    from django.utils import timezone

    from cophub.accounts.demo import load_demo as load_accounts
    from cophub.countries.demo import load_demo

    load_accounts(stdout=io.StringIO())
    load_demo()
    load_demo()  # once
    requests = {r.country_id: r for r in AssistanceRequest.objects.all()}
    assert {iso2: r.state for iso2, r in requests.items()} == {
        "RW": "in_progress",
        "KE": "completed",
        "FJ": "received",
    }
    assert all(r.is_demo and r.description.startswith("Demo data") for r in requests.values())
    assert requests["RW"].country.ldc and requests["FJ"].country.sids
    # Dates run forward from the request through each step, all in the past.
    for request in requests.values():
        times = [step.at for step in request.steps.all()]
        assert times == sorted(times) and times[0] == request.requested_at
        assert request.updated_at == times[-1] < timezone.now()
    assert timezone.now() - requests["FJ"].requested_at < datetime.timedelta(days=7)


def test_a_roadmap_names_its_paragraphs_on_the_profile_and_in_the_api(client):
    from cophub.core.models import MandateParagraph

    from .factories import RoadmapFactory

    roadmap = RoadmapFactory()
    roadmap.mandate.set(MandateParagraph.objects.filter(code__in=["R179/RES/2", "R179/BDT/8"]))
    html = client.get("/en/countries/KE/").content.decode()
    section = html[html.index('id="section-roadmap"') :]
    assert '<a href="/en/mandate/R179-RES-2/"><span class="code">R179/RES/2</span>' in section
    body = client.get("/api/v1/countries/KE/roadmap").json()
    assert body["mandate"] == ["R179/RES/2", "R179/BDT/8"]
