"""The meeting report (drafted, circulated, commented, approved), decisions and actions."""

import datetime

import pytest
from django.utils import timezone, translation

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.errors import DomainError
from cophub.core.models import MandateParagraph
from cophub.jobs.models import OutgoingMail
from cophub.workgroup import outcomes, services
from cophub.workgroup.models import Document, MeetingReport, Outcome, ReportComment

from .factories import MeetingFactory
from .factories import submitted_contribution as submit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def held():
    """A meeting held last week, with two registered delegates (one French-speaking)."""
    meeting = MeetingFactory(
        number=25,
        starts_on=TODAY - datetime.timedelta(days=8),
        ends_on=TODAY - datetime.timedelta(days=7),
        contribution_deadline=TODAY - datetime.timedelta(days=20),
    )
    delegates = [DelegateFactory(preferred_language="fr"), DelegateFactory()]
    for delegate in delegates:
        meeting.registrations.create(delegate=delegate)
    return meeting, delegates, SecretariatFactory()


def circulated(meeting, secretariat, days=7):
    report = outcomes.draft_meeting_report(
        meeting=meeting, text="The group met.\n\nIt agreed.", language="en", by=secretariat
    )
    return outcomes.circulate_meeting_report(
        report=report,
        comments_close_on=TODAY + datetime.timedelta(days=days),
        by=secretariat,
        base_url="https://cophub.example",
    )


def test_report_drafted_circulated_commented_approved_and_registered(held):
    meeting, (french, other), secretariat = held
    report = circulated(meeting, secretariat)
    mails = OutgoingMail.objects.order_by("pk")
    assert sorted(m.recipient for m in mails) == sorted([french.email, other.email])
    french_mail = mails.get(recipient=french.email)
    assert "CWG-COP-25" in french_mail.subject and "commentaires" in french_mail.subject
    assert "/fr/meetings/CWG-COP-25/report/" in french_mail.body

    comment = outcomes.comment_on_meeting_report(report=report, author=french, text="Paragraphe 2.")
    assert comment.report == report

    close = report.comments_close_on
    with pytest.raises(DomainError) as refused:
        outcomes.approve_meeting_report(report=report, by=secretariat)
    assert "approve the report after that" in refused.value.message
    approved = outcomes.approve_meeting_report(
        report=report, by=secretariat, today=close + datetime.timedelta(days=1)
    )
    assert approved.status == MeetingReport.Status.APPROVED
    document = approved.document
    assert document.number == "CWG-COP-25/1" and document.status == Document.Status.REGISTERED
    assert document.document_type == "report" and document.files.get().kind == "pdf"
    assert "The group met." in document.files.get().text
    with pytest.raises(DomainError):
        outcomes.draft_meeting_report(meeting=meeting, text="x", language="en", by=secretariat)


def test_only_participants_comment_and_only_while_open(held):
    meeting, (french, _other), secretariat = held
    report = circulated(meeting, secretariat, days=3)
    stranger = DelegateFactory()
    with pytest.raises(DomainError) as refused:
        outcomes.comment_on_meeting_report(report=report, author=stranger, text="Hello")
    assert refused.value.message == "Only the meeting's participants comment on its report."
    with pytest.raises(DomainError):
        outcomes.comment_on_meeting_report(report=report, author=french, text="   ")
    with pytest.raises(DomainError):
        outcomes.comment_on_meeting_report(
            report=report, author=french, text="Late", today=TODAY + datetime.timedelta(days=4)
        )
    assert not ReportComment.objects.exists()


def test_circulation_needs_a_period_and_participants(held):
    meeting, _delegates, secretariat = held
    report = outcomes.draft_meeting_report(
        meeting=meeting, text="Text", language="en", by=secretariat
    )
    for days in (0, 29):
        with pytest.raises(DomainError) as refused:
            outcomes.circulate_meeting_report(
                report=report,
                comments_close_on=TODAY + datetime.timedelta(days=days),
                by=secretariat,
            )
        assert refused.value.field == "comments_close_on"
    meeting.registrations.all().delete()
    with pytest.raises(DomainError):
        outcomes.circulate_meeting_report(
            report=report, comments_close_on=TODAY + datetime.timedelta(days=7), by=secretariat
        )
    report.refresh_from_db()
    assert report.status == MeetingReport.Status.DRAFT and not OutgoingMail.objects.exists()


def test_only_the_secretariat_drafts_and_not_before_the_meeting(held):
    meeting, (delegate, _other), secretariat = held
    with pytest.raises(DomainError):
        outcomes.draft_meeting_report(meeting=meeting, text="Text", language="en", by=delegate)
    with pytest.raises(DomainError) as refused:
        outcomes.draft_meeting_report(meeting=meeting, text=" ", language="en", by=secretariat)
    assert refused.value.field == "text"
    future = MeetingFactory(number=26)
    with pytest.raises(DomainError):
        outcomes.draft_meeting_report(meeting=future, text="Text", language="en", by=secretariat)
    assert not MeetingReport.objects.exists()


def test_open_outcomes_carry_over_until_closed(held):
    meeting, (delegate, _other), secretariat = held
    document = services.register_document(
        document=submit(delegate, MeetingFactory(number=24)), registered_by=secretariat
    )
    paragraph = MandateParagraph.objects.get(code="R1306/RES/1.2")
    decision = outcomes.record_outcome(
        meeting=meeting,
        kind="decision",
        text="Collect good practices on helplines.",
        by=secretariat,
        documents=[document],
        mandate=[paragraph],
    )
    action = outcomes.record_outcome(
        meeting=meeting,
        kind="action",
        text="Draft a questionnaire.",
        owner="Secretariat",
        due_on=TODAY + datetime.timedelta(days=5),
        by=secretariat,
    )
    following = MeetingFactory(number=26)
    assert list(outcomes.carried_over_to(following)) == [decision, action]
    assert list(outcomes.actions_due()) == [action]
    outcomes.close_outcome(outcome=action, by=secretariat, note="Sent on 1 March.")
    # Closed before the next meeting opened: no longer on its page.
    assert list(outcomes.carried_over_to(following)) == [decision]
    assert list(decision.documents.all()) == [document]
    assert list(decision.mandate.all()) == [paragraph]
    assert not outcomes.actions_due().exists()
    with pytest.raises(DomainError):
        outcomes.close_outcome(outcome=action, by=secretariat, note="Again")


def test_outcome_bad_input_writes_nothing(held):
    meeting, (delegate, _other), secretariat = held
    waiting = submit(delegate, MeetingFactory(number=24))
    cases = [
        ({"kind": "wish", "text": "x"}, "kind"),
        ({"kind": "decision", "text": " "}, "text"),
        ({"kind": "action", "text": "Do it", "owner": ""}, "owner"),
        (
            {
                "kind": "action",
                "text": "Do it",
                "owner": "Kenya",
                "due_on": meeting.starts_on - datetime.timedelta(days=1),
            },
            "due_on",
        ),
        ({"kind": "decision", "text": "x", "documents": [waiting]}, "documents"),
    ]
    for fields, field in cases:
        with pytest.raises(DomainError) as refused:
            outcomes.record_outcome(meeting=meeting, by=secretariat, **fields)
        assert refused.value.field == field
    with pytest.raises(DomainError):
        outcomes.record_outcome(meeting=meeting, kind="decision", text="x", by=delegate)
    with translation.override("fr"), pytest.raises(DomainError) as refused:
        outcomes.record_outcome(meeting=meeting, kind="action", text="x", by=secretariat)
    assert refused.value.message == "Une action doit avoir un responsable et une échéance."
    assert not Outcome.objects.exists()
