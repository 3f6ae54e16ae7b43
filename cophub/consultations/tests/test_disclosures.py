"""A detected disclosure: the child's help page, the safeguarding contacts' notice through the
outbox, the moderation page, raising again, and the audit log of who read and handled it."""

import datetime

import pytest
from django.core import mail as sent_mail
from django.urls import reverse
from django.utils import timezone, translation

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.audit.models import Entry
from cophub.consultations import services
from cophub.consultations.models import Disclosure
from cophub.core.errors import DomainError
from cophub.jobs.models import OutgoingMail

from .factories import answers_for, consultation, respond, token_for

pytestmark = pytest.mark.django_db

# No keyword of the word lists: an adult, a meeting, secrecy.
DISCLOSURE = "a man i met in the game wants to see me irl, just us two, and says not to tell mum"


def _post(client, item, text, *, lang="en", country="KE"):
    with translation.override(lang):
        url = reverse("consultations:questions", kwargs={"slug": item.slug})
    data = {"p": token_for(item, language=lang, country=country)} | answers_for(item, text=text)
    return client.post(url, data)


def test_a_disclosure_tells_the_named_contact_without_the_text(
    client, django_capture_on_commit_callbacks
):
    contact = SecretariatFactory(email="safeguarding@itu.example", preferred_language="fr")
    SecretariatFactory(email="other@itu.example")
    item = consultation()
    item.safeguarding_contacts.add(contact)
    with django_capture_on_commit_callbacks(execute=True):
        page = _post(client, item, DISCLOSURE)
    assert "You are not alone" in page.content.decode()
    disclosure = Disclosure.objects.get()
    assert disclosure.handled_at is None
    assert disclosure.raised_at.second == 0 and disclosure.raised_at.microsecond == 0
    mail = OutgoingMail.objects.get()
    assert mail.recipient == "safeguarding@itu.example"
    # Delivered once the answer committed (without a broker the queue runs the task at once),
    # and its text not kept in the outbox afterwards.
    assert mail.sent_at is not None and mail.body == ""
    (sent,) = sent_mail.outbox
    assert sent.to == ["safeguarding@itu.example"]
    # In the contact's language, with a link to the moderation page and none of the answer.
    assert "danger" in sent.subject.lower() or "danger" in sent.body.lower()
    assert "game" not in sent.body and "tell mum" not in sent.body
    assert f"/en/safeguarding/{disclosure.pk}/" in sent.body


def test_without_named_contacts_the_whole_secretariat_is_told(client):
    SecretariatFactory(email="a@itu.example")
    SecretariatFactory(email="b@itu.example")
    _post(client, consultation(), DISCLOSURE)
    assert sorted(OutgoingMail.objects.values_list("recipient", flat=True)) == [
        "a@itu.example",
        "b@itu.example",
    ]


def test_an_ordinary_answer_opens_nothing_and_the_thanks_show_the_helpline(client):
    SecretariatFactory()
    page = _post(client, consultation(), "we learned about grooming at school", country="FR")
    body = page.content.decode()
    assert "You are not alone" not in body
    assert "116 111" in body and 'class="help-now"' in body
    assert 'id="quick-exit"' in body
    assert not Disclosure.objects.exists() and not OutgoingMail.objects.exists()


def test_an_unhandled_disclosure_is_raised_again_and_a_handled_one_is_not(
    django_capture_on_commit_callbacks,
):
    contact = SecretariatFactory(email="safeguarding@itu.example")
    item = consultation()
    item.safeguarding_contacts.add(contact)
    respond(item, text=DISCLOSURE)
    respond(item, text="my stepdad uses his belt on me", device="other")
    first, second = Disclosure.objects.order_by("pk")
    services.handle_disclosure(disclosure=second, by=contact)
    assert services.raise_unhandled_disclosures() == 0  # not yet due
    later = timezone.now() + datetime.timedelta(minutes=31)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.raise_unhandled_disclosures(now=later) == 1
    first.refresh_from_db()
    assert first.notices == 2
    assert OutgoingMail.objects.count() == 3
    assert "notice number 2" in sent_mail.outbox[-1].body


def test_the_moderation_page_shows_what_waits_and_the_log_says_who_read_and_handled(client):
    contact = SecretariatFactory(email="safeguarding@itu.example")
    item = consultation()
    respond(item, text=DISCLOSURE)
    disclosure = Disclosure.objects.get()
    client.force_login(contact)
    listing = client.get("/en/safeguarding/").content.decode()
    assert "Waiting" in listing and f"/en/safeguarding/{disclosure.pk}/" in listing
    opened = client.get(f"/en/safeguarding/{disclosure.pk}/").content.decode()
    assert "just us two" in opened
    client.post(f"/en/safeguarding/{disclosure.pk}/")
    disclosure.refresh_from_db()
    assert disclosure.handled_by == contact and disclosure.handled_at is not None
    assert "safeguarding@itu.example" in client.get("/en/safeguarding/").content.decode()
    entries = Entry.objects.filter(model="consultations.Disclosure").order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [
        ("read", "safeguarding@itu.example"),
        ("handle", "safeguarding@itu.example"),
    ]
    for entry in entries:
        assert "game" not in str(entry.changes) + entry.object_label
    # Handled twice: refused, with the message on the page.
    again = client.post(f"/en/safeguarding/{disclosure.pk}/", follow=True)
    assert "already been handled" in again.content.decode()


def test_only_the_secretariat_opens_a_disclosure(client):
    respond(consultation(), text=DISCLOSURE)
    disclosure = Disclosure.objects.get()
    assert client.get(f"/en/safeguarding/{disclosure.pk}/").status_code == 302
    with pytest.raises(DomainError):
        services.handle_disclosure(disclosure=disclosure, by=None)
    assert Disclosure.objects.get().handled_at is None
