import re

import pytest
from django.core import mail
from django.test import Client

from cophub.accounts import services
from cophub.accounts.models import AccountRequest, Role, User
from cophub.core.errors import DomainError
from cophub.core.models import Country, Organisation

from .factories import AccountRequestFactory, SecretariatFactory, UserFactory, organisation

pytestmark = pytest.mark.django_db(transaction=False)


def _request(**overrides):
    fields = {
        "email": "Delegate@Example.org",
        "full_name": "Ana Souza",
        "role": Role.MEMBER_STATE,
        "position": "Adviser",
        "country": Country.objects.get(iso2="BR"),
        "language": "es",
    }
    return services.request_account(**(fields | overrides))


def test_a_request_waits_for_the_secretariat_and_is_acknowledged_in_the_chosen_language(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        account_request = _request()
    assert account_request.status == AccountRequest.Status.PENDING
    assert account_request.email == "delegate@example.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["delegate@example.org"]
    assert "COP Hub" in mail.outbox[0].subject
    assert "Ana Souza" in mail.outbox[0].body
    assert "secretaría" in mail.outbox[0].body.lower()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"country": None}, "country"),
        ({"country": "PR"}, "country"),  # not an ITU Member State
        ({"role": Role.STAKEHOLDER, "country": None}, "organisation"),
        ({"role": Role.SECRETARIAT}, "role"),
        ({"role": Role.PUBLIC}, "role"),
    ],
)
def test_bad_requests_are_refused_with_the_field_and_nothing_is_written(overrides, field):
    if overrides.get("country") == "PR":
        overrides["country"] = Country.objects.get(iso2="PR")
    with pytest.raises(DomainError) as error:
        _request(**overrides)
    assert error.value.field == field
    assert str(error.value)
    assert AccountRequest.objects.count() == 0
    assert mail.outbox == []


def test_the_answer_does_not_reveal_that_an_address_has_an_account(
    django_capture_on_commit_callbacks,
):
    UserFactory(email="delegate@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert _request() is None
    assert AccountRequest.objects.count() == 0
    assert len(mail.outbox) == 1
    assert "/es/accounts/login/" in mail.outbox[0].body


def test_a_second_request_while_one_is_pending_keeps_the_first(django_capture_on_commit_callbacks):
    first = _request()
    with django_capture_on_commit_callbacks(execute=True):
        assert _request(full_name="Someone Else", email="DELEGATE@example.org") is None
    assert list(AccountRequest.objects.all()) == [first]
    assert AccountRequest.objects.get().full_name == "Ana Souza"
    assert len(mail.outbox) == 1


def test_approval_opens_the_account_and_the_link_sets_a_password(
    django_capture_on_commit_callbacks,
):
    secretariat = SecretariatFactory()
    account_request = _request()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        user = services.approve_account_request(
            account_request=account_request,
            decided_by=secretariat,
            base_url="https://cophub.example.org",
        )
    assert (user.role, user.country_id, user.preferred_language) == (Role.MEMBER_STATE, "BR", "es")
    assert not user.has_usable_password()
    account_request.refresh_from_db()
    assert (account_request.status, account_request.user, account_request.decided_by) == (
        "approved",
        user,
        secretariat,
    )

    link = re.search(
        r"https://cophub\.example\.org(/es/accounts/password/reset/\S+/)", mail.outbox[0].body
    ).group(1)
    client = Client()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "Green tea at the harbour 42",
            "new_password2": "Green tea at the harbour 42",
        },
    )
    assert response.status_code == 302
    # Through the sign-in page, as django-axes needs the request to count attempts.
    signed_in = Client().post(
        "/es/accounts/login/",
        {"username": "delegate@example.org", "password": "Green tea at the harbour 42"},
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/es/accounts/profile/"


def test_approving_twice_or_after_rejection_is_refused():
    secretariat = SecretariatFactory()
    account_request = AccountRequestFactory()
    services.approve_account_request(account_request=account_request, decided_by=secretariat)
    with pytest.raises(DomainError):
        services.approve_account_request(account_request=account_request, decided_by=secretariat)
    assert User.objects.filter(email=account_request.email).count() == 1

    rejected = AccountRequestFactory()
    services.reject_account_request(
        account_request=rejected, decided_by=secretariat, reason="Not a delegate"
    )
    with pytest.raises(DomainError):
        services.approve_account_request(account_request=rejected, decided_by=secretariat)
    assert not User.objects.filter(email=rejected.email).exists()


def test_only_the_secretariat_decides_a_request():
    from django.utils import translation

    from .factories import DelegateFactory

    account_request = AccountRequestFactory()
    former = SecretariatFactory(is_active=False)
    for user in (DelegateFactory(), UserFactory(), former):
        with translation.override("ar"), pytest.raises(DomainError) as refused:
            services.approve_account_request(account_request=account_request, decided_by=user)
        assert refused.value.message == "الأمانة وحدها تبتّ في طلبات الحسابات."
        with pytest.raises(DomainError):
            services.reject_account_request(
                account_request=account_request, decided_by=user, reason="No"
            )
    account_request.refresh_from_db()
    assert (account_request.status, account_request.decided_by) == ("pending", None)
    assert not User.objects.filter(email=account_request.email).exists()


def test_rejection_needs_a_reason_and_sends_it(django_capture_on_commit_callbacks):
    secretariat = SecretariatFactory()
    account_request = AccountRequestFactory(preferred_language="fr")
    with pytest.raises(DomainError) as error:
        services.reject_account_request(
            account_request=account_request, decided_by=secretariat, reason="  "
        )
    assert error.value.field == "reason"
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_account_request(
            account_request=account_request,
            decided_by=secretariat,
            reason="Please ask through your administration.",
        )
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.REJECTED
    assert "Please ask through your administration." in mail.outbox[-1].body


def test_a_new_organisation_is_recorded_when_a_stakeholder_is_approved():
    secretariat = SecretariatFactory()
    account_request = _request(
        email="trust@newco.example",
        role=Role.STAKEHOLDER,
        country=None,
        organisation_name="Safe Play Foundation",
        language="fr",
    )
    assert account_request.country is None
    user = services.approve_account_request(account_request=account_request, decided_by=secretariat)
    assert user.organisation.name_fr == "Safe Play Foundation"
    assert user.organisation.kind == Organisation.Kind.STAKEHOLDER


def test_a_listed_organisation_is_used_as_it_is():
    account_request = _request(
        email="analyst@iwf.example",
        role=Role.SECTOR_MEMBER,
        country=None,
        organisation=organisation("iwf"),
    )
    before = Organisation.objects.count()
    user = services.approve_account_request(
        account_request=account_request, decided_by=SecretariatFactory()
    )
    assert user.organisation.code == "iwf"
    assert Organisation.objects.count() == before


def test_the_database_refuses_a_delegate_without_a_country():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="x@example.org", full_name="X", role=Role.MEMBER_STATE)
