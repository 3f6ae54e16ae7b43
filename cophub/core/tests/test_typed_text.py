"""One cleaning step for every stored text a person typed (core/typed_text.py), on every path."""

import pytest

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.coordination.tests.test_api import NEW_ACTIVITY
from cophub.core.typed_text import clean_typed_text
from cophub.countries import services as countries
from cophub.countries.models import Measure
from cophub.workgroup.models import Document
from cophub.workgroup.tests.factories import MeetingFactory, docx_upload

# Every bidi embedding, override and isolate, and the other invisible characters of the probe.
HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff\u2060\x00\x07"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("report \u202egnp.exe", "report gnp.exe"),
        (f"a{HIDDEN}b", "ab"),
        ("line one\nline two\tend", "line one\nline two\tend"),
        # Needed to write Persian and emoji, and harmless: kept.
        (
            "می\u200cخواهم 👩\u200d💻 \u200fمرحبا\u200e",
            "می\u200cخواهم 👩\u200d💻 \u200fمرحبا\u200e",
        ),
        ("Cafe\u0301", "Café"),
        ("plain ASCII", "plain ASCII"),
    ],
)
def test_invisible_controls_are_removed_and_the_rest_kept(typed, stored):
    assert clean_typed_text(typed) == stored


@pytest.mark.django_db
def test_a_contribution_title_with_a_direction_override_is_shown_without_it(client):
    """The probe's title, submitted through the page, registered, then read by the public."""
    meeting = MeetingFactory(number=24)
    client.force_login(DelegateFactory())
    client.post(
        "/en/documents/submit/",
        {
            "meeting": meeting.pk,
            "document_type": "contribution",
            "title": "report \u202egnp.exe",
            # A form refuses NUL itself (Django's CharField); the rest is removed.
            "abstract": f"Games{HIDDEN.replace(chr(0), '')} and children",
            "original_language": "en",
            "file": docx_upload(),
        },
    )
    document = Document.objects.get()
    assert (document.title, document.title_en) == ("report gnp.exe", "report gnp.exe")
    assert document.abstract == "Games and children"
    client.force_login(SecretariatFactory())
    client.post(f"/en/documents/submissions/{document.pk}/", {"action": "register"})
    client.logout()
    page = client.get("/en/documents/CWG-COP-24-1/").content.decode()
    assert "report gnp.exe" in page and not any(char in page for char in HIDDEN)
    listed = client.get("/api/v1/documents/CWG-COP-24-1").content.decode("unicode_escape")
    assert "report gnp.exe" in listed and "\u202e" not in listed


@pytest.mark.django_db
def test_text_sent_through_the_api_is_cleaned_the_same_way(client):
    client.force_login(SecretariatFactory())
    activity = NEW_ACTIVITY | {
        "titles": {"en": "Safer \u2067schools\u2069 in Kenya"},
        "descriptions": {"en": "Posters\x00 and meetings"},
        "original_language": "en",
    }
    response = client.post(
        "/api/v1/coordination/activities", activity, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["titles"] == {"en": "Safer schools in Kenya"}


@pytest.mark.django_db
def test_text_in_an_import_is_cleaned_the_same_way():
    countries.import_measures(
        rows=[
            {
                "country": "KE",
                "item": "tec-hotline",
                "status": "in_force",
                "description": "Hotline\u202e enoN",
            }
        ],
        by=SYSTEM,
    )
    assert Measure.objects.get().description == "Hotline enoN"


@pytest.mark.django_db
def test_cleaning_a_translated_field_writes_no_other_language():
    """A text written in French only stays French only: the cleaning step reads each stored
    column, not the attribute that falls back to another language."""
    from cophub.core.models import Organisation

    organisation = Organisation.objects.create(
        code="enquete-fr", kind="ngo", name_fr="Enquête\u202e publique"
    )
    organisation.refresh_from_db()
    assert organisation.name_fr == "Enquête publique"
    assert not organisation.name_en
