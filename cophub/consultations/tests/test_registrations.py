"""What the consultations add to the reports to Council, the country profile, the mandate page
and the secretariat's admin."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.consultations.models import Answer
from cophub.core import mandate, profiles, reporting
from cophub.core.models import Country, MandateParagraph

from .factories import consultation, move_to_past, respond

pytestmark = pytest.mark.django_db


def _section(registry, key):
    return next(section for section in registry.sections() if section.key == key)


def test_report_section_lists_consultations_and_participation():
    item = consultation()
    for n in range(3):
        respond(item, device=str(n))
    section = _section(reporting, "consultations")
    today = timezone.now().date()
    with translation.override("fr"):
        paragraph, table = section.blocks(today - datetime.timedelta(days=30), today)
    assert "1306" in paragraph.text and "3" in paragraph.text
    assert table.rows[0][1] == item.meeting.code and table.rows[0][3] == 3
    empty = section.blocks(datetime.date(2000, 1, 1), datetime.date(2000, 12, 31))
    assert len(empty) == 1 and isinstance(empty[0], reporting.ReportParagraph)


def test_profile_section_suppresses_small_counts():
    item = consultation()
    for n in range(5):
        respond(item, device=f"k{n}", country="KE")
    respond(item, device="e", country="EG")
    move_to_past(item)
    section = _section(profiles, "consultations")
    assert section.data(Country.objects.get(iso2="KE")) == [(item, 5)]
    assert section.data(Country.objects.get(iso2="EG")) == [(item, None)]
    assert section.data(Country.objects.get(iso2="FR")) == []
    assert section.gaps(Country.objects.get(iso2="FR"))
    assert section.gaps(Country.objects.get(iso2="KE")) == []


def test_mandate_provider_lists_public_consultations():
    item = consultation()
    paragraph = MandateParagraph.objects.get(code="R1306/RES/3")
    item.mandate.add(paragraph)
    served = dict((p.key, records) for p, records in mandate.work_serving(paragraph))
    assert [work.title for work in served["consultations"]] == [item.title_en]


def test_secretariat_admin_pages_and_moderation(client):
    item = consultation()
    respond(item, text="Please teach us about privacy")
    client.force_login(SecretariatFactory())
    assert (
        client.get(reverse("admin:consultations_consultation_change", args=[item.pk])).status_code
        == 200
    )
    listing = client.get(reverse("admin:consultations_freetextanswer_changelist"))
    body = listing.content.decode()
    assert "Please teach us about privacy" in body
    # Nothing tells the moderator where the child lives or how old they are (the page's random
    # tokens may hold the letters "KE", so the code is looked for as a word).
    assert "Kenya" not in body and not re.search(r"\bKE\b", body) and "13-15" not in body
    answer = Answer.objects.exclude(text="").get()
    client.post(
        reverse("admin:consultations_freetextanswer_changelist"),
        {"action": "approve", "_selected_action": [answer.pk]},
    )
    assert Answer.objects.get(pk=answer.pk).moderation == "approved"


def test_admin_refuses_a_window_after_the_meeting_start(client):
    item = consultation()
    client.force_login(SecretariatFactory())
    url = reverse("admin:consultations_consultation_change", args=[item.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "meeting": item.meeting.pk,
            "slug": item.slug,
            "title_en": "Changed",
            "opens_on": item.meeting.starts_on.isoformat(),
            "opens_at_time": "10:00",
            "time_zone": "UTC",
            "duration_hours": 24,
            "device_limit": 200,
            "questions-TOTAL_FORMS": 0,
            "questions-INITIAL_FORMS": 0,
        }
    )
    data.pop("mandate", None)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "must close before the meeting starts" in response.content.decode()
    item.refresh_from_db()
    assert item.title_en != "Changed"
