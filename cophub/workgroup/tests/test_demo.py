import pytest
from django.db.models import Count
from django.utils import timezone

from cophub.workgroup import selectors
from cophub.workgroup.demo import cycle_meetings, load_demo
from cophub.workgroup.models import Document, Meeting

pytestmark = pytest.mark.django_db


@pytest.mark.timeout(1200)  # about 230 documents through the services, files and all
def test_demo_data_has_three_years_of_meetings_and_about_200_contributions():
    load_demo()
    load_demo()  # idempotent
    today = timezone.localdate()
    years = {meeting.starts_on.year for meeting in Meeting.objects.filter(group__code="CWG-COP")}
    assert {today.year - 2, today.year - 1, today.year} <= years
    # Dates follow today: nothing was sent or registered after it.
    assert not Document.objects.filter(submitted_at__date__gt=today).exists()
    assert not Document.objects.filter(registered_at__date__gt=today).exists()
    contributions = selectors.public_documents().filter(
        document_type="contribution", version="original"
    )
    assert 180 <= contributions.count() <= 220
    sources = set(
        Document.objects.filter(countries__isnull=False).values_list("countries__iso2", flat=True)
    ) | set(
        Document.objects.filter(organisations__isnull=False).values_list(
            "organisations__code", flat=True
        )
    )
    assert len(sources) >= 40
    languages = set(contributions.values_list("original_language", flat=True))
    assert {"ar", "en", "fr", "es", "ru", "zh"} <= languages
    numbers = list(
        Document.objects.filter(meeting__number=22, version="original")
        .order_by("serial")
        .values_list("serial", flat=True)
    )
    assert numbers == list(range(1, len(numbers) + 1))  # gap-free
    assert Document.objects.filter(status="withdrawn").exists()
    assert Document.objects.filter(version="revision").exists()
    assert Document.objects.values("number").annotate(n=Count("pk")).filter(n__gt=1).count() == 0
    # The last meeting held has its whole cycle on record, the next one is under way.
    past, current = cycle_meetings(list(Meeting.objects.filter(group__code="CWG-COP")))
    papers = selectors.meeting_materials(past)["papers"]
    assert papers["call"] is not None and papers["participants"] is not None
    assert papers["agenda"].version == "revision" and past.agenda_adopted_at is not None
    # The next meeting: its call sent, its deadline ahead, the first contributions in, its draft
    # agenda registered.
    assert current.starts_on > today and current.contribution_deadline >= today
    assert current.call_issued_at is not None
    papers = selectors.meeting_materials(current)["papers"]
    assert papers["call"] is not None and papers["agenda"].version == "original"
    assert Document.objects.filter(meeting=current, document_type="contribution").exists()
    # The past cycle is complete: the last meeting held has its approved report, decisions and
    # actions, some closed and some open, and the open ones stand on the next meeting's page.
    from cophub.workgroup import outcomes
    from cophub.workgroup.models import MeetingReport, Outcome

    held = Meeting.objects.filter(group__code="CWG-COP", ends_on__lt=timezone.localdate())
    last = held.order_by("-starts_on").first()
    report = MeetingReport.objects.get(meeting=last)
    assert report.status == "approved" and report.document.status == "registered"
    assert report.comments.count() == 2
    mine = Outcome.objects.filter(meeting=last)
    assert mine.filter(kind="decision").count() == 2
    assert mine.filter(status="closed").exists() and mine.filter(status="open").exists()
    coming = (
        Meeting.objects.filter(group__code="CWG-COP", starts_on__gt=last.starts_on)
        .order_by("starts_on")
        .first()
    )
    carried = set(outcomes.carried_over_to(coming))
    assert set(mine.filter(status="open")) <= carried
    assert not carried & set(Outcome.objects.filter(status="closed"))
