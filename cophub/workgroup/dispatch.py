"""Sending documents to organisations, not only publishing them.

Resolution 179 asks the Secretary-General to inform the members of the COP Initiative and the
Secretary-General of the United Nations (SG 5), and the group to liaise with other groups: an
outgoing liaison statement or a report is sent from here to a distribution list of
organisations, each address in its own language, and the dispatch is recorded on the document.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cophub.accounts.permissions import require_secretariat
from cophub.core.errors import DomainError
from cophub.core.i18n import LANGUAGE_CODES
from cophub.core.models import Organisation
from cophub.jobs.services import send_mail_after_commit

from .models import Dispatch, DistributionAddress, DistributionList, Document, DocumentType

# What is sent: liaison statements going out, and the reports (Resolution 179 SG 5 and 6,
# Resolution 1306 §1.3 and §6).
SENDABLE_TYPES = (
    DocumentType.REPORT,
    DocumentType.ANNUAL_REPORT,
    DocumentType.FINAL_REPORT,
)


def sendable(document: Document) -> bool:
    if document.status != Document.Status.REGISTERED:
        return False
    if document.document_type == DocumentType.LIAISON:
        return document.liaison_direction == Document.Direction.OUTGOING
    return document.document_type in SENDABLE_TYPES


@transaction.atomic
def create_distribution_list(*, name: str, by: Any) -> DistributionList:
    require_secretariat(by, _("Only the secretariat keeps the distribution lists."))
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the list a name."), field="name")
    if DistributionList.objects.filter(name__iexact=name).exists():
        raise DomainError(_("A list with this name exists already."), field="name")
    return DistributionList.objects.create(name=name)


@transaction.atomic
def add_address(
    *,
    distribution_list: DistributionList,
    organisation: Organisation | None,
    email: str,
    language: str,
    by: Any,
) -> DistributionAddress:
    require_secretariat(by, _("Only the secretariat keeps the distribution lists."))
    if organisation is None:
        raise DomainError(_("Choose the organisation."), field="organisation")
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(_("Enter a valid e-mail address."), field="email") from error
    if language not in LANGUAGE_CODES:
        raise DomainError(_("Choose one of the six languages."), field="language")
    try:
        with transaction.atomic():
            return DistributionAddress.objects.create(
                distribution_list=distribution_list,
                organisation=organisation,
                email=email,
                language=language,
            )
    except IntegrityError as error:
        raise DomainError(_("This address is on the list already."), field="email") from error


@transaction.atomic
def remove_address(*, address: DistributionAddress, by: Any) -> None:
    require_secretariat(by, _("Only the secretariat keeps the distribution lists."))
    address.delete()


@transaction.atomic
def send_document(
    *, document: Document, distribution_list: DistributionList, by: Any, base_url: str = ""
) -> Dispatch:
    """Mail the document's address to every address on the list, in its language, and record
    the dispatch on the document."""
    require_secretariat(by, _("Only the secretariat sends documents."))
    if not sendable(document):
        raise DomainError(
            _("Only registered outgoing liaison statements and reports are sent to lists.")
        )
    addresses = list(distribution_list.addresses.select_related("organisation"))
    if not addresses:
        raise DomainError(_("This list has no address yet."), field="distribution_list")
    for address in addresses:
        with translation.override(address.language):
            url = base_url + reverse("workgroup:document", args=[document.slug])
        send_mail_after_commit(
            to=address.email,
            language=address.language,
            template="workgroup/email/document_sent.txt",
            context={"document": document, "url": url, "organisation": address.organisation},
        )
    names = sorted(
        {address.organisation.acronym or address.organisation.name for address in addresses}
    )
    return Dispatch.objects.create(
        document=document,
        distribution_list=distribution_list,
        organisations=", ".join(names),
        recipients=len(addresses),
        sent_by=by,
    )


def distribution_lists() -> QuerySet[DistributionList]:
    return DistributionList.objects.prefetch_related("addresses__organisation")


def dispatches_of(document: Document) -> QuerySet[Dispatch]:
    return document.dispatches.select_related("distribution_list", "sent_by")
