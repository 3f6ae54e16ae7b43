"""The secretariat names each consultation's safeguarding contacts in its own page."""

import pytest

from cophub.accounts.models import Role
from cophub.accounts.tests.factories import SecretariatFactory, UserFactory
from cophub.audit.models import Entry
from cophub.consultations import services
from cophub.core.errors import DomainError

from .factories import consultation

pytestmark = pytest.mark.django_db

PAGE = "/{}/safeguarding/contacts/"


def test_a_contact_is_added_and_removed_and_the_log_keeps_both():
    item = consultation()
    organiser = SecretariatFactory()
    contact = SecretariatFactory(email="safeguarding@itu.example")
    assert (
        services.add_safeguarding_contact(
            consultation=item, email=" Safeguarding@ITU.example ", by=organiser
        )
        == contact
    )
    assert list(item.safeguarding_contacts.all()) == [contact]
    services.remove_safeguarding_contact(
        consultation=item, email="safeguarding@itu.example", by=organiser
    )
    assert not item.safeguarding_contacts.exists()
    changes = [
        e.changes["safeguarding_contacts"]
        for e in Entry.objects.filter(
            model="consultations.Consultation", action="update", actor=organiser.email
        ).order_by("pk")
        if "safeguarding_contacts" in e.changes
    ]
    assert changes == [{"added": contact.email}, {"removed": contact.email}]


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("nobody@itu.example", "No active secretariat account has this address."),
        ("delegate@example.org", "No active secretariat account has this address."),
        ("retired@itu.example", "No active secretariat account has this address."),
        ("named@itu.example", "already a safeguarding contact"),
    ],
)
def test_only_an_active_secretariat_account_not_yet_named_is_added(email, message):
    item = consultation()
    item.safeguarding_contacts.add(SecretariatFactory(email="named@itu.example"))
    UserFactory(email="delegate@example.org", role=Role.MEMBER_STATE, country_id="KE")
    SecretariatFactory(email="retired@itu.example", is_active=False)
    with pytest.raises(DomainError, match=message):
        services.add_safeguarding_contact(consultation=item, email=email, by=SecretariatFactory())
    assert [c.email for c in item.safeguarding_contacts.all()] == ["named@itu.example"]


def test_only_the_secretariat_names_contacts():
    item = consultation()
    SecretariatFactory(email="safeguarding@itu.example")
    delegate = UserFactory(role=Role.MEMBER_STATE, country_id="KE")
    with pytest.raises(DomainError):
        services.add_safeguarding_contact(
            consultation=item, email="safeguarding@itu.example", by=delegate
        )
    assert not item.safeguarding_contacts.exists()


def test_the_page_adds_and_removes_a_contact(client):
    item = consultation()
    contact = SecretariatFactory(email="safeguarding@itu.example", full_name="Amina Haddad")
    client.force_login(SecretariatFactory())
    assert "Safeguarding contacts" in client.get("/en/safeguarding/").content.decode()
    html = client.get(PAGE.format("en")).content.decode()
    assert item.title in html
    assert "Nobody is named: the whole secretariat is told." in html
    data = {"consultation": item.slug, "email": contact.email}
    response = client.post(PAGE.format("en"), data | {"action": "add"})
    assert response.status_code == 302
    assert "Amina Haddad" in client.get(PAGE.format("en")).content.decode()
    response = client.post(PAGE.format("en"), data | {"action": "remove"})
    assert response.status_code == 302
    assert not item.safeguarding_contacts.exists()


@pytest.mark.parametrize(
    ("language", "data", "message"),
    [
        ("ar", {"email": "nobody@itu.example"}, "لا يوجد حساب نشط في الأمانة بهذا العنوان."),
        ("ru", {"email": "not an address"}, "Введите правильный адрес электронной почты."),
        ("zh", {"consultation": "no-such-one"}, "该咨询不存在。"),
        ("fr", {"action": "remove"}, "n’est pas référente de protection"),
        ("es", {"action": "promote"}, "Escoja una opción válida"),
    ],
)
def test_bad_input_is_refused_in_the_page_language_and_nothing_changes(
    client, language, data, message
):
    item = consultation()
    named = SecretariatFactory(email="named@itu.example")
    item.safeguarding_contacts.add(named)
    SecretariatFactory(email="other@itu.example")
    client.force_login(SecretariatFactory())
    before = Entry.objects.filter(model="consultations.Consultation").count()
    data = {"consultation": item.slug, "action": "add", "email": "other@itu.example"} | data
    if data["action"] == "remove":
        data["email"] = "other@itu.example"
    response = client.post(PAGE.format(language), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert list(item.safeguarding_contacts.all()) == [named]
    assert Entry.objects.filter(model="consultations.Consultation").count() == before


@pytest.mark.parametrize("role", [None, Role.MEMBER_STATE, Role.PUBLIC])
def test_anyone_but_the_secretariat_is_refused(client, role):
    item = consultation()
    contact = SecretariatFactory(email="safeguarding@itu.example")
    if role:
        client.force_login(UserFactory(role=role, country_id="KE"))
    assert client.get(PAGE.format("en")).status_code == 302
    data = {"consultation": item.slug, "action": "add", "email": contact.email}
    response = client.post(PAGE.format("en"), data)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not item.safeguarding_contacts.exists()
