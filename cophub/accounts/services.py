"""Every write on accounts: asking for one, and the secretariat's decision."""

from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cophub.accounts.permissions import require_secretariat
from cophub.core.errors import DomainError
from cophub.core.models import Country, Organisation
from cophub.jobs.services import send_mail_after_commit

from .models import (
    ORGANISATION_ROLES,
    REQUESTABLE_ROLES,
    AccountRequest,
    PasswordResetRequest,
    Role,
    User,
)


def _send(*, to: str, language: str, template: str, context: dict) -> None:
    """One e-mail in the recipient's language, delivered by the task queue once the transaction
    has committed. The template's first line is the subject."""
    send_mail_after_commit(to=to, language=language, template=template, context=context)


def _localised_url(name: str, language: str, **kwargs: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def _check_request(
    *,
    role: str,
    country: Country | None,
    organisation: Organisation | None,
    organisation_name: str,
) -> None:
    if role not in REQUESTABLE_ROLES:
        raise DomainError(_("Choose one of the roles offered."), field="role")
    if role == Role.MEMBER_STATE:
        if country is None:
            raise DomainError(_("Choose the Member State you represent."), field="country")
        if not country.itu_member:
            raise DomainError(_("Only ITU Member States can be represented."), field="country")
    if role in ORGANISATION_ROLES and organisation is None and not organisation_name.strip():
        raise DomainError(
            _("Choose your organisation, or write its name if it is not in the list."),
            field="organisation",
        )


@transaction.atomic
def request_account(
    *,
    email: str,
    full_name: str,
    role: str,
    position: str,
    country: Country | None = None,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    note: str = "",
    language: str = "en",
    base_url: str = "",
) -> AccountRequest | None:
    """Record a request for the secretariat, or tell the address's owner why none was needed.

    The answer on the page is the same either way, so that nobody learns from it whether an
    address already has an account: the mail to that address says so instead (Resolution 179
    work involves government delegates whose participation is theirs to disclose).
    """
    email = email.strip().lower()
    _check_request(
        role=role, country=country, organisation=organisation, organisation_name=organisation_name
    )
    if role != Role.MEMBER_STATE:
        country = None
    if role not in ORGANISATION_ROLES:
        organisation, organisation_name = None, ""
    if User.objects.filter(email__iexact=email).exists():
        _send(
            to=email,
            language=language,
            template="accounts/email/already_registered.txt",
            context={"login_url": base_url + _localised_url("login", language)},
        )
        return None
    try:
        with transaction.atomic():
            account_request = AccountRequest.objects.create(
                email=email,
                full_name=full_name.strip(),
                role=role,
                country=country,
                organisation=organisation,
                organisation_name=organisation_name.strip(),
                position=position.strip(),
                note=note.strip(),
                preferred_language=language,
            )
    except IntegrityError:
        # One pending request per address: the first one stands.
        _send(
            to=email, language=language, template="accounts/email/already_pending.txt", context={}
        )
        return None
    _send(
        to=email,
        language=language,
        template="accounts/email/request_received.txt",
        context={"request": account_request},
    )
    return account_request


def _organisation_for(account_request: AccountRequest) -> Organisation | None:
    if account_request.role not in ORGANISATION_ROLES:
        return None
    if account_request.organisation:
        return account_request.organisation
    name = account_request.organisation_name
    kind = (
        Organisation.Kind.SECTOR_MEMBER
        if account_request.role == Role.SECTOR_MEMBER
        else Organisation.Kind.STAKEHOLDER
    )
    code = slugify(name)[:50] or "organisation"
    if Organisation.objects.filter(code=code).exists():
        code = f"{code}-{account_request.pk}"
    lang = account_request.preferred_language
    return Organisation.objects.create(code=code, kind=kind, name=name, **{f"name_{lang}": name})


def _require_decider(actor: User) -> None:
    require_secretariat(actor, _("Only the secretariat decides account requests."))


@transaction.atomic
def approve_account_request(
    *, account_request: AccountRequest, decided_by: User, base_url: str = ""
) -> User:
    """Open the account and send its owner a link to choose a password."""
    _require_decider(decided_by)
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if account_request.status != AccountRequest.Status.PENDING:
        raise DomainError(_("This request has already been decided."))
    if User.objects.filter(email__iexact=account_request.email).exists():
        raise DomainError(_("An account with this e-mail address exists already."))
    user = User.objects.create_user(
        account_request.email,
        full_name=account_request.full_name,
        role=account_request.role,
        country=account_request.country,
        organisation=_organisation_for(account_request),
        preferred_language=account_request.preferred_language,
    )
    account_request.status = AccountRequest.Status.APPROVED
    account_request.decided_by = decided_by
    account_request.decided_at = timezone.now()
    account_request.user = user
    account_request.save()
    path = _localised_url(
        "accounts:password-reset-confirm",
        user.preferred_language,
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )
    _send(
        to=user.email,
        language=user.preferred_language,
        template="accounts/email/approved.txt",
        context={"user": user, "set_password_url": base_url + path},
    )
    return user


@transaction.atomic
def reject_account_request(
    *, account_request: AccountRequest, decided_by: User, reason: str
) -> AccountRequest:
    _require_decider(decided_by)
    if not reason.strip():
        raise DomainError(
            _("Give the reason for the rejection; it is sent to the person."), field="reason"
        )
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if account_request.status != AccountRequest.Status.PENDING:
        raise DomainError(_("This request has already been decided."))
    account_request.status = AccountRequest.Status.REJECTED
    account_request.decided_by = decided_by
    account_request.decided_at = timezone.now()
    account_request.decision_reason = reason.strip()
    account_request.save()
    _send(
        to=account_request.email,
        language=account_request.preferred_language,
        template="accounts/email/rejected.txt",
        context={"request": account_request},
    )
    return account_request


@transaction.atomic
def request_password_reset(
    *, email: str, language: str, domain: str, use_https: bool
) -> PasswordResetRequest:
    """The same work for every address, known or not: one row and one task (tasks.py), which
    runs after the answer has been sent, or in a worker."""
    from cophub.jobs.queue import after_response

    from .tasks import send_password_reset

    reset = PasswordResetRequest.objects.create(
        email=email, language=language, domain=domain, use_https=use_https
    )
    after_response(send_password_reset, reset.pk)
    return reset
