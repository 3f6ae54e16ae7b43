"""Every write of the working group: submission, registration, return, withdrawal, liaisons,
meeting registration and subscriptions. One function per action, each in one transaction."""

import datetime
import io
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cophub.accounts import selectors as accounts_selectors
from cophub.accounts.permissions import (
    is_delegate,
    is_secretariat,
    represents_country,
    represents_organisation,
    require_secretariat,
)
from cophub.core import cache as versioned
from cophub.core.errors import DomainError
from cophub.core.files import check_upload, extract_text, safe_filename
from cophub.core.i18n import LANGUAGE_CODES
from cophub.core.models import Country, MandateParagraph, Organisation
from cophub.core.pagecache import raise_version
from cophub.jobs.services import send_mail_after_commit

from . import search, selectors
from .models import (
    SUBMITTABLE_TYPES,
    AgendaItem,
    CoSource,
    Document,
    DocumentCounter,
    DocumentFile,
    DocumentType,
    Group,
    Meeting,
    MeetingRegistration,
    Subscription,
    validate_time_zone,
)

# Contributions are documents of record; 20 MB holds any text with its figures.
MAX_UPLOAD_BYTES = getattr(settings, "WORKGROUP_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)

VERSION_LABELS: dict[str, str] = {
    Document.Version.REVISION: "Rev",
    Document.Version.ADDENDUM: "Add",
    Document.Version.CORRIGENDUM: "Corr",
}


def default_contribution_deadline(starts_on: datetime.date) -> datetime.date:
    """ITU practice: contributions are due a fixed number of days before the meeting opens."""
    return starts_on - datetime.timedelta(days=settings.CONTRIBUTION_DEADLINE_DAYS)


def number_to_slug(number: str) -> str:
    """`CWG-COP-24/7(Rev.1)` is addressed as `CWG-COP-24-7-Rev.1`."""
    return number.replace("/", "-").replace("(", "-").replace(")", "")


def _checked_files(files: dict) -> list[tuple[str, str, object, str, str]]:
    """(language, filename, file, kind, text) for each upload, after checking its content."""
    if not files:
        raise DomainError(_("Attach the document's file."), field="file")
    checked = []
    for language, upload in files.items():
        if language not in LANGUAGE_CODES:
            raise DomainError(_("Choose one of the six languages."), field="language")
        kind = check_upload(upload, max_bytes=MAX_UPLOAD_BYTES)
        upload.seek(0)
        text = extract_text(upload, kind)
        upload.seek(0)
        checked.append((language, safe_filename(upload.name, kind), upload, kind, text))
    return checked


def _store_files(document: Document, checked: list[tuple[str, str, Any, str, str]]) -> None:
    for language, filename, upload, kind, text in checked:
        upload.seek(0)
        DocumentFile.objects.update_or_create(
            document=document,
            language=language,
            defaults={
                "file": ContentFile(upload.read(), name=filename),
                "filename": filename,
                "kind": kind,
                "size": upload.size,
                "text": text,
            },
        )


def _check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise DomainError(_("Give the document a title."), field="title")
    return title


def _check_agenda_item(meeting: Meeting, agenda_item: AgendaItem | None) -> None:
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError(
            _("This agenda item is not on the agenda of meeting %(meeting)s.")
            % {"meeting": meeting.code},
            field="agenda_item",
        )


def _speaks_for(user: Any, document: Document) -> bool:
    """A delegate speaks for a document they submitted, or one their Member State or
    organisation is a source of (a co-source only once it has confirmed)."""
    if document.submitted_by_id == user.pk:
        return True
    if user.country_id and document.countries.filter(pk=user.country_id).exists():
        return True
    return bool(
        user.organisation_id and document.organisations.filter(pk=user.organisation_id).exists()
    )


@transaction.atomic
def submit_document(
    *,
    submitted_by: Any,
    meeting: Meeting,
    document_type: str,
    title: str,
    original_language: str,
    files: dict,
    abstract: str = "",
    agenda_item: AgendaItem | None = None,
    countries: Iterable[Country] = (),
    organisations: Iterable[Organisation] = (),
    mandate: Iterable[MandateParagraph] = (),
    base: Document | None = None,
    version: str = Document.Version.ORIGINAL,
    liaison_direction: str = "",
    liaison_group: Group | None = None,
    reply_deadline: datetime.date | None = None,
    reply_to: Document | None = None,
    now: datetime.datetime | None = None,
    base_url: str = "",
) -> Document:
    """A delegate's submission, waiting for the secretariat. Late ones are accepted and marked.
    Member States and organisations other than the submitter's own are asked to confirm before
    they are listed as its sources (`_ask_co_sources`)."""
    if not is_delegate(submitted_by):
        raise DomainError(_("Only delegates submit documents."))
    now = now or timezone.now()
    title = _check_title(title)
    if document_type not in SUBMITTABLE_TYPES:
        raise DomainError(
            _("This type of document is written by the secretariat."), field="document_type"
        )
    if original_language not in LANGUAGE_CODES:
        raise DomainError(_("Choose one of the six languages."), field="original_language")
    today = timezone.localtime(now, meeting.tz).date()
    if today > meeting.ends_on:
        raise DomainError(
            _("Meeting %(meeting)s is over; contributions can no longer be submitted to it.")
            % {"meeting": meeting.code},
            field="meeting",
        )
    _check_agenda_item(meeting, agenda_item)
    if version != Document.Version.ORIGINAL:
        if base is None or base.status != Document.Status.REGISTERED:
            raise DomainError(_("Choose the registered document this one revises."), field="base")
        if base.version != Document.Version.ORIGINAL:
            raise DomainError(
                _("Revise the original document, not one of its versions."), field="base"
            )
        if not is_secretariat(submitted_by) and not _speaks_for(submitted_by, base):
            raise DomainError(_("Only the sources of a document can revise it."), field="base")
        meeting = base.meeting
    if document_type == DocumentType.LIAISON and liaison_direction not in Document.Direction.values:
        raise DomainError(
            _("Say whether the liaison statement comes in or goes out."), field="liaison_direction"
        )
    if reply_to is not None and reply_to.document_type != DocumentType.LIAISON:
        raise DomainError(_("A reply answers a liaison statement."), field="reply_to")
    checked = _checked_files(files)
    document = Document.objects.create(
        meeting=meeting,
        document_type=document_type,
        title=title,
        abstract=abstract.strip(),
        original_language=original_language,
        agenda_item=agenda_item,
        submitted_by=submitted_by,
        submitted_at=now,
        late=today > meeting.contribution_deadline,
        base=base,
        version=version,
        liaison_direction=liaison_direction if document_type == DocumentType.LIAISON else "",
        liaison_group=liaison_group,
        reply_deadline=reply_deadline,
        reply_to=reply_to,
        **{f"title_{original_language}": title, f"abstract_{original_language}": abstract.strip()},
    )
    # The submitter's own Member State or organisation is a source at once; any other one named
    # is asked first, and listed once it confirms (see CoSource).
    own_countries = [submitted_by.country] if submitted_by.country_id else []
    own_organisations = [submitted_by.organisation] if submitted_by.organisation_id else []
    named_countries = {c for c in countries if c.pk != submitted_by.country_id}
    named_organisations = {o for o in organisations if o.pk != submitted_by.organisation_id}
    if base is not None and not (
        own_countries or own_organisations or named_countries or named_organisations
    ):
        document.countries.set(base.countries.all())
        document.organisations.set(base.organisations.all())
    else:
        document.countries.set(own_countries)
        document.organisations.set(own_organisations)
    document.mandate.set(mandate)
    _store_files(document, checked)
    _ask_co_sources(document, named_countries, named_organisations, base_url)
    return document


def _ask_co_sources(
    document: Document,
    countries: Iterable[Country],
    organisations: Iterable[Organisation],
    base_url: str,
) -> None:
    """A request to each named co-source, and a notice to each of its delegates, in their
    language, once the submission commits."""
    requests = [CoSource(document=document, country=country) for country in countries]
    requests += [CoSource(document=document, organisation=o) for o in organisations]
    for co_source in requests:
        co_source.save()
        for delegate in accounts_selectors.speakers_for(
            country_id=co_source.country_id, organisation_id=co_source.organisation_id
        ):
            language = delegate.preferred_language
            with translation.override(language):
                url = base_url + reverse("workgroup:co-sources")
            send_mail_after_commit(
                to=delegate.email,
                language=language,
                template="workgroup/email/co_source_request.txt",
                context={"document": document, "co_source": co_source, "url": url},
            )


def _waiting(co_source: CoSource) -> None:
    if co_source.status != CoSource.Status.PENDING:
        raise DomainError(_("This request has already been answered."))
    if co_source.document.status not in (Document.Status.SUBMITTED, Document.Status.REGISTERED):
        raise DomainError(_("This document no longer waits for its co-sources."))


def _answers_for(user: Any, co_source: CoSource) -> bool:
    """A delegate answers for the co-source their account speaks for."""
    return represents_country(user, co_source.country_id) or represents_organisation(
        user, co_source.organisation_id
    )


@transaction.atomic
def confirm_co_source(
    *, co_source: CoSource, user: Any, reason: str = "", now: datetime.datetime | None = None
) -> CoSource:
    """The named Member State or organisation agrees: it is listed among the document's sources
    from now on, and may revise or withdraw it. The secretariat may confirm on its behalf, saying
    on what (the audit log keeps who confirmed and the reason)."""
    co_source = CoSource.objects.select_for_update().select_related("document").get(pk=co_source.pk)
    reason = (reason or "").strip()
    if _answers_for(user, co_source):
        reason = ""
    elif not is_secretariat(user):
        raise DomainError(
            _("Only the delegates of a co-source, or the secretariat for it, can confirm it.")
        )
    elif not reason:
        raise DomainError(
            _("Say on what the secretariat confirms for this co-source."), field="reason"
        )
    _waiting(co_source)
    co_source.status = CoSource.Status.CONFIRMED
    co_source.decided_at = now or timezone.now()
    co_source.decided_by = user
    co_source.secretariat_reason = reason
    co_source.save()
    document = co_source.document
    if co_source.country is not None:
        document.countries.add(co_source.country)
    elif co_source.organisation is not None:
        document.organisations.add(co_source.organisation)
    if document.is_public:
        registry_changed()
    return co_source


@transaction.atomic
def decline_co_source(
    *, co_source: CoSource, user: Any, now: datetime.datetime | None = None
) -> CoSource:
    """The named Member State or organisation does not co-sign: it is never listed."""
    co_source = CoSource.objects.select_for_update().select_related("document").get(pk=co_source.pk)
    if not _answers_for(user, co_source):
        raise DomainError(_("Only the delegates of a co-source can decline it."))
    _waiting(co_source)
    co_source.status = CoSource.Status.DECLINED
    co_source.decided_at = now or timezone.now()
    co_source.decided_by = user
    co_source.save()
    return co_source


def _editable_by(document: Document, user: Any) -> None:
    if document.submitted_by_id != user.pk and not is_secretariat(user):
        raise DomainError(_("You can only change documents you submitted yourself."))
    if document.status != Document.Status.SUBMITTED:
        raise DomainError(_("A registered document cannot be changed; submit a revision instead."))


@transaction.atomic
def add_translation(
    *,
    document: Document,
    user: Any,
    language: str,
    file: Any,
    title: str = "",
    abstract: str = "",
) -> Document:
    """A file in another language, with the title and abstract in that language."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not is_secretariat(user):
        _editable_by(document, user)
    elif document.status not in (Document.Status.SUBMITTED, Document.Status.REGISTERED):
        raise DomainError(_("This document can no longer be changed."))
    checked = _checked_files({language: file})
    if title.strip():
        setattr(document, f"title_{language}", title.strip())
    if abstract.strip():
        setattr(document, f"abstract_{language}", abstract.strip())
    document.save()
    _store_files(document, checked)
    if document.status == Document.Status.REGISTERED:
        search.refresh(document)
        registry_changed()
    return document


def _next_number(document: Document, serial: int | None) -> tuple[int | None, int, str]:
    """(serial, version number, number) for a document being registered.

    The counter row (or, for a revision, the original's row) is locked until the transaction
    ends, so two secretariat users registering at the same moment wait for each other instead
    of taking the same number; a returned submission never takes one, so the series has no gaps.
    """
    meeting = document.meeting
    if document.version == Document.Version.ORIGINAL:
        DocumentCounter.objects.get_or_create(meeting=meeting)
        counter = DocumentCounter.objects.select_for_update().get(meeting=meeting)
        if serial is not None and serial != counter.last_serial + 1:
            taken = Document.objects.filter(meeting=meeting, serial=serial, version="original")
            if serial < 1 or taken.exists():
                raise DomainError(
                    _("Number %(number)s is already taken.")
                    % {"number": f"{meeting.code}/{serial}"},
                    field="serial",
                )
            raise DomainError(
                _("The next free number is %(serial)s; numbers are given without gaps.")
                % {"serial": counter.last_serial + 1},
                field="serial",
            )
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        return counter.last_serial, 0, f"{meeting.code}/{counter.last_serial}"
    assert document.base_id is not None  # a version is always submitted with its base
    base = Document.objects.select_for_update().get(pk=document.base_id)
    version_number = (
        Document.objects.filter(base=base, version=document.version).exclude(number="").count() + 1
    )
    return (
        None,
        version_number,
        f"{base.number}({VERSION_LABELS[document.version]}.{version_number})",
    )


def _subscribers_of(document: Document) -> QuerySet[Subscription]:
    """The confirmed subscriptions a document is news for."""
    return Subscription.objects.filter(
        Q(confirmed_at__isnull=False)
        & (Q(group__isnull=True) | Q(group=document.meeting.group_id))
        & (Q(document_type="") | Q(document_type=document.document_type))
    )


def _notify_subscribers(document: Document, base_url: str) -> None:
    """Tell each subscriber, in their language, once the registration has committed (the task
    queue delivers the mail)."""
    for subscription in _subscribers_of(document).only("email", "language", "token"):
        with translation.override(subscription.language):
            context = {
                "document": document,
                "url": base_url + reverse("workgroup:document", args=[document.slug]),
                "unsubscribe": base_url
                + reverse("workgroup:unsubscribe", args=[subscription.token]),
            }
        send_mail_after_commit(
            to=subscription.email,
            language=subscription.language,
            template="workgroup/email/new_document.txt",
            context=context,
        )


def registry_changed() -> None:
    """Raise the registry's version (see selectors.REGISTRY_VERSION), so that no process serves
    a kept part of the registry page from before the change once it is committed."""
    versioned.bump(selectors.REGISTRY_VERSION)
    raise_version("workgroup")  # its pages too: this write may bypass the signals


@transaction.atomic
def register_document(
    *,
    document: Document,
    registered_by: Any,
    serial: int | None = None,
    base_url: str = "",
    late_reason: str = "",
    notify_subscribers: bool = True,
) -> Document:
    """The secretariat gives the submission its number; from then on it is public. The deadline
    holds: a submission that came after it is registered only when the secretariat accepts it,
    saying why (`late_reason`, shown with the document)."""
    if not is_secretariat(registered_by):
        raise DomainError(_("Only the secretariat registers documents."))
    document = (
        Document.objects.select_for_update().select_related("meeting__group").get(pk=document.pk)
    )
    if document.status != Document.Status.SUBMITTED:
        raise DomainError(
            _("Document “%(title)s” is not waiting for registration.") % {"title": document.title}
        )
    late_reason = (late_reason or "").strip()
    if document.late and not late_reason:
        raise DomainError(
            _(
                "This submission came after the contribution deadline: say why the secretariat "
                "accepts it."
            ),
            field="late_reason",
        )
    document.late_acceptance_reason = late_reason if document.late else ""
    document.serial, document.version_number, document.number = _next_number(document, serial)
    document.slug = number_to_slug(document.number)
    document.status = Document.Status.REGISTERED
    document.registered_at = timezone.now()
    document.registered_by = registered_by
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as error:
        raise DomainError(
            _("Number %(number)s is already taken.") % {"number": document.number}, field="serial"
        ) from error
    search.refresh(document)
    registry_changed()
    if notify_subscribers:
        _notify_subscribers(document, base_url)
    return document


@transaction.atomic
def return_document(*, document: Document, returned_by: Any, reason: str) -> Document:
    """Send a submission back to the delegate, with the reason; it takes no number."""
    if not is_secretariat(returned_by):
        raise DomainError(_("Only the secretariat returns submissions."))
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why the submission is returned."), field="reason")
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status != Document.Status.SUBMITTED:
        raise DomainError(
            _("Document “%(title)s” is not waiting for registration.") % {"title": document.title}
        )
    document.status = Document.Status.RETURNED
    document.return_reason = reason
    document.save(update_fields=["status", "return_reason"])
    return document


@transaction.atomic
def withdraw_document(*, document: Document, withdrawn_by: Any, reason: str) -> Document:
    """A registered document is never deleted: it stays in the registry, marked withdrawn."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why the document is withdrawn."), field="reason")
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not is_secretariat(withdrawn_by) and not _speaks_for(withdrawn_by, document):
        raise DomainError(_("Only the sources of a document or the secretariat can withdraw it."))
    if document.status != Document.Status.REGISTERED:
        raise DomainError(_("Only a registered document can be withdrawn."))
    document.status = Document.Status.WITHDRAWN
    document.withdrawn_at = timezone.now()
    document.withdrawal_reason = reason
    document.save(update_fields=["status", "withdrawn_at", "withdrawal_reason"])
    registry_changed()
    return document


class _NamedBytes(io.BytesIO):
    def __init__(self, data: bytes, name: str):
        super().__init__(data)
        self.name = name
        self.size = len(data)


@transaction.atomic
def register_generated_document(
    *,
    meeting: Meeting,
    document_type: str,
    title: str,
    files: dict[str, tuple[str, bytes]],
    registered_by: Any,
    mandate: Iterable[MandateParagraph] = (),
    abstract: str = "",
    agenda_item: AgendaItem | None = None,
    base: Document | None = None,
    version: str = Document.Version.ORIGINAL,
    notify_subscribers: bool = True,
) -> Document:
    """Register a document the secretariat generated (a report, a summary) under its number;
    with `base` and `version`, as a revision (or addendum, corrigendum) of it.

    `files` maps a language code to (filename, bytes). Used by the reports here and by other
    modules, e.g. the youth consultations' summary as an information document.
    """
    if not is_secretariat(registered_by):
        raise DomainError(_("Only the secretariat registers documents."))
    title = _check_title(title)
    _check_agenda_item(meeting, agenda_item)
    uploads = {language: _NamedBytes(data, name) for language, (name, data) in files.items()}
    checked = _checked_files(uploads)
    language = next(iter(files))
    document = Document.objects.create(
        meeting=meeting,
        document_type=document_type,
        title=title,
        abstract=abstract,
        original_language=language,
        secretariat_source=True,
        submitted_by=registered_by,
        agenda_item=agenda_item,
        base=base,
        version=version,
        **{f"title_{language}": title, f"abstract_{language}": abstract},
    )
    document.mandate.set(mandate)
    _store_files(document, checked)
    return register_document(
        document=document, registered_by=registered_by, notify_subscribers=notify_subscribers
    )


@transaction.atomic
def file_under_agenda_item(
    *, document: Document, agenda_item: AgendaItem | None, by: Any
) -> Document:
    """File a document of the secretariat under an item of its meeting's agenda (or under
    none), where the materials page and the agenda list it."""
    if not is_secretariat(by):
        raise DomainError(_("Only the secretariat registers documents."))
    _check_agenda_item(document.meeting, agenda_item)
    document.agenda_item = agenda_item
    document.save(update_fields=["agenda_item"])
    return document


# --- The meeting's cycle: convening, deadline, agenda, participants ------------------------------


@dataclass(frozen=True)
class MeetingPlan:
    """What the secretariat sets of a meeting when it plans or changes it."""

    starts_on: datetime.date
    ends_on: datetime.date
    place: str = ""
    online: bool = False
    time_zone: str = "Europe/Zurich"
    # By default `CONTRIBUTION_DEADLINE_DAYS` before the first day.
    contribution_deadline: datetime.date | None = None
    reminder_days: int = 7
    remote_details: str = ""


def _apply_plan(meeting: Meeting, plan: MeetingPlan) -> None:
    """Set the plan on `meeting` after checking it whole, each refusal naming its field."""
    if plan.ends_on < plan.starts_on:
        raise DomainError(_("The last day cannot come before the first day."), field="ends_on")
    deadline = plan.contribution_deadline or default_contribution_deadline(plan.starts_on)
    if deadline > plan.starts_on:
        raise DomainError(
            _("The contribution deadline must come before the meeting opens."),
            field="contribution_deadline",
        )
    place = (plan.place or "").strip()
    if not place and not plan.online:
        raise DomainError(_("Give the place, or say that the meeting is online."), field="place")
    try:
        validate_time_zone(plan.time_zone)
    except ValidationError as error:
        raise DomainError(_("Choose a time zone from the list."), field="time_zone") from error
    if not 0 < plan.reminder_days <= 60:
        raise DomainError(
            _("The reminder goes out between 1 and 60 days before the deadline."),
            field="reminder_days",
        )
    meeting.starts_on, meeting.ends_on = plan.starts_on, plan.ends_on
    meeting.contribution_deadline, meeting.reminder_days = deadline, plan.reminder_days
    meeting.place, meeting.online, meeting.time_zone = place, plan.online, plan.time_zone
    meeting.remote_details = (plan.remote_details or "").strip()


@transaction.atomic
def create_meeting(*, by: Any, group: Group, number: int, plan: MeetingPlan) -> Meeting:
    """The secretariat plans a meeting: its number in the group's series, dates, place or
    online, time zone and contribution deadline."""
    require_secretariat(by, _("Only the secretariat plans meetings."))
    if number < 1:
        raise DomainError(_("Give the meeting's number in the group's series."), field="number")
    if Meeting.objects.filter(group=group, number=number).exists():
        raise DomainError(
            _("Meeting %(meeting)s exists already.") % {"meeting": f"{group.code}-{number}"},
            field="number",
        )
    meeting = Meeting(group=group, number=number)
    _apply_plan(meeting, plan)
    meeting.save()
    raise_version("workgroup")
    return meeting


@transaction.atomic
def update_meeting(*, meeting: Meeting, by: Any, plan: MeetingPlan) -> Meeting:
    """The secretariat changes a meeting's dates, place, deadline or remote details. A deadline
    moved later lets the reminder go out again."""
    require_secretariat(by, _("Only the secretariat changes meetings."))
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    old_deadline = meeting.contribution_deadline
    _apply_plan(meeting, plan)
    if meeting.contribution_deadline > old_deadline:
        meeting.reminder_sent_at = None
    meeting.save()
    raise_version("workgroup")
    return meeting


@transaction.atomic
def save_agenda_item(
    *,
    meeting: Meeting,
    by: Any,
    number: str,
    title: str,
    order: int = 0,
    language: str = "en",
    item: AgendaItem | None = None,
) -> AgendaItem:
    """Add an item to the agenda, or change one; the title is written in `language` (the
    secretariat's page's) and shown in it, other languages falling back to it until translated."""
    require_secretariat(by, _("Only the secretariat edits the agenda."))
    number, title = (number or "").strip(), (title or "").strip()
    if not number or len(number) > 10:
        raise DomainError(_("Give the item a number, such as 3 or 4.2."), field="number")
    if not title:
        raise DomainError(_("Give the item a title."), field="title")
    if language not in LANGUAGE_CODES:
        raise DomainError(_("Choose one of the six languages."), field="language")
    if item is not None and item.meeting_id != meeting.pk:
        raise DomainError(
            _("This agenda item is not on the agenda of meeting %(meeting)s.")
            % {"meeting": meeting.code}
        )
    taken = AgendaItem.objects.filter(meeting=meeting, number=number)
    if item is not None:
        taken = taken.exclude(pk=item.pk)
    if taken.exists():
        raise DomainError(
            _("Item %(number)s is already on the agenda.") % {"number": number}, field="number"
        )
    item = item or AgendaItem(meeting=meeting)
    item.number, item.order = number, order
    setattr(item, f"title_{language}", title)
    if language == settings.LANGUAGE_CODE or not item.title:
        item.title = title
    item.save()
    raise_version("workgroup")
    return item


def _not_over(meeting: Meeting, message: str) -> None:
    if timezone.localtime(timezone.now(), meeting.tz).date() > meeting.ends_on:
        raise DomainError(message)


def _meeting_news_recipients(meeting: Meeting) -> dict[str, tuple[str, str]]:
    """Whom a meeting's call and reminder go to, each once, with their language and the address
    that stops notices (empty for accounts): the confirmed subscribers of the group (or of every
    group) who asked for calls or for every type, and every approved account."""
    recipients: dict[str, tuple[str, str]] = {}
    for subscription in Subscription.objects.filter(
        Q(confirmed_at__isnull=False)
        & (Q(group__isnull=True) | Q(group=meeting.group_id))
        & (Q(document_type="") | Q(document_type=DocumentType.CALL))
    ).only("email", "language", "token"):
        recipients[subscription.email.lower()] = (subscription.language, subscription.token)
    for account in accounts_selectors.approved_accounts().only("email", "preferred_language"):
        recipients[account.email.lower()] = (account.preferred_language, "")
    return recipients


def _mail_meeting_news(
    meeting: Meeting, template: str, base_url: str, document: Document | None
) -> None:
    for email, (language, token) in _meeting_news_recipients(meeting).items():
        with translation.override(language):
            context = {
                "meeting": meeting,
                "document": document,
                "meeting_url": base_url + reverse("workgroup:meeting", args=[meeting.code]),
                "submit_url": base_url + reverse("workgroup:submit") + f"?meeting={meeting.code}",
                "unsubscribe": base_url + reverse("workgroup:unsubscribe", args=[token])
                if token
                else "",
            }
        send_mail_after_commit(to=email, language=language, template=template, context=context)


# A paper written in the six languages before it is registered: (titles, files) by language,
# as meetings.in_six_languages() makes them (on the task queue: paper_runs.py).
Written = tuple[dict[str, str], dict[str, tuple[str, bytes]]]


def check_call(*, meeting: Meeting, by: Any) -> None:
    """Refuse the call for contributions as issue_call_for_contributions() would."""
    require_secretariat(by, _("Only the secretariat convenes meetings."))
    if meeting.call_issued_at is not None:
        raise DomainError(_("The call for contributions of this meeting has been sent already."))
    _not_over(meeting, _("This meeting is over."))
    if timezone.localtime(timezone.now(), meeting.tz).date() > meeting.contribution_deadline:
        raise DomainError(
            _("The contribution deadline has passed: move it later before sending the call."),
            field="contribution_deadline",
        )


@transaction.atomic
def issue_call_for_contributions(
    *, meeting: Meeting, by: Any, base_url: str = "", written: Written | None = None
) -> Document:
    """The convening letter and call for contributions: a numbered document of the meeting in
    the six languages, and a notice of it to every subscriber and approved account, each in
    their own language (through the outbox, delivered by the task queue)."""
    from . import meetings

    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    check_call(meeting=meeting, by=by)
    titles, files = written or meetings.in_six_languages(
        lambda: meetings.call_for_contributions(meeting, base_url)
    )
    document = register_generated_document(
        meeting=meeting,
        document_type=DocumentType.CALL,
        title=titles["en"],
        files=files,
        registered_by=by,
        notify_subscribers=False,  # the call's own notice below tells them
    )
    _set_titles(document, titles)
    meeting.call_issued_at = timezone.now()
    meeting.save(update_fields=["call_issued_at"])
    _mail_meeting_news(meeting, "workgroup/email/call_for_contributions.txt", base_url, document)
    return document


def _set_titles(document: Document, titles: dict[str, str]) -> None:
    """A generated paper's title in each of its languages (it is registered in English)."""
    for language, title in titles.items():
        setattr(document, f"title_{language}", title)
    document.save()
    search.refresh(document)


@transaction.atomic
def send_deadline_reminders(
    *, now: datetime.datetime | None = None, base_url: str = ""
) -> list[Meeting]:
    """Remind everyone the call went to, once per meeting, when its deadline is `reminder_days`
    away or nearer (run from cron: `cophub send_deadline_reminders`)."""
    now = now or timezone.now()
    reminded = []
    for meeting in (
        Meeting.objects.select_for_update(skip_locked=True)
        .select_related("group")
        .filter(call_issued_at__isnull=False, reminder_sent_at__isnull=True)
    ):
        today = timezone.localtime(now, meeting.tz).date()
        if today > meeting.contribution_deadline or (
            (meeting.contribution_deadline - today).days > meeting.reminder_days
        ):
            continue
        _mail_meeting_news(meeting, "workgroup/email/deadline_reminder.txt", base_url, None)
        meeting.reminder_sent_at = now
        meeting.save(update_fields=["reminder_sent_at"])
        reminded.append(meeting)
    return reminded


def check_agenda(*, meeting: Meeting, by: Any, adopted: bool) -> None:
    """Refuse the draft agenda (or the adopted one) as issue_agenda() (adopt_agenda()) would."""
    if adopted:
        require_secretariat(by, _("Only the secretariat records the adopted agenda."))
    else:
        require_secretariat(by, _("Only the secretariat issues the agenda."))
    if meeting.agenda_adopted_at is not None:
        raise DomainError(_("The agenda of this meeting is adopted already."))
    if adopted and timezone.localtime(timezone.now(), meeting.tz).date() < meeting.starts_on:
        raise DomainError(_("The agenda is adopted at the meeting, once it has opened."))
    if not meeting.agenda_items.exists():
        raise DomainError(_("The agenda has no item yet."))


@transaction.atomic
def issue_agenda(*, meeting: Meeting, by: Any, written: Written | None = None) -> Document:
    """The draft agenda as a numbered document, before the meeting; a new draft of a changed
    agenda is registered as a revision of the first one."""
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    check_agenda(meeting=meeting, by=by, adopted=False)
    return _register_agenda(meeting, by, adopted=False, written=written)


def _register_agenda(
    meeting: Meeting, by: Any, *, adopted: bool, written: Written | None
) -> Document:
    from . import meetings

    return _register_paper(
        meeting,
        by,
        DocumentType.AGENDA,
        lambda: meetings.agenda(meeting, adopted=adopted),
        written,
    )


def _register_paper(
    meeting: Meeting, by: Any, document_type: str, build: Any, written: Written | None = None
) -> Document:
    """Register a paper `build()` makes (meetings.py) in the six languages; a later one of the
    same kind as a revision of the first, so that the latest replaces it under one number."""
    from . import meetings

    first = (
        Document.objects.filter(
            meeting=meeting,
            document_type=document_type,
            version=Document.Version.ORIGINAL,
            status=Document.Status.REGISTERED,
        )
        .order_by("pk")
        .first()
    )
    titles, files = written or meetings.in_six_languages(build)
    document = register_generated_document(
        meeting=meeting,
        document_type=document_type,
        title=titles["en"],
        files=files,
        registered_by=by,
        base=first,
        version=Document.Version.REVISION if first else Document.Version.ORIGINAL,
    )
    _set_titles(document, titles)
    return document


@transaction.atomic
def adopt_agenda(*, meeting: Meeting, by: Any, written: Written | None = None) -> Document:
    """The meeting adopts its agenda at its opening: the adopted agenda is registered as a
    revision of the draft, and replaces it on the meeting's page."""
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    check_agenda(meeting=meeting, by=by, adopted=True)
    document = _register_agenda(meeting, by, adopted=True, written=written)
    meeting.agenda_adopted_at = timezone.now()
    meeting.save(update_fields=["agenda_adopted_at"])
    return document


@transaction.atomic
def register_for_meeting(
    *,
    meeting: Meeting,
    delegate: Any,
    gender: str = "",
    name: str = "",
    role: str = MeetingRegistration.Role.DELEGATE,
    attendance: str = MeetingRegistration.Attendance.IN_PERSON,
) -> MeetingRegistration:
    """A delegate registers (or changes their registration): the name the list of participants
    prints, their role and whether they come in person or join remotely; whom they speak for
    comes from their account."""
    if not is_delegate(delegate):
        raise DomainError(_("Only delegates register for meetings."))
    if gender not in MeetingRegistration.Gender.values:
        raise DomainError(_("Choose one of the answers offered."), field="gender")
    if role not in MeetingRegistration.Role.values:
        raise DomainError(_("Choose one of the roles offered."), field="role")
    if role == MeetingRegistration.Role.SECRETARIAT and not is_secretariat(delegate):
        raise DomainError(_("Only the secretariat's staff register as secretariat."), field="role")
    if attendance not in MeetingRegistration.Attendance.values:
        raise DomainError(_("Say whether you come in person or join remotely."), field="attendance")
    name = (name or "").strip() or delegate.full_name
    if not name or len(name) > 200:
        raise DomainError(_("Give your name as the list of participants prints it."), field="name")
    _not_over(meeting, _("This meeting is over."))
    registration, _created = MeetingRegistration.objects.update_or_create(
        meeting=meeting,
        delegate=delegate,
        defaults={
            "gender": gender,
            "name": name,
            "role": role,
            "attendance": attendance,
            "country": delegate.country,
            "organisation": delegate.organisation,
        },
    )
    return registration


def check_participants_list(*, meeting: Meeting, by: Any) -> None:
    """Refuse the list of participants as register_participants_list() would."""
    require_secretariat(by, _("Only the secretariat registers the list of participants."))
    if timezone.localtime(timezone.now(), meeting.tz).date() <= meeting.ends_on:
        raise DomainError(_("The list of participants is registered once the meeting is over."))
    if not MeetingRegistration.objects.filter(meeting=meeting).exists():
        raise DomainError(_("Nobody registered for this meeting."))


@transaction.atomic
def register_participants_list(
    *, meeting: Meeting, by: Any, written: Written | None = None
) -> Document:
    """After the meeting, its list of participants as a numbered document in the six languages
    (a later one is registered as a revision of the first)."""
    from . import meetings

    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    check_participants_list(meeting=meeting, by=by)
    return _register_paper(
        meeting,
        by,
        DocumentType.PARTICIPANTS,
        lambda: meetings.participants(meeting),
        written,
    )


# A confirmation link is mailed to one address at most this often, however many times (and from
# however many places) it is typed into the subscription form.
CONFIRMATION_RESEND_SECONDS = 3600
EMAIL_MAX_LENGTH = 254  # RFC 5321's limit on a path, and the column's


def _checked_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(_("Enter a valid e-mail address."), field="email") from error
    if len(email) > EMAIL_MAX_LENGTH:
        raise DomainError(_("Enter a valid e-mail address."), field="email")
    return email


@transaction.atomic
def subscribe(
    *,
    email: str,
    group: Group | None = None,
    document_type: str = "",
    language: str = "en",
    base_url: str = "",
    now: datetime.datetime | None = None,
) -> Subscription:
    """Ask for notices of new documents: the subscription is written unconfirmed and a link to
    confirm it is mailed to the address (double opt-in); nothing else is sent to it before the
    link is followed. The answer is the same whether the address was new, waiting or confirmed,
    so that the form tells no one who subscribes."""
    email = _checked_email(email)
    if document_type and document_type not in DocumentType.values:
        raise DomainError(_("Choose one of the document types offered."), field="document_type")
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    now = now or timezone.now()
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        email=email,
        group=group,
        document_type=document_type,
        defaults={"language": language, "token": secrets.token_urlsafe(32)},
    )
    if subscription.confirmed_at is not None:
        return subscription
    sent = subscription.confirmation_sent_at
    if sent is not None and (now - sent).total_seconds() < CONFIRMATION_RESEND_SECONDS:
        return subscription
    subscription.language = language
    subscription.confirmation_sent_at = now
    subscription.save(update_fields=["language", "confirmation_sent_at"])
    with translation.override(language):
        context = {
            "url": base_url + reverse("workgroup:confirm-subscription", args=[subscription.token]),
            "group": group,
        }
    send_mail_after_commit(
        to=email,
        language=language,
        template="workgroup/email/confirm_subscription.txt",
        context=context,
    )
    return subscription


@transaction.atomic
def confirm_subscription(
    *, token: str, now: datetime.datetime | None = None
) -> Subscription | None:
    """The address's owner followed the link: from now on it is told of new documents."""
    subscription = Subscription.objects.select_for_update().filter(token=token).first()
    if subscription is not None and subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def unsubscribe(*, token: str) -> bool:
    deleted, _rows = Subscription.objects.filter(token=token).delete()
    return bool(deleted)
