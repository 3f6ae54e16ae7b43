"""Reads of the accounts that other apps need."""

from typing import Any

from django.db.models import QuerySet

from .models import ORGANISATION_ROLES, Role, User


def speakers_for(*, country_id: str | None = None, organisation_id: int | None = None) -> QuerySet:
    """The active accounts that speak for a Member State (its delegates) or an organisation (its
    Sector Member delegates or members): whom to ask when it is named in a document."""
    accounts: QuerySet[Any] = User.objects.filter(is_active=True)
    if country_id:
        return accounts.filter(role=Role.MEMBER_STATE, country_id=country_id)
    if organisation_id:
        return accounts.filter(role__in=ORGANISATION_ROLES, organisation_id=organisation_id)
    return accounts.none()


def pending_account_requests() -> QuerySet:
    """The account requests waiting for the secretariat, oldest first."""
    from .models import AccountRequest

    return (
        AccountRequest.objects.filter(status=AccountRequest.Status.PENDING)
        .select_related("country", "organisation")
        .order_by("created_at")
    )


def account_request(pk: int) -> Any:
    from django.shortcuts import get_object_or_404

    from .models import AccountRequest

    return get_object_or_404(AccountRequest, pk=pk)


def approved_accounts() -> QuerySet:
    """Every active account the secretariat approved (delegates, members, the secretariat):
    whom the working group writes to when it convenes a meeting."""
    accounts: QuerySet[Any] = User.objects.filter(is_active=True)
    return accounts.exclude(role=Role.PUBLIC)
