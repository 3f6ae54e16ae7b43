"""The secretariat confirms or refuses entries imported unlisted, in its own pages."""

import pytest
from django.utils import translation

from cophub.accounts.models import Role
from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import SecretariatFactory, UserFactory
from cophub.audit.models import Entry
from cophub.core.errors import DomainError
from cophub.helplines import selectors, services
from cophub.helplines.forms import ListingForm
from cophub.helplines.models import ContactChannel, Helpline

from .factories import ChannelFactory, HelplineFactory

pytestmark = pytest.mark.django_db

PAGE = "/{}/help/manage/to-confirm/"


def _waiting(**values):
    values = {"key": "child-helpline-kh", "name": "Child Helpline Cambodia 1280"} | values
    helpline = HelplineFactory(
        country_id="KH",
        active=False,
        source_name="Child Helpline Cambodia: free 24-hour helpline 1280",
        source_url="https://childhelplinecambodia.org/page/8",
        **values,
    )
    ChannelFactory(helpline=helpline, value="1280", works_in=["KH"], timezone="Asia/Phnom_Penh")
    return helpline


def test_confirming_shows_the_entry_to_children_and_logs_who_did_it():
    helpline = _waiting()
    secretariat = SecretariatFactory()
    assert list(selectors.waiting_for_confirmation()) == [helpline]
    services.list_for_children(helpline=helpline, by=secretariat)
    helpline.refresh_from_db()
    assert helpline.active
    assert not selectors.waiting_for_confirmation().exists()
    entry = Entry.objects.get(action="publish", model="helplines.Helpline")
    assert (entry.object_pk, entry.actor) == (str(helpline.pk), secretariat.email)
    with pytest.raises(DomainError, match="no longer waiting"):
        services.list_for_children(helpline=helpline, by=secretariat)


def test_refusing_needs_a_reason_and_removes_the_entry_with_the_reason_logged():
    helpline = _waiting()
    secretariat = SecretariatFactory()
    with pytest.raises(DomainError, match="Say why"):
        services.refuse_listing(helpline=helpline, by=secretariat, reason="  ")
    assert Helpline.objects.filter(pk=helpline.pk).exists()
    services.refuse_listing(helpline=helpline, by=secretariat, reason="The source is gone.")
    assert not Helpline.objects.filter(pk=helpline.pk).exists()
    assert not ContactChannel.objects.exists()
    entry = Entry.objects.get(action="reject", model="helplines.Helpline")
    assert entry.changes == {"reason": "The source is gone."}


def test_only_the_secretariat_confirms_or_refuses_and_a_listed_entry_is_not_refused():
    helpline = _waiting()
    delegate = UserFactory(role=Role.MEMBER_STATE, country_id="KH")
    with pytest.raises(DomainError):
        services.list_for_children(helpline=helpline, by=delegate)
    with pytest.raises(DomainError):
        services.refuse_listing(helpline=helpline, by=delegate, reason="No.")
    helpline.refresh_from_db()
    assert not helpline.active
    listed = HelplineFactory(key="listed")
    with pytest.raises(DomainError, match="no longer waiting"):
        services.refuse_listing(helpline=listed, by=SYSTEM, reason="No.")
    assert Helpline.objects.filter(pk=listed.pk).exists()
    assert not Entry.objects.filter(action__in=["publish", "reject"]).exists()


def test_the_page_lists_each_entry_with_its_source_and_date_and_confirms_it(client):
    helpline = _waiting()
    client.force_login(SecretariatFactory())
    html = client.get(PAGE.format("en")).content.decode()
    assert "Child Helpline Cambodia 1280" in html
    assert "https://childhelplinecambodia.org/page/8" in html
    assert helpline.last_verified.isoformat() in html
    assert "Entries waiting for confirmation" in client.get("/en/help/manage/").content.decode()
    response = client.post(PAGE.format("en"), {"key": helpline.key, "decision": "confirm"})
    assert response.status_code == 302
    helpline.refresh_from_db()
    assert helpline.active
    assert "Child Helpline Cambodia 1280" in client.get("/en/help/KH/").content.decode()


@pytest.mark.parametrize(
    ("language", "data", "message"),
    [
        ("ar", {"decision": "refuse", "reason": ""}, "اذكر سبب رفض المدخل."),
        ("fr", {"decision": "refuse", "reason": ""}, "Indiquez pourquoi l’entrée est refusée."),
        ("ru", {"decision": "confirm", "key": "unknown"}, "больше не ожидает подтверждения"),
        ("zh", {"decision": "publish"}, None),
        ("es", {"decision": "confirm", "key": ""}, "Esta entrada"),
    ],
)
def test_bad_input_is_refused_in_the_page_language_and_nothing_changes(
    client, language, data, message
):
    helpline = _waiting()
    client.force_login(SecretariatFactory())
    data = {"key": helpline.key} | data
    if data["key"] == "":
        # No entry named at all: the form itself refuses it.
        message = "Este campo es obligatorio"
    response = client.post(PAGE.format(language), data)
    assert response.status_code == 422
    html = response.content.decode()
    if message is None:
        # An unknown decision: Django's own message, in the page's language.
        with translation.override(language):
            invalid = ListingForm.base_fields["decision"].error_messages["invalid_choice"]
            message = str(invalid) % {"value": "publish"}
        assert "publish" in message and "Select" not in message
    assert 'id="error-summary"' in html
    assert message in html
    helpline.refresh_from_db()
    assert not helpline.active
    assert not Entry.objects.filter(action__in=["publish", "reject"]).exists()


@pytest.mark.parametrize("role", [None, Role.MEMBER_STATE, Role.PUBLIC])
def test_anyone_but_the_secretariat_is_refused(client, role):
    helpline = _waiting()
    if role:
        client.force_login(UserFactory(role=role, country_id="KH"))
    assert client.get(PAGE.format("en")).status_code in (302, 403)
    response = client.post(PAGE.format("en"), {"key": helpline.key, "decision": "confirm"})
    assert response.status_code == (403 if role else 302)
    helpline.refresh_from_db()
    assert not helpline.active
