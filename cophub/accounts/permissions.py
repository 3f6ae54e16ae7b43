"""Who may do what: the one place every app asks.

A person's powers follow from their account's role (accounts.models.Role) and whom the role
speaks for: a Member State delegate for the Member State on the account, a Sector Member
delegate or stakeholder member for the organisation on the account. The secretariat runs the
working group and keeps every register. An inactive account may do nothing.

Services call these checks themselves (`require_secretariat`), so that no way in (a page, the
API, the admin, a command) can skip them; views use the decorators below to send a visitor to
sign in or refuse them before any work is done. Templates ask the same checks through the
`permissions` tag library: `{% if user|is_secretariat %}`.

`is_staff`, the flag Django's admin opens to, is not a second source of truth: it follows the
role (`models.staff_status`, written by `User.save` with the role; a constraint on the user
table holds every row to it). COP Hub's
own code reads it only to show the way to the admin in the page header.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import user_passes_test
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from cophub.core.errors import DomainError

from .models import ORGANISATION_ROLES, Role

View = Callable[..., HttpResponse]


def _signed_in(user: Any) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
    )


def is_secretariat(user: Any) -> bool:
    """The user is signed in, active, and of the secretariat. Safe for anonymous users and None."""
    return _signed_in(user) and getattr(user, "role", None) == Role.SECRETARIAT


def is_delegate(user: Any) -> bool:
    """Any account with a role beyond the public one: delegates, members and the secretariat."""
    return _signed_in(user) and getattr(user, "role", Role.PUBLIC) != Role.PUBLIC


def represents_country(user: Any, iso2: str | None) -> bool:
    """A Member State delegate speaks for the Member State recorded on their account only."""
    return bool(
        iso2 and _signed_in(user) and user.role == Role.MEMBER_STATE and user.country_id == iso2
    )


def represents_organisation(user: Any, organisation_id: int | None) -> bool:
    """A Sector Member delegate or stakeholder member speaks for their own organisation only."""
    return bool(
        organisation_id
        and _signed_in(user)
        and user.role in ORGANISATION_ROLES
        and user.organisation_id == organisation_id
    )


class System:
    """The platform acting on its own: a command an operator runs, the demo loader, a scheduled
    task. Services that the secretariat may call accept it in place of a person; no request ever
    carries it, so no visitor can act as it."""

    is_authenticated = False

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = System()


def person(actor: Any) -> Any:
    """The account to record as having acted: None for the platform itself."""
    return None if actor is SYSTEM else actor


def require_secretariat(actor: Any, message: str | None = None) -> None:
    """Refuse, with a translated message, anyone but the secretariat or the platform itself."""
    if actor is not SYSTEM and not is_secretariat(actor):
        raise DomainError(message or _("Only the secretariat can do this."))


# --- for views --------------------------------------------------------------------------------


def _refusal(check: Callable[[Any], bool], request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not check(request.user):
        raise PermissionDenied
    return None


def delegate_refusal(request: HttpRequest) -> HttpResponse | None:
    """For a view that needs a delegate for one method only: the answer to give anyone else (a
    redirect to sign in, or 403 raised), or None to go on."""
    return _refusal(is_delegate, request)


def _gated(check: Callable[[Any], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            return _refusal(check, request) or view(request, *args, **kwargs)

        return wrapped

    return decorator


# Anonymous visitors are sent to sign in; signed-in people the check refuses get 403.
secretariat_required = _gated(is_secretariat)
delegate_required = _gated(is_delegate)


def secretariat_page(view: View) -> View:
    """A secretariat tool beside the admin: anyone else is sent to the admin's sign-in page, as
    the admin itself does."""
    return user_passes_test(is_secretariat, login_url="admin:login")(view)
