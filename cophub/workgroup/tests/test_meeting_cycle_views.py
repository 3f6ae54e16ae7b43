"""The secretariat's meeting pages and the delegate's forms of the cycle, with bad input: each
refusal answers 422 with its message in the page's language, and writes nothing."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.workgroup import services
from cophub.workgroup.models import AgendaItem, Document, Meeting, MeetingRegistration

from .factories import AgendaItemFactory, GroupFactory, MeetingFactory, docx_upload
from .factories import submitted_contribution as submit

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


@pytest.fixture
def secretariat(client):
    user = SecretariatFactory()
    client.force_login(user)
    return user


def meeting_form(**changes):
    return {
        "group": GroupFactory().code,
        "number": "26",
        "starts_on": (today() + datetime.timedelta(days=40)).isoformat(),
        "ends_on": (today() + datetime.timedelta(days=41)).isoformat(),
        "place": "Genève",
        "online": "on",
        "time_zone": "Europe/Zurich",
        "contribution_deadline": "",
        "reminder_days": "7",
        "remote_details": "https://meet.example/cwg-cop-26",
    } | changes


def test_the_secretariat_plans_a_meeting_in_its_own_page(client, secretariat):
    assert client.get("/fr/meetings/new/").status_code == 200
    response = client.post("/fr/meetings/new/", meeting_form())
    assert response.status_code == 302
    assert response["Location"] == "/fr/meetings/CWG-COP-26/manage/"
    meeting = Meeting.objects.get()
    assert (meeting.place, meeting.online, meeting.reminder_days) == ("Genève", True, 7)
    page = client.get("/fr/meetings/CWG-COP-26/manage/").content.decode()
    assert "Envoyer l'appel à contributions" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": "2020-01-01"}, "Le dernier jour ne peut pas précéder le premier."),
        ({"time_zone": "Mars/Olympus"}, "Sélectionnez un choix valide."),
        (
            {"place": "", "online": ""},
            "Indiquez le lieu, ou précisez que la réunion a lieu en ligne.",
        ),
        ({"starts_on": "pas une date"}, "Saisissez une date valide."),
        ({"reminder_days": "0"}, "Assurez-vous que cette valeur est supérieure ou égale à 1."),
    ],
)
def test_a_refused_meeting_form_answers_422_in_french_and_plans_nothing(
    client, secretariat, changes, message
):
    response = client.post("/fr/meetings/new/", meeting_form(**changes))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_delegates_do_not_reach_the_secretariats_meeting_pages(client):
    meeting = MeetingFactory(number=26)
    client.force_login(DelegateFactory())
    for url in [
        "/en/meetings/manage/",
        "/en/meetings/new/",
        "/en/meetings/CWG-COP-26/edit/",
        "/en/meetings/CWG-COP-26/manage/",
        "/en/meetings/CWG-COP-26/participants.docx",
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post("/en/meetings/CWG-COP-26/manage/call/").status_code == 403
    assert not Document.objects.filter(meeting=meeting).exists()


def test_the_secretariat_moves_the_deadline_and_a_refused_change_keeps_the_meeting(
    client, secretariat
):
    meeting = MeetingFactory(number=26)
    form = meeting_form(contribution_deadline=today().isoformat())
    del form["group"], form["number"]
    too_late = today() + datetime.timedelta(days=45)  # after the form's first day
    bad = form | {"contribution_deadline": too_late.isoformat()}
    response = client.post("/ar/meetings/CWG-COP-26/edit/", bad)
    assert response.status_code == 422
    assert (
        "يجب أن يسبق الموعد النهائي لتقديم المساهمات افتتاح الاجتماع." in response.content.decode()
    )
    meeting.refresh_from_db()
    assert meeting.remote_details == ""
    assert client.post("/ar/meetings/CWG-COP-26/edit/", form).status_code == 302
    meeting.refresh_from_db()
    assert meeting.contribution_deadline == today()


@pytest.mark.parametrize("lang", ["fr", "ar", "ru"])
def test_the_edit_page_writes_its_dates_as_a_date_picker_reads_them(client, secretariat, lang):
    """A `type=date` input takes only YYYY-MM-DD: a date written the French way (07/12/2026)
    would be dropped by the browser and the form sent back without it."""
    meeting = MeetingFactory(number=26)
    page = client.get(f"/{lang}/meetings/CWG-COP-26/edit/").content.decode()
    for name in ("starts_on", "ends_on", "contribution_deadline"):
        value = getattr(meeting, name).isoformat()
        assert f'type="date" name="{name}" value="{value}"' in page


def test_agenda_items_are_edited_in_the_page_and_bad_ones_refused(client, secretariat):
    meeting = MeetingFactory(number=26)
    item = {"new-number": "3", "new-title": "Contributions", "new-order": "3"}
    assert client.post("/en/meetings/CWG-COP-26/manage/", item).status_code == 302
    response = client.post("/fr/meetings/CWG-COP-26/manage/", item | {"new-title": "Autre"})
    assert response.status_code == 422
    assert escape("Le point 3 est déjà à l'ordre du jour.") in response.content.decode()
    other = AgendaItemFactory(meeting=MeetingFactory(number=27), number="9")
    response = client.post(
        "/fr/meetings/CWG-COP-26/manage/", item | {"new-item": str(other.pk), "new-number": "9"}
    )
    assert response.status_code == 422
    assert (
        escape("Ce point n'est pas à l'ordre du jour de cette réunion.")
        in response.content.decode()
    )
    [saved] = AgendaItem.objects.filter(meeting=meeting)
    client.post(
        "/fr/meetings/CWG-COP-26/manage/",
        item | {"new-item": str(saved.pk), "new-title": "Contributions des États Membres"},
    )
    saved.refresh_from_db()
    assert (saved.title_fr, saved.title_en) == ("Contributions des États Membres", "Contributions")
    other.refresh_from_db()
    assert other.number == "9"


def test_a_refused_action_says_why_and_registers_nothing(client, secretariat):
    MeetingFactory(number=26)
    response = client.post("/fr/meetings/CWG-COP-26/manage/draft-agenda/", follow=True)
    assert escape("L'ordre du jour n'a encore aucun point.") in response.content.decode()
    assert not Document.objects.exists()


def test_the_submission_form_offers_only_the_chosen_meetings_agenda_items(client):
    meeting = MeetingFactory(number=26)
    mine = AgendaItemFactory(meeting=meeting, number="3", title_en="Ours")
    other = AgendaItemFactory(meeting=MeetingFactory(number=27), number="4", title_en="Theirs")
    client.force_login(DelegateFactory())
    choose = client.get("/en/documents/submit/").content.decode()
    assert 'href="?meeting=CWG-COP-26"' in choose and 'href="?meeting=CWG-COP-27"' in choose
    form = client.get("/en/documents/submit/?meeting=CWG-COP-26").content.decode()
    items = form.split('name="agenda_item"')[1].split("</select>")[0]
    assert f'value="{mine.pk}"' in items and f'value="{other.pk}"' not in items
    response = client.post(
        "/fr/documents/submit/",
        {
            "meeting": str(meeting.pk),
            "document_type": "contribution",
            "title": "Jeux en ligne",
            "original_language": "fr",
            "agenda_item": str(other.pk),
            "file": docx_upload(),
        },
    )
    assert response.status_code == 422
    assert (
        escape("Choisissez un point de l'ordre du jour de la réunion choisie.")
        in response.content.decode()
    )
    assert not Document.objects.exists()


def test_a_late_submission_is_flagged_and_registered_only_with_a_reason(client, secretariat):
    meeting = MeetingFactory(
        number=26,
        starts_on=today() + datetime.timedelta(days=3),
        contribution_deadline=today() - datetime.timedelta(days=1),
    )
    document = submit(DelegateFactory(), meeting)
    page = client.get(f"/fr/documents/submissions/{document.pk}/").content.decode()
    assert escape("Pourquoi le secrétariat l'accepte en retard") in page
    response = client.post(
        f"/fr/documents/submissions/{document.pk}/", {"action": "register", "late_reason": " "}
    )
    assert response.status_code == 422
    assert escape("dites pourquoi le secrétariat l'accepte") in response.content.decode()
    document.refresh_from_db()
    assert (document.status, document.number) == ("submitted", "")
    assert (
        "Soumissions tardives en attente"
        in client.get("/fr/meetings/CWG-COP-26/manage/").content.decode()
    )
    response = client.post(
        f"/fr/documents/submissions/{document.pk}/",
        {"action": "register", "late_reason": "Retard dû à la fermeture de la mission."},
    )
    assert response.status_code == 302
    public = client.get("/fr/documents/CWG-COP-26-1/").content.decode()
    assert "Retard dû à la fermeture de la mission." in public
    assert "CWG-COP-26/1-E" in public  # the English file, by its ITU symbol
    registry = client.get("/fr/documents/").content.decode()
    assert "CWG-COP-26/1" in registry and ">En retard<" in registry
    materials = client.get("/fr/meetings/CWG-COP-26/").content.decode()
    assert ">En retard<" in materials
    download = client.get("/fr/documents/CWG-COP-26-1/files/en/")
    assert 'filename="CWG-COP-26-1-E.docx"' in download["Content-Disposition"]


def test_registration_records_the_participant_and_shows_remote_details_only_to_them(client):
    meeting = MeetingFactory(number=26, remote_details="https://meet.example/secret PIN 4242")
    delegate = DelegateFactory(full_name="Amani Otieno")
    assert "PIN 4242" not in client.get("/fr/meetings/CWG-COP-26/").content.decode()
    client.force_login(delegate)
    page = client.get("/fr/meetings/CWG-COP-26/").content.decode()
    assert "PIN 4242" not in page and 'value="Amani Otieno"' in page
    refused = client.post(
        "/fr/meetings/CWG-COP-26/", {"name": "", "role": "minister", "attendance": "remote"}
    )
    assert refused.status_code == 422
    assert "Sélectionnez un choix valide." in refused.content.decode()
    assert not MeetingRegistration.objects.exists()
    refused = client.post(
        "/fr/meetings/CWG-COP-26/", {"name": "A", "role": "secretariat", "attendance": "remote"}
    )
    assert refused.status_code == 422
    assert (
        escape("Seul le personnel du secrétariat s'inscrit comme secrétariat.")
        in refused.content.decode()
    )
    assert not MeetingRegistration.objects.exists()
    client.post(
        "/fr/meetings/CWG-COP-26/",
        {"name": "Amani Otieno", "role": "head", "attendance": "remote"},
    )
    page = client.get("/fr/meetings/CWG-COP-26/").content.decode()
    assert "PIN 4242" in page
    assert MeetingRegistration.objects.get(meeting=meeting).role == "head"


def test_the_secretariats_page_lists_meetings_without_a_youth_consultation(client, secretariat):
    from cophub.accounts.permissions import SYSTEM
    from cophub.consultations import services as consultations
    from cophub.consultations.models import Consultation

    held = MeetingFactory(number=25)
    MeetingFactory(number=26)
    consultations.schedule_consultation(
        consultation=Consultation(
            meeting=held, slug="voices-25", title="Voices", title_en="Voices", published=True,
            opens_on=held.starts_on - datetime.timedelta(days=5), time_zone="UTC",
        ),
        by=SYSTEM,
    )  # fmt: skip
    page = client.get("/en/meetings/manage/").content.decode()
    without = page.split("Meetings without a youth consultation")[1].split("All meetings")[0]
    assert "CWG-COP-26" in without and "CWG-COP-25" not in without
    materials = client.get("/en/meetings/CWG-COP-25/").content.decode()
    assert 'href="/en/consultations/voices-25/"' in materials


def test_the_participants_list_downloads_for_the_secretariat(client, secretariat):
    meeting = MeetingFactory(number=26)
    services.register_for_meeting(meeting=meeting, delegate=DelegateFactory(full_name="Amani"))
    docx = client.get("/en/meetings/CWG-COP-26/participants.docx")
    assert docx.status_code == 200
    assert docx["Content-Disposition"] == 'attachment; filename="CWG-COP-26-participants-en.docx"'
    assert docx.content.startswith(b"PK")


def test_the_secretariat_files_the_consultations_summary_under_its_agenda_item(client, secretariat):
    from cophub.consultations.tests.factories import consultation, move_to_past

    held = move_to_past(consultation(state="open"))
    code = held.meeting.code
    youth = AgendaItemFactory(meeting=held.meeting, number="4", title_en="Young people")
    elsewhere = AgendaItemFactory()

    # An item of another meeting's agenda is refused in the page's language; nothing is saved.
    response = client.post(
        f"/fr/meetings/{code}/manage/consultation/", {"agenda_item": elsewhere.pk}
    )
    assert response.status_code == 422
    assert escape("Ce point n'est pas à l'ordre du jour de cette réunion.") in (
        response.content.decode()
    )
    held.refresh_from_db()
    assert held.agenda_item is None

    response = client.post(f"/fr/meetings/{code}/manage/consultation/", {"agenda_item": youth.pk})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.agenda_item == youth

    # The summary is registered from the same page, under that item.
    response = client.post(f"/fr/meetings/{code}/manage/summary/")
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.summary_document.agenda_item == youth
    assert held.summary_document.document_type == "information"


def test_the_call_is_written_on_the_task_queue_and_followed_on_its_page(
    client, secretariat, django_capture_on_commit_callbacks
):
    from cophub.workgroup import paper_runs, tasks
    from cophub.workgroup.models import PaperGeneration

    meeting = MeetingFactory(number=26)
    AgendaItemFactory(meeting=meeting, number="1", title_en="Opening")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/meetings/CWG-COP-26/manage/call/")
    generation = PaperGeneration.objects.get()
    assert response["Location"] == f"/ar/meetings/CWG-COP-26/manage/papers/{generation.pk}/"
    # Without a broker the work ran once the answer was sent: six PDFs, then the registration.
    generation.refresh_from_db()
    assert (generation.status, generation.done_steps, generation.total_steps) == ("done", 7, 7)
    call = Document.objects.get(document_type="call")
    assert generation.document == call and call.files.count() == 6
    page = client.get(response["Location"]).content.decode()
    assert 'href="/ar/documents/CWG-COP-26-1/"' in page and 'http-equiv="refresh"' not in page

    # Asked again, it is refused in the page's language before anything is queued; a second
    # delivery of the same message does nothing.
    response = client.post("/fr/meetings/CWG-COP-26/manage/call/", follow=True)
    assert escape("L'appel à contributions de cette réunion a déjà été envoyé.") in (
        response.content.decode()
    )
    assert PaperGeneration.objects.count() == 1
    assert tasks.generate_paper.apply(args=[generation.pk]).get() is False
    with pytest.raises(paper_runs.DomainError):
        paper_runs.start_paper(meeting=meeting, paper="nothing", by=secretariat)


def test_a_paper_refused_when_its_turn_comes_says_why_on_its_page(client, secretariat):
    from cophub.workgroup import paper_runs
    from cophub.workgroup.models import PaperGeneration

    secretariat.preferred_language = "fr"
    secretariat.save()
    meeting = MeetingFactory(number=26)
    AgendaItemFactory(meeting=meeting)
    generation = PaperGeneration.objects.create(
        meeting=meeting, paper="draft-agenda", requested_by=secretariat
    )
    meeting.agenda_items.all().delete()  # changed while the paper waited in the queue
    assert paper_runs.run_paper(generation.pk) is False
    page = client.get(f"/fr/meetings/CWG-COP-26/manage/papers/{generation.pk}/").content.decode()
    assert escape("L'ordre du jour n'a encore aucun point.") in page
    assert not Document.objects.exists()
