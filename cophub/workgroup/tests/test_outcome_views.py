"""The outcome pages, the reports' writing page, distribution lists and the desk: each form with
bad input answers 422 with its message in the page's language and writes nothing."""

import datetime
from html import escape

import pytest
from django.utils import timezone

from cophub.accounts.models import AccountRequest
from cophub.accounts.tests.factories import (
    AccountRequestFactory,
    DelegateFactory,
    SecretariatFactory,
)
from cophub.core.models import Organisation
from cophub.jobs.models import OutgoingMail
from cophub.workgroup import dispatch, outcomes, services
from cophub.workgroup.models import (
    Dispatch,
    DistributionAddress,
    DistributionList,
    MeetingReport,
    Outcome,
    ReportComment,
    ReportEdition,
    ReportGeneration,
    ReportText,
)

from .factories import MeetingFactory
from .factories import submitted_contribution as submit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def held():
    meeting = MeetingFactory(
        number=25,
        starts_on=TODAY - datetime.timedelta(days=8),
        ends_on=TODAY - datetime.timedelta(days=7),
        contribution_deadline=TODAY - datetime.timedelta(days=20),
    )
    delegate = DelegateFactory(preferred_language="fr")
    meeting.registrations.create(delegate=delegate)
    return meeting, delegate, SecretariatFactory()


def refused(response, message):
    assert response.status_code == 422
    assert escape(message) in response.content.decode()


def test_meeting_report_forms_refuse_bad_input_in_french(client, held):
    meeting, delegate, secretariat = held
    client.force_login(secretariat)
    url = f"/fr/meetings/{meeting.code}/report/"
    assert client.get(url).status_code == 200
    refused(
        client.post(url, {"action": "draft", "language": "fr", "text": ""}),
        "Ce champ est obligatoire",
    )
    assert not MeetingReport.objects.exists()
    response = client.post(url, {"action": "draft", "language": "fr", "text": "La réunion."})
    assert response.status_code == 302
    refused(
        client.post(url, {"action": "circulate", "comments_close_on": str(TODAY)}),
        "Laissez aux participants entre 1 et 28 jours pour commenter.",
    )
    assert MeetingReport.objects.get().status == "draft" and not OutgoingMail.objects.exists()
    until = TODAY + datetime.timedelta(days=7)
    assert (
        client.post(url, {"action": "circulate", "comments_close_on": str(until)}).status_code
        == 302
    )
    refused(client.post(url, {"action": "approve"}), "approuvez le rapport après cette date")
    assert MeetingReport.objects.get().status == "circulated"
    refused(
        client.post(url, {"action": "outcome", "kind": "action", "text": "Faire", "owner": ""}),
        "Une action doit avoir un responsable et une échéance.",
    )
    assert not Outcome.objects.exists()


def test_a_participant_comments_and_the_secretariat_sees_it_on_the_desk(client, held):
    meeting, delegate, secretariat = held
    report = outcomes.draft_meeting_report(
        meeting=meeting, text="Texte", language="fr", by=secretariat
    )
    outcomes.circulate_meeting_report(
        report=report, comments_close_on=TODAY + datetime.timedelta(days=7), by=secretariat
    )
    client.force_login(delegate)
    url = f"/fr/meetings/{meeting.code}/report/"
    assert "Texte" in client.get(url).content.decode()
    refused(client.post(url, {"action": "comment", "text": " "}), "Ce champ est obligatoire")
    # A participant records no decision.
    assert (
        client.post(url, {"action": "outcome", "kind": "decision", "text": "x"}).status_code == 403
    )
    assert client.post(url, {"action": "comment", "text": "Au paragraphe 2."}).status_code == 302
    assert ReportComment.objects.get().text == "Au paragraphe 2."
    assert not Outcome.objects.exists()
    client.force_login(secretariat)
    assert "Au paragraphe 2." in client.get("/fr/desk/").content.decode()
    # Someone who did not take part reads no draft.
    client.force_login(DelegateFactory())
    assert client.get(url).status_code == 403


def test_open_actions_show_on_the_next_meeting_page(client, held):
    meeting, delegate, secretariat = held
    outcomes.record_outcome(
        meeting=meeting,
        kind="action",
        text="Rédiger un questionnaire",
        owner="Secrétariat",
        due_on=TODAY + datetime.timedelta(days=30),
        by=secretariat,
    )
    following = MeetingFactory(number=26)
    html = client.get(f"/fr/meetings/{following.code}/").content.decode()
    assert "Rédiger un questionnaire" in html and "En cours depuis des réunions antérieures" in html


def test_report_texts_saved_per_language_and_refused_when_too_long(client, held):
    meeting, _delegate, secretariat = held
    client.force_login(secretariat)
    url = f"/ar/reports/annual/{meeting.starts_on.year}/write/?language=ar"
    page = client.get(url).content.decode()
    assert "الاجتماعات" in page  # the generated sections, beside the form
    refused(client.post(url, {"language": "ar", "council_number": "C" * 41}), "تأكد")
    assert not ReportText.objects.exists()
    response = client.post(
        url, {"language": "ar", "council_number": "C26/45", "introduction": "عمل الفريق"}
    )
    assert response.status_code == 302
    text = ReportText.objects.get()
    assert (text.language, text.part, text.edition.council_number) == (
        "ar",
        "introduction",
        "C26/45",
    )
    html = client.get(f"/ar/reports/annual/{meeting.starts_on.year}/").content.decode()
    assert "عمل الفريق" in html and "C26/45" in html
    # Another language's page does not show the Arabic words.
    assert (
        "عمل الفريق"
        not in client.get(f"/en/reports/annual/{meeting.starts_on.year}/").content.decode()
    )


def test_generation_needs_a_council_number(client, held):
    meeting, _delegate, secretariat = held
    client.force_login(secretariat)
    url = f"/fr/reports/annual/{meeting.starts_on.year}/write/"
    refused(
        client.post(url, {"language": "fr", "council_number": "", "action": "generate"}),
        "Donnez d'abord au rapport sa cote de document du Conseil.",
    )
    assert not ReportGeneration.objects.exists()


def test_distribution_lists_and_sending_refuse_bad_input(client, held):
    meeting, delegate, secretariat = held
    client.force_login(secretariat)
    refused(
        client.post("/ru/distribution-lists/", {"action": "list", "name": ""}), "Обязательное поле"
    )
    assert (
        client.post("/ru/distribution-lists/", {"action": "list", "name": "ООН"}).status_code == 302
    )
    listing = DistributionList.objects.get()
    refused(
        client.post("/ru/distribution-lists/", {"action": "list", "name": "оон"}),
        "Список с таким названием уже существует.",
    )
    unicef = Organisation.objects.get(code="unicef")
    address = {
        "action": "address",
        "distribution_list": listing.pk,
        "organisation": unicef.pk,
        "email": "not an address",
        "language": "fr",
    }
    refused(client.post("/ru/distribution-lists/", address), "Введите правильный адрес")
    assert not DistributionAddress.objects.exists()
    contribution = services.register_document(
        document=submit(delegate, MeetingFactory(number=27)), registered_by=secretariat
    )
    refused(
        client.post(f"/ru/documents/{contribution.slug}/send/", {"distribution_list": listing.pk}),
        "В списки рассылаются только зарегистрированные",
    )
    assert not Dispatch.objects.exists()


def test_an_outgoing_liaison_is_sent_and_the_dispatch_recorded(client, held):
    meeting, delegate, secretariat = held
    listing = dispatch.create_distribution_list(name="UN agencies", by=secretariat)
    unicef = Organisation.objects.get(code="unicef")
    dispatch.add_address(
        distribution_list=listing,
        organisation=unicef,
        email="cop@unicef.example",
        language="fr",
        by=secretariat,
    )
    liaison = services.register_document(
        document=submit(
            delegate,
            MeetingFactory(number=27),
            document_type="liaison",
            liaison_direction="out",
        ),
        registered_by=secretariat,
    )
    client.force_login(secretariat)
    response = client.post(f"/en/documents/{liaison.slug}/send/", {"distribution_list": listing.pk})
    assert response.status_code == 302
    mail = OutgoingMail.objects.get(recipient="cop@unicef.example")
    assert liaison.number in mail.subject and f"/fr/documents/{liaison.slug}/" in mail.body
    assert "adresse le document" in mail.body
    sent = Dispatch.objects.get()
    assert (sent.recipients, sent.organisations) == (1, unicef.acronym or unicef.name)
    client.logout()
    assert "UN agencies" in client.get(f"/en/documents/{liaison.slug}/").content.decode()


def test_the_desk_decides_account_requests(client, held):
    _meeting, _delegate, secretariat = held
    waiting = AccountRequestFactory(full_name="Awa Ndiaye")
    client.force_login(secretariat)
    page = client.get("/es/desk/").content.decode()
    assert "Awa Ndiaye" in page and "Solicitudes de cuenta" in page
    url = f"/es/desk/account-requests/{waiting.pk}/"
    refused(client.post(url, {"decision": "reject", "reason": ""}), "Indique el motivo del rechazo")
    waiting.refresh_from_db()
    assert waiting.status == AccountRequest.Status.PENDING
    assert client.post(url, {"decision": "approve"}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == AccountRequest.Status.APPROVED and waiting.user is not None
    page = client.get("/es/desk/").content.decode()
    assert "La cuenta de Awa Ndiaye está abierta" in page  # the message, once
    assert "<h3>Awa Ndiaye</h3>" not in page  # no longer waiting
    client.force_login(DelegateFactory())
    assert client.get("/es/desk/").status_code == 403


def test_the_desk_lists_late_submissions_and_actions_due(client, held):
    meeting, delegate, secretariat = held
    upcoming = MeetingFactory(number=26, contribution_deadline=TODAY - datetime.timedelta(days=1))
    late = submit(delegate, upcoming, title="Une contribution tardive")
    assert late.late
    outcomes.record_outcome(
        meeting=meeting,
        kind="action",
        text="Envoyer le questionnaire",
        owner="Secrétariat",
        due_on=TODAY - datetime.timedelta(days=1),
        by=secretariat,
    )
    client.force_login(secretariat)
    page = client.get("/fr/desk/").content.decode()
    assert "Une contribution tardive" in page and "Envoyer le questionnaire" in page
    assert "En retard" in page
    assert not ReportEdition.objects.exists()


def test_the_generation_page_shows_the_progress_and_refreshes_itself(client, held):
    meeting, _delegate, secretariat = held
    edition = ReportEdition.objects.create(kind="annual", year=meeting.starts_on.year)
    generation = ReportGeneration.objects.create(
        edition=edition, requested_by=secretariat, status="running", done_steps=3
    )
    client.force_login(secretariat)
    html = client.get(f"/zh/reports/generations/{generation.pk}/").content.decode()
    assert '<progress max="7" value="3">' in html and "已完成 3/7 步" in html
    assert 'http-equiv="refresh"' in html
    ReportGeneration.objects.filter(pk=generation.pk).update(status="failed", error="磁盘已满")
    html = client.get(f"/zh/reports/generations/{generation.pk}/").content.decode()
    assert "磁盘已满" in html and 'http-equiv="refresh"' not in html
