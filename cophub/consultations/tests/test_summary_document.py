"""The summary report of a closed consultation becomes an information document of its meeting."""

import pytest
from django.utils import translation

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.consultations import services
from cophub.core.errors import DomainError
from cophub.workgroup import selectors as workgroup_selectors
from cophub.workgroup.tests.factories import AgendaItemFactory

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


def test_the_summary_is_filed_under_the_agenda_item_the_consultation_serves(client):
    item = consultation(state="open")
    respond(item)
    opening = AgendaItemFactory(meeting=item.meeting, number="1", title_en="Opening")
    youth = AgendaItemFactory(meeting=item.meeting, number="4", title_en="Young people's views")
    secretariat = SecretariatFactory()
    services.serve_agenda_item(consultation=item, agenda_item=youth, by=secretariat)
    item = services.register_summary_report(
        consultation=move_to_past(item), registered_by=secretariat
    )

    document = item.summary_document
    assert document.agenda_item == youth
    # The materials page lists it under that item, and under no other.
    page = client.get(f"/en/meetings/{item.meeting.code}/").content.decode()
    documents = page.split('<section id="documents"', 1)[1].split("</section>", 1)[0]
    under = {part.split('"', 1)[0]: part for part in documents.split('<h3 id="item-')[1:]}
    assert document.number in under["4"]
    assert document.number not in under["1"]

    # Named later, the item moves the summary registered already.
    services.serve_agenda_item(consultation=item, agenda_item=opening, by=secretariat)
    document.refresh_from_db()
    assert document.agenda_item == opening


def test_an_item_of_another_meeting_or_a_delegate_is_refused_and_nothing_moves():
    item = move_to_past(consultation(state="open"))
    secretariat = SecretariatFactory()
    own = AgendaItemFactory(meeting=item.meeting)
    services.serve_agenda_item(consultation=item, agenda_item=own, by=secretariat)
    item = services.register_summary_report(consultation=item, registered_by=secretariat)

    with translation.override("fr"), pytest.raises(DomainError) as caught:
        services.serve_agenda_item(
            consultation=item, agenda_item=AgendaItemFactory(), by=secretariat
        )
    assert caught.value.message == (
        "Ce point n'est pas à l'ordre du jour de la réunion que sert la consultation."
    )
    with pytest.raises(DomainError):
        services.serve_agenda_item(consultation=item, agenda_item=None, by=DelegateFactory())
    item.refresh_from_db()
    item.summary_document.refresh_from_db()
    assert (item.agenda_item, item.summary_document.agenda_item) == (own, own)
