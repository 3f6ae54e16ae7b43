"""The summary report of a closed consultation becomes an information document of its meeting."""

import pytest
from django.utils import translation

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.consultations import services
from cophub.core.errors import DomainError
from cophub.workgroup import selectors as workgroup_selectors

from .factories import consultation, move_to_past, respond

pytestmark = pytest.mark.django_db


def test_a_closed_consultation_is_registered_once_in_six_languages(client):
    item = consultation(state="open")
    for _ in range(5):
        respond(item)
    item = move_to_past(item)
    secretariat = SecretariatFactory()

    item = services.register_summary_report(consultation=item, registered_by=secretariat)

    document = item.summary_document
    assert document.number.startswith(f"{item.meeting.group.code}-{item.meeting.number}/")
    assert document.document_type == "information"
    assert item.title in document.title
    assert sorted(file.language for file in document.files.all()) == sorted(
        ["ar", "zh", "en", "fr", "ru", "es"]
    )
    # Registered documents are public at once, without a password.
    listed = client.get(f"/en/documents/{document.slug}/")
    assert listed.status_code == 200

    with translation.override("es"), pytest.raises(DomainError) as caught:
        services.register_summary_report(consultation=item, registered_by=secretariat)
    assert document.number in caught.value.message
    assert "ya está registrado" in caught.value.message
    assert workgroup_selectors.meeting_by_code(item.meeting.code) is not None


def test_an_open_consultation_has_no_summary_yet_and_nothing_is_written():
    item = consultation(state="open")
    with pytest.raises(DomainError, match="once the consultation has closed"):
        services.register_summary_report(consultation=item, registered_by=SecretariatFactory())
    item.refresh_from_db()
    assert item.summary_document is None


def test_only_the_secretariat_registers_the_summary():
    item = move_to_past(consultation(state="open"))
    with pytest.raises(DomainError):
        services.register_summary_report(consultation=item, registered_by=DelegateFactory())
    item.refresh_from_db()
    assert item.summary_document is None
