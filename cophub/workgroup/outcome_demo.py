"""Demo data of the meetings' outcomes: the last meeting held has its report approved after the
participants' comments; the meetings held record decisions and actions, the older ones closed,
the recent ones partly open (and so on the next meeting's page); a distribution list of UN
agencies has received an outgoing liaison statement; the year's report has its first words."""

import datetime

from cophub.core.models import MandateParagraph, Organisation

from . import dispatch, outcomes, report_editions
from .models import Document, DocumentType, MeetingReport, Outcome

REPORT_TEXT = (
    "The meeting was opened by the Chair, who welcomed the participants in Geneva and online.\n\n"
    "The group adopted its agenda, considered the contributions received under item 3 and the "
    "summary of the youth consultation held before the meeting under item 4.\n\n"
    "The group agreed to collect good practices on child helplines and to prepare a "
    "questionnaire to Member States; the actions and their owners are listed below."
)

DECISIONS = [
    ("Collect good practices on child helplines from Member States and Sector Members.", "R1306/RES/1.2"),
    ("Invite CWG-Internet to a joint session on age assurance.", "R1306/RES/4"),
]  # fmt: skip

ACTIONS = [
    ("Prepare a questionnaire to Member States on national COP strategies.", "Secretariat", 60),
    ("Send the liaison statement on age assurance to ITU-T Study Group 17.", "Secretariat", 20),
    ("Present the draft outline of the final report.", "Chair", 150),
]  # fmt: skip

COMMENTS = [
    "Kenya asks that paragraph 2 also mention the remote participants.",
    "Please add that the questionnaire will be sent in the six languages.",
]


def _record(meeting, secretariat, documents):
    mandate = {
        p.code: p for p in MandateParagraph.objects.filter(code__in=[d[1] for d in DECISIONS])
    }
    for text, code in DECISIONS:
        outcomes.record_outcome(
            meeting=meeting,
            kind=Outcome.Kind.DECISION,
            text=text,
            by=secretariat,
            documents=documents[:2],
            mandate=[mandate[code]],
        )
    return [
        outcomes.record_outcome(
            meeting=meeting,
            kind=Outcome.Kind.ACTION,
            text=text,
            owner=owner,
            due_on=meeting.ends_on + datetime.timedelta(days=days),
            by=secretariat,
            documents=documents[2:3],
        )
        for text, owner, days in ACTIONS
    ]


def _approved_report(meeting, secretariat, delegates):
    report = outcomes.draft_meeting_report(
        meeting=meeting, text=REPORT_TEXT, language="en", by=secretariat
    )
    after = meeting.ends_on + datetime.timedelta(days=3)
    outcomes.circulate_meeting_report(
        report=report,
        comments_close_on=after + datetime.timedelta(days=14),
        by=secretariat,
        today=after,
    )
    participants = list(outcomes.meeting_participants(meeting)[: len(COMMENTS)])
    for participant, text in zip(participants, COMMENTS, strict=False):
        outcomes.comment_on_meeting_report(
            report=report, author=participant, text=text, today=after
        )
    return outcomes.approve_meeting_report(
        report=report, by=secretariat, today=after + datetime.timedelta(days=15)
    )


def load(*, meetings, secretariat, delegates, today: datetime.date) -> None:
    held = [m for m in meetings if m.ends_on < today]
    if not held or MeetingReport.objects.exists():
        return
    for meeting in held[-3:]:
        documents = list(
            Document.objects.filter(
                meeting=meeting, status=Document.Status.REGISTERED, document_type="contribution"
            ).order_by("serial")[:3]
        )
        actions = _record(meeting, secretariat, documents)
        if meeting != held[-1]:
            # The older meetings' actions are done, the last one's first action too.
            for action in actions:
                outcomes.close_outcome(outcome=action, by=secretariat, note="Done and reported.")
    last = held[-1]
    _approved_report(last, secretariat, delegates)
    first_action = Outcome.objects.filter(meeting=last, kind=Outcome.Kind.ACTION).first()
    outcomes.close_outcome(
        outcome=first_action, by=secretariat, note="Questionnaire sent as circular letter."
    )
    _distribution(secretariat)
    report_editions.save_report_texts(
        kind="annual",
        year=last.starts_on.year,
        language="en",
        texts={
            "introduction": "This report gives Council an account of the group's work in the year.",
            "work": "The group met twice, considered the contributions of Member States and "
            "organisations, and heard the views of children and young people.",
        },
        council_number=f"C{str(last.starts_on.year + 1)[2:]}/45",
        by=secretariat,
    )


def _distribution(secretariat):
    listing = dispatch.create_distribution_list(
        name="UN agencies of the COP Initiative", by=secretariat
    )
    for code, email, language in (("unicef", "cop@unicef.example", "en"), ("unesco", "cop@unesco.example", "fr")):  # fmt: skip
        organisation = Organisation.objects.filter(code=code).first()
        if organisation is not None:
            dispatch.add_address(
                distribution_list=listing,
                organisation=organisation,
                email=email,
                language=language,
                by=secretariat,
            )
    outgoing = Document.objects.filter(
        document_type=DocumentType.LIAISON,
        liaison_direction=Document.Direction.OUTGOING,
        status=Document.Status.REGISTERED,
    ).last()
    if outgoing is not None and listing.addresses.exists():
        dispatch.send_document(document=outgoing, distribution_list=listing, by=secretariat)
