"""The one module that answers who may do what, and the staff flag that follows the role."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from cophub.accounts import permissions
from cophub.accounts.models import Role, User
from cophub.core.errors import DomainError

from .factories import DelegateFactory, SecretariatFactory, UserFactory, organisation

pytestmark = pytest.mark.django_db


def test_who_is_secretariat_and_who_is_a_delegate():
    secretariat, delegate, public = SecretariatFactory(), DelegateFactory(), UserFactory()
    former = SecretariatFactory(is_active=False)
    assert [
        permissions.is_secretariat(u) for u in (secretariat, delegate, public, former, None)
    ] == [True, False, False, False, False]
    assert permissions.is_secretariat(AnonymousUser()) is False
    assert [permissions.is_delegate(u) for u in (secretariat, delegate, public, former)] == [
        True,
        True,
        False,
        False,
    ]


def test_a_delegate_speaks_for_their_own_member_state_and_organisation_only():
    delegate = DelegateFactory()  # Kenya
    member = UserFactory(role=Role.STAKEHOLDER, organisation=organisation("iwf"))
    assert permissions.represents_country(delegate, "KE")
    assert not permissions.represents_country(delegate, "TZ")
    assert not permissions.represents_country(SecretariatFactory(), "KE")
    assert not permissions.represents_country(delegate, None)
    iwf = organisation("iwf").pk
    assert permissions.represents_organisation(member, iwf)
    assert not permissions.represents_organisation(member, organisation("unicef").pk)
    assert not permissions.represents_organisation(delegate, iwf)
    assert not permissions.represents_organisation(member, None)


def test_require_secretariat_refuses_in_the_users_language_and_lets_the_platform_act():
    with translation.override("fr"), pytest.raises(DomainError) as refused:
        permissions.require_secretariat(DelegateFactory())
    assert refused.value.message == "Seul le secrétariat peut faire cela."
    with pytest.raises(DomainError):
        permissions.require_secretariat(None)
    permissions.require_secretariat(permissions.SYSTEM)
    permissions.require_secretariat(SecretariatFactory())
    assert permissions.person(permissions.SYSTEM) is None


def _view(request):
    return HttpResponse("done")


@pytest.mark.parametrize(
    ("decorator", "allowed"),
    [
        (permissions.secretariat_required, {"secretariat"}),
        (permissions.delegate_required, {"secretariat", "delegate"}),
    ],
)
def test_view_decorators_send_anonymous_visitors_to_sign_in_and_refuse_the_others(
    decorator, allowed
):
    view = decorator(_view)
    request = RequestFactory().get("/en/somewhere/?page=2")
    request.user = AnonymousUser()
    response = view(request)
    assert (response.status_code, response["Location"]) == (
        302,
        "/en/accounts/login/?next=/en/somewhere/%3Fpage%3D2",
    )
    users = {
        "secretariat": SecretariatFactory(),
        "delegate": DelegateFactory(),
        "public": UserFactory(),
    }
    for name, user in users.items():
        request.user = user
        if name in allowed:
            assert view(request).content == b"done"
        else:
            with pytest.raises(PermissionDenied):
                view(request)


def test_secretariat_pages_send_everyone_else_to_the_admin_sign_in():
    view = permissions.secretariat_page(_view)
    request = RequestFactory().get("/en/tool/")
    for user in (AnonymousUser(), DelegateFactory()):
        request.user = user
        response = view(request)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/admin/login/?next=")
    request.user = SecretariatFactory()
    assert view(request).content == b"done"


def test_staff_status_follows_the_role():
    secretariat = User.objects.create_user("s@example.org", full_name="S", role=Role.SECRETARIAT)
    asked = User.objects.create_user("p@example.org", full_name="P", is_staff=True)
    assert (secretariat.is_staff, asked.is_staff) == (True, False)
    superuser = User.objects.create_superuser("root@example.org", full_name="Root")
    assert superuser.is_staff and superuser.role == Role.SECRETARIAT
    with transaction.atomic(), pytest.raises(IntegrityError):
        User.objects.filter(pk=asked.pk).update(is_staff=True)
    with transaction.atomic(), pytest.raises(IntegrityError):
        User.objects.filter(pk=secretariat.pk).update(role=Role.PUBLIC)
    asked.role = Role.SECRETARIAT
    asked.save(update_fields=["role"])
    asked.refresh_from_db()
    assert asked.is_staff
    asked.role, asked.is_staff = Role.PUBLIC, True
    with translation.override("es"), pytest.raises(ValidationError) as invalid:
        asked.full_clean(exclude=["password"])
    assert "Solo las cuentas de la secretaría y de superusuario tienen estatus de personal." in str(
        invalid.value
    )
