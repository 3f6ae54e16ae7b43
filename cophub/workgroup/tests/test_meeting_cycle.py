"""A meeting's cycle before and around the meeting: planning it, the call for contributions and
its reminder, deadlines that hold, the agenda from draft to adopted, participants and their list,
and the materials page."""

import datetime
import io

import pytest
from django.utils import timezone

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.core.errors import DomainError
from cophub.core.models import Country, Organisation
from cophub.jobs.models import OutgoingMail
from cophub.workgroup import meetings, selectors, services
from cophub.workgroup.models import (
    AgendaItem,
    Document,
    DocumentCounter,
    Meeting,
    Subscription,
)

from .factories import AgendaItemFactory, GroupFactory, MeetingFactory
from .factories import submitted_contribution as submit

pytestmark = pytest.mark.django_db

BASE_URL = "https://cophub.example"
TODAY = datetime.date.today


def today():
    return timezone.localdate()


def plan(secretariat, number=26, **changes):
    fields = {
        "starts_on": today() + datetime.timedelta(days=40),
        "ends_on": today() + datetime.timedelta(days=41),
        "place": "Genève",
        "time_zone": "Europe/Zurich",
        "contribution_deadline": today() + datetime.timedelta(days=28),
        "reminder_days": 7,
    }
    return services.create_meeting(
        by=secretariat,
        group=GroupFactory(),
        number=number,
        plan=services.MeetingPlan(**(fields | changes)),
    )


# --- planning --------------------------------------------------------------------------------


def test_the_secretariat_plans_a_meeting_with_the_usual_deadline_by_default(settings):
    meeting = plan(SecretariatFactory(), contribution_deadline=None)
    assert meeting.code == "CWG-COP-26"
    assert meeting.contribution_deadline == meeting.starts_on - datetime.timedelta(
        days=settings.CONTRIBUTION_DEADLINE_DAYS
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"ends_on": TODAY()},
            "ends_on",
            "The last day cannot come before the first day.",
        ),
        (
            {"contribution_deadline": TODAY() + datetime.timedelta(days=45)},
            "contribution_deadline",
            "The contribution deadline must come before the meeting opens.",
        ),
        (
            {"place": "  ", "online": False},
            "place",
            "Give the place, or say that the meeting is online.",
        ),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Choose a time zone from the list."),
        (
            {"reminder_days": 0},
            "reminder_days",
            "The reminder goes out between 1 and 60 days before the deadline.",
        ),
        ({"number": 0}, "number", "Give the meeting's number in the group's series."),
    ],
)
def test_a_meeting_with_bad_dates_or_place_is_refused_and_nothing_is_written(
    changes, field, message
):
    with pytest.raises(DomainError) as refused:
        plan(SecretariatFactory(), **changes)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert not Meeting.objects.exists()


def test_a_meeting_number_is_taken_once_and_only_the_secretariat_plans():
    plan(SecretariatFactory())
    with pytest.raises(DomainError, match="Meeting CWG-COP-26 exists already."):
        plan(SecretariatFactory())
    with pytest.raises(DomainError, match="Only the secretariat plans meetings."):
        plan(DelegateFactory(), number=27)
    assert Meeting.objects.count() == 1


def test_a_deadline_moved_later_lets_the_reminder_go_out_again_and_a_refused_change_keeps_all():
    secretariat = SecretariatFactory()
    meeting = plan(secretariat)
    Meeting.objects.filter(pk=meeting.pk).update(reminder_sent_at=timezone.now())
    fields = {
        "starts_on": meeting.starts_on,
        "ends_on": meeting.ends_on,
        "place": "Genève",
        "online": True,
        "time_zone": "Europe/Zurich",
        "reminder_days": 5,
        "remote_details": "https://meet.example/cwg-cop-26 PIN 4242",
    }
    with pytest.raises(DomainError):
        services.update_meeting(
            meeting=meeting,
            by=secretariat,
            plan=services.MeetingPlan(**fields, contribution_deadline=meeting.ends_on),
        )
    meeting.refresh_from_db()
    assert (meeting.online, meeting.remote_details) == (False, "")
    later = meeting.contribution_deadline + datetime.timedelta(days=3)
    services.update_meeting(
        meeting=meeting,
        by=secretariat,
        plan=services.MeetingPlan(**fields, contribution_deadline=later),
    )
    meeting.refresh_from_db()
    assert (meeting.contribution_deadline, meeting.reminder_sent_at) == (later, None)
    assert meeting.remote_details.endswith("PIN 4242") and meeting.online


# --- the agenda ------------------------------------------------------------------------------


def test_agenda_items_are_added_and_changed_in_the_secretariats_language():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory()
    item = services.save_agenda_item(
        meeting=meeting, by=secretariat, number="1", title="Ouverture", language="fr"
    )
    assert (item.title_fr, item.title) == ("Ouverture", "Ouverture")
    services.save_agenda_item(
        meeting=meeting, by=secretariat, item=item, number="1", title="Opening", language="en"
    )
    item.refresh_from_db()
    assert (item.title_en, item.title_fr) == ("Opening", "Ouverture")
    with pytest.raises(DomainError, match="Item 1 is already on the agenda."):
        services.save_agenda_item(meeting=meeting, by=secretariat, number="1", title="Again")
    with pytest.raises(DomainError, match="Give the item a title."):
        services.save_agenda_item(meeting=meeting, by=secretariat, number="2", title=" ")
    with pytest.raises(DomainError, match="Only the secretariat edits the agenda."):
        services.save_agenda_item(meeting=meeting, by=DelegateFactory(), number="2", title="X")
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_the_draft_agenda_is_a_document_and_the_adopted_one_its_revision_at_the_meeting():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory(number=26)
    with pytest.raises(DomainError, match="The agenda has no item yet."):
        services.issue_agenda(meeting=meeting, by=secretariat)
    AgendaItemFactory(meeting=meeting, number="1", title_en="Opening", title_fr="Ouverture")
    draft = services.issue_agenda(meeting=meeting, by=secretariat)
    assert (draft.number, draft.document_type) == ("CWG-COP-26/1", "agenda")
    assert draft.title_fr == "Projet d'ordre du jour: CWG-COP-26"
    assert sorted(draft.files.values_list("language", flat=True)) == sorted(
        ["ar", "zh", "en", "fr", "ru", "es"]
    )
    with pytest.raises(DomainError, match="once it has opened"):
        services.adopt_agenda(meeting=meeting, by=secretariat)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_on=today(), ends_on=today(), contribution_deadline=today()
    )
    adopted = services.adopt_agenda(meeting=meeting, by=secretariat)
    assert (adopted.number, adopted.base_id) == ("CWG-COP-26/1(Rev.1)", draft.pk)
    assert selectors.meeting_materials(meeting)["papers"]["agenda"] == adopted
    with pytest.raises(DomainError, match="adopted already"):
        services.adopt_agenda(meeting=meeting, by=secretariat)
    with pytest.raises(DomainError, match="adopted already"):
        services.issue_agenda(meeting=meeting, by=secretariat)


# --- the call for contributions and its reminder --------------------------------------------


def recipients():
    return {mail.recipient: mail.subject for mail in OutgoingMail.objects.all()}


def test_the_call_is_a_numbered_document_mailed_to_subscribers_and_accounts_in_their_language():
    secretariat = SecretariatFactory(email="sec@itu.example", preferred_language="en")
    meeting = plan(secretariat)
    AgendaItemFactory(meeting=meeting, number="1")
    UserFactory(email="tunis@example.org", role="member_state", preferred_language="ar",
                country=Country.objects.get(iso2="TN"))  # fmt: skip
    UserFactory(email="gone@example.org", role="member_state", is_active=False,
                country=Country.objects.get(iso2="TN"))  # fmt: skip
    UserFactory(email="public@example.org", role="public")
    Subscription.objects.create(
        email="lectrice@example.org", language="fr", token="t1", confirmed_at=timezone.now()
    )
    Subscription.objects.create(email="unconfirmed@example.org", language="fr", token="t2")
    Subscription.objects.create(
        email="tunis@example.org", language="fr", token="t3", confirmed_at=timezone.now()
    )
    document = services.issue_call_for_contributions(
        meeting=meeting, by=secretariat, base_url=BASE_URL
    )
    assert (document.number, document.document_type, document.status) == (
        "CWG-COP-26/1",
        "call",
        "registered",
    )
    assert document.files.count() == 6
    sent = recipients()
    assert set(sent) == {"sec@itu.example", "tunis@example.org", "lectrice@example.org"}
    assert sent["lectrice@example.org"] == "Appel à contributions: réunion CWG-COP-26"
    assert sent["tunis@example.org"] == "دعوة إلى تقديم المساهمات: الاجتماع CWG-COP-26"
    assert sent["sec@itu.example"] == "Call for contributions: meeting CWG-COP-26"
    french = OutgoingMail.objects.get(recipient="lectrice@example.org").body
    assert f"{BASE_URL}/fr/documents/submit/?meeting=CWG-COP-26" in french
    assert f"{BASE_URL}/fr/documents/unsubscribe/t1/" in french
    assert "unsubscribe" not in OutgoingMail.objects.get(recipient="tunis@example.org").body
    meeting.refresh_from_db()
    assert meeting.call_issued_at is not None
    with pytest.raises(DomainError, match="has been sent already"):
        services.issue_call_for_contributions(meeting=meeting, by=secretariat)
    assert OutgoingMail.objects.count() == 3


def test_no_call_after_the_deadline_and_nothing_written_when_refused():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory(
        starts_on=today() + datetime.timedelta(days=3),
        contribution_deadline=today() - datetime.timedelta(days=1),
    )
    with pytest.raises(DomainError) as refused:
        services.issue_call_for_contributions(meeting=meeting, by=secretariat)
    assert refused.value.field == "contribution_deadline"
    assert not Document.objects.exists() and not OutgoingMail.objects.exists()
    with pytest.raises(DomainError, match="Only the secretariat convenes meetings."):
        services.issue_call_for_contributions(meeting=meeting, by=DelegateFactory())


def test_the_reminder_goes_out_once_when_the_deadline_is_near():
    secretariat = SecretariatFactory(email="sec@itu.example")
    meeting = plan(secretariat)
    services.issue_call_for_contributions(meeting=meeting, by=secretariat)
    OutgoingMail.objects.all().delete()
    deadline = timezone.make_aware(
        datetime.datetime.combine(meeting.contribution_deadline, datetime.time(12))
    )
    assert services.send_deadline_reminders(now=deadline - datetime.timedelta(days=8)) == []
    assert not OutgoingMail.objects.exists()
    assert services.send_deadline_reminders(now=deadline - datetime.timedelta(days=7)) == [meeting]
    assert recipients() == {"sec@itu.example": "Reminder: contributions to meeting CWG-COP-26"}
    assert services.send_deadline_reminders(now=deadline - datetime.timedelta(days=6)) == []
    assert OutgoingMail.objects.count() == 1


def test_the_reminder_command_runs_the_reminders(capsys):
    from django.core.management import call_command

    secretariat = SecretariatFactory()
    meeting = plan(
        secretariat,
        contribution_deadline=today() + datetime.timedelta(days=2),
    )
    services.issue_call_for_contributions(meeting=meeting, by=secretariat)
    call_command("send_deadline_reminders")
    assert "reminded 1: CWG-COP-26" in capsys.readouterr().out


# --- deadlines that hold ---------------------------------------------------------------------


def test_a_late_submission_is_registered_only_when_the_secretariat_says_why():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory(
        number=26,
        starts_on=today() + datetime.timedelta(days=3),
        contribution_deadline=today() - datetime.timedelta(days=1),
    )
    late = submit(DelegateFactory(), meeting)
    assert late.late
    with pytest.raises(DomainError) as refused:
        services.register_document(document=late, registered_by=secretariat, late_reason="  ")
    assert refused.value.field == "late_reason"
    late.refresh_from_db()
    assert (late.status, late.number) == ("submitted", "")
    assert not DocumentCounter.objects.filter(meeting=meeting, last_serial__gt=0).exists()
    registered = services.register_document(
        document=late, registered_by=secretariat, late_reason="Delayed by the national holiday."
    )
    assert (registered.number, registered.late_acceptance_reason) == (
        "CWG-COP-26/1",
        "Delayed by the national holiday.",
    )
    assert list(selectors.late_submissions(meeting)) == []


# --- participants ----------------------------------------------------------------------------


def test_registration_records_name_role_attendance_and_whom_the_delegate_speaks_for():
    meeting = MeetingFactory()
    delegate = DelegateFactory(full_name="Amani Otieno")
    registration = services.register_for_meeting(
        meeting=meeting, delegate=delegate, role="head", attendance="remote", gender="woman"
    )
    assert (registration.name, registration.country_id, registration.role) == (
        "Amani Otieno",
        "KE",
        "head",
    )
    refusals = [
        ({"role": "minister"}, "role"),
        ({"role": "secretariat"}, "role"),
        ({"attendance": "by pigeon"}, "attendance"),
        ({"gender": "x"}, "gender"),
        ({"name": "x" * 201}, "name"),
    ]
    for changes, field in refusals:
        with pytest.raises(DomainError) as refused:
            services.register_for_meeting(meeting=meeting, delegate=delegate, **changes)
        assert refused.value.field == field
    registration.refresh_from_db()
    assert (registration.role, registration.attendance) == ("head", "remote")
    # The gender balance counts the same records.
    [row] = selectors.gender_balance(Meeting.objects.filter(pk=meeting.pk))
    assert (row["total"], row["women"]) == (1, 1)


def test_the_list_of_participants_is_registered_after_the_meeting_as_pdf_and_made_as_docx():
    import docx

    secretariat = SecretariatFactory()
    meeting = MeetingFactory(number=26)
    unicef = Organisation.objects.get(code="unicef")
    services.register_for_meeting(meeting=meeting, delegate=DelegateFactory(full_name="Amani Otieno"), role="head")  # fmt: skip
    services.register_for_meeting(
        meeting=meeting,
        delegate=DelegateFactory(full_name="Lucía Gómez", role="stakeholder", country=None,
                                 organisation=unicef),
        role="observer", attendance="remote",
    )  # fmt: skip
    with pytest.raises(DomainError, match="once the meeting is over"):
        services.register_participants_list(meeting=meeting, by=secretariat)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_on=today() - datetime.timedelta(days=3),
        ends_on=today() - datetime.timedelta(days=2),
        contribution_deadline=today() - datetime.timedelta(days=10),
    )
    document = services.register_participants_list(meeting=meeting, by=secretariat)
    assert (document.number, document.document_type) == ("CWG-COP-26/1", "participants")
    assert document.files.get(language="en").kind == "pdf"
    assert "Amani Otieno" in document.files.get(language="en").text
    paper = meetings.participants(meeting)
    words = docx.Document(io.BytesIO(meetings.to_docx(paper)))
    cells = [cell.text for row in words.tables[0].rows for cell in row.cells]
    assert ["Amani Otieno", "Kenya", "Head of delegation", "In person"] == cells[4:8]
    assert "Lucía Gómez" in cells and "Remotely" in cells


# --- the materials page and the submission form --------------------------------------------


def test_the_materials_put_documents_under_their_agenda_item_and_papers_apart():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory(number=26)
    opening = AgendaItemFactory(meeting=meeting, number="1", title_en="Opening")
    contributions = AgendaItemFactory(meeting=meeting, number="3", title_en="Contributions")
    services.issue_agenda(meeting=meeting, by=secretariat)
    document = services.register_document(
        document=submit(DelegateFactory(), meeting, agenda_item=contributions),
        registered_by=secretariat,
    )
    presentation = services.register_document(
        document=submit(DelegateFactory(), meeting, document_type="presentation"),
        registered_by=secretariat,
    )
    materials = selectors.meeting_materials(meeting)
    assert [(s.item, s.documents) for s in materials["sections"]] == [
        (opening, []),
        (contributions, [document]),
    ]
    assert materials["presentations"] == [presentation]
    assert materials["papers"]["agenda"].number == "CWG-COP-26/1"
