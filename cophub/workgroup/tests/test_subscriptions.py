"""Notices of new documents go only to addresses whose owner asked for them (issue 21, item 8):
a valid address, a confirmation link mailed first (double opt-in), an unsubscribe link in every
notice, and a few subscriptions an hour per client."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.errors import DomainError
from cophub.jobs.models import OutgoingMail
from cophub.workgroup import services
from cophub.workgroup.models import Subscription

from .factories import MeetingFactory, submitted_contribution

pytestmark = pytest.mark.django_db

BASE_URL = "https://cophub.example"


def register_a_document(meeting):
    return services.register_document(
        document=submitted_contribution(DelegateFactory(), meeting),
        registered_by=SecretariatFactory(),
        base_url=BASE_URL,
    )


def mail_to(address):
    return list(OutgoingMail.objects.filter(recipient=address).order_by("pk"))


def test_an_unconfirmed_address_gets_the_link_and_no_notice_until_it_is_followed():
    meeting = MeetingFactory(number=24)
    subscription = services.subscribe(email="Reader@Example.org", language="fr", base_url=BASE_URL)
    [confirmation] = mail_to("reader@example.org")
    link = f"{BASE_URL}/fr/documents/subscribe/confirm/{subscription.token}/"
    assert link in confirmation.body
    with translation.override("fr"):
        assert translation.gettext("Confirm your subscription to new documents") in (
            confirmation.subject
        )
    assert confirmation.subject != "Confirm your subscription to new documents"  # French

    register_a_document(meeting)
    assert mail_to("reader@example.org") == [confirmation]  # no notice before the link

    services.confirm_subscription(token=subscription.token)
    document = register_a_document(meeting)
    [_confirmation, notice] = mail_to("reader@example.org")
    assert document.number in notice.subject
    unsubscribe = f"{BASE_URL}/fr/documents/unsubscribe/{subscription.token}/"
    assert unsubscribe in notice.body


def test_the_link_is_mailed_at_most_once_an_hour_and_never_to_a_confirmed_address():
    now = timezone.now()
    subscription = services.subscribe(email="reader@example.org", now=now)
    services.subscribe(email="reader@example.org", now=now + datetime.timedelta(minutes=59))
    assert len(mail_to("reader@example.org")) == 1
    services.subscribe(email="reader@example.org", now=now + datetime.timedelta(minutes=61))
    assert len(mail_to("reader@example.org")) == 2
    services.confirm_subscription(token=subscription.token)
    services.subscribe(email="reader@example.org", now=now + datetime.timedelta(hours=3))
    assert len(mail_to("reader@example.org")) == 2
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize(
    "address",
    [
        "",
        "not an address",
        "@",
        "reader@",
        "@example.org",
        "reader@@example.org",
        "reader@example.org\nBcc: victim@example.org",
        "reader@example.org, victim@example.org",
        "reader@exa mple.org",
        "a" * 300 + "@example.org",
    ],
)
def test_an_address_that_is_not_one_is_refused_and_nothing_is_stored_or_sent(address):
    with pytest.raises(DomainError, match="valid e-mail"):
        services.subscribe(email=address)
    assert not Subscription.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_a_subscription_through_the_page_is_confirmed_by_the_link(client):
    response = client.post(
        "/es/documents/subscribe/", {"email": "lectora@example.org", "document_type": "report"}
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.document_type, subscription.language) == (
        "lectora@example.org",
        "report",
        "es",
    )
    assert subscription.confirmed_at is None
    [confirmation] = mail_to("lectora@example.org")
    address = f"/es/documents/subscribe/confirm/{subscription.token}/"
    assert f"http://testserver{address}" in confirmation.body

    page = client.get(address)  # a mail filter opening the link confirms nothing
    assert page.status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    assert client.post(address).status_code == 302
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert client.get("/es/documents/subscribe/confirm/not-a-token/").status_code == 404
    assert client.post("/es/documents/subscribe/confirm/not-a-token/").status_code == 404

    client.post(f"/es/documents/unsubscribe/{subscription.token}/")
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("language", ["ar", "zh", "en", "fr", "ru", "es"])
def test_a_bad_address_is_refused_in_the_page_language_with_a_4xx(client, language):
    Subscription.objects.create(email="kept@example.org", token="kept-token")
    response = client.post(f"/{language}/documents/subscribe/", {"email": "reader@@example.org"})
    assert response.status_code == 422
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("Enter a valid email address.") in html
    assert list(Subscription.objects.values_list("email", flat=True)) == ["kept@example.org"]
    assert not OutgoingMail.objects.exists()


def test_subscriptions_over_the_rate_limit_are_refused_with_429_and_send_nothing(client, settings):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMITS = {**settings.RATELIMITS, "subscription": "2/h"}
    cache.clear()
    try:
        for n in range(2):
            response = client.post("/en/documents/subscribe/", {"email": f"r{n}@example.org"})
            assert response.status_code == 302
        response = client.post("/en/documents/subscribe/", {"email": "victim@example.org"})
        assert response.status_code == 429
        assert "Retry-After" in response
        assert not Subscription.objects.filter(email="victim@example.org").exists()
        assert not mail_to("victim@example.org")
        # other writes keep their own budget
        assert client.post("/en/accounts/request/", {}).status_code != 429
    finally:
        cache.clear()
