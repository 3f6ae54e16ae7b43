"""Every write on the repository: resources and their language versions, the search index, and
the review of submitted best practices (Resolution 179 asks the Secretary-General to encourage
members to share best practices, instructs the Secretary-General 8)."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cophub.accounts.permissions import is_delegate, person, require_secretariat
from cophub.core.errors import DomainError
from cophub.core.files import check_upload, extract_text, safe_filename
from cophub.core.i18n import LANGUAGE_CODES
from cophub.core.models import Country, MandateParagraph, Organisation
from cophub.jobs import queue

from . import tasks
from .models import (
    Audience,
    DeletedRecord,
    GuidelineSet,
    LanguageVersion,
    Resource,
    Topic,
)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# Each submission is read by the secretariat: a person sends a few a day, and more is a script
# or a mistake. Counted per submitter over the last 24 hours.
MAX_SUBMISSIONS_PER_DAY = 10
# Addresses under /resources/ that are pages, not resources.
RESERVED_SLUGS = frozenset({"guidelines", "submit", "submissions", "review", "topics", "feed"})


def _lookup(
    model: type[Model],
    field: str,
    codes: Iterable[str],
    *,
    message: str,
    form_field: str,
) -> list:
    codes = [code for code in dict.fromkeys(codes or []) if code]
    found = {
        getattr(obj, field): obj for obj in model._default_manager.filter(**{f"{field}__in": codes})
    }
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise DomainError(message % {"codes": ", ".join(unknown)}, field=form_field)
    return [found[code] for code in codes]


def _unique_slug(text: str, kind: str) -> str:
    base = slugify(text)[:80].strip("-") or kind.replace("_", "-")
    if base in RESERVED_SLUGS:
        base = f"{base}-{kind.replace('_', '-')}"
    slug, n = base, 1
    while Resource.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _check_texts(titles: dict, summaries: dict, original_language: str) -> None:
    if original_language not in LANGUAGE_CODES:
        raise DomainError(
            _("Choose the language the resource was written in."), field="original_language"
        )
    for language in list(titles) + list(summaries):
        if language not in LANGUAGE_CODES:
            raise DomainError(_("Titles and summaries are in the six official languages only."))
    if not (titles.get(original_language) or "").strip():
        raise DomainError(
            _("Give the title in the language the resource was written in."), field="title"
        )


def _check_versions(links: dict, files: dict) -> None:
    if not any((url or "").strip() for url in links.values()) and not any(files.values()):
        raise DomainError(
            _("A resource needs at least one language version: a file or a link."),
            field="link",
        )
    for language in list(links) + list(files):
        if language not in LANGUAGE_CODES:
            raise DomainError(_("Language versions are in the six official languages only."))
    for language in links:
        if links[language] and files.get(language):
            raise DomainError(
                _("Give either a file or a link for each language, not both."), field="link"
            )


def _checked_kind(file: Any) -> str:
    """The file's kind from its content (core.files), which its name must agree with: a
    reader who downloads "guidelines.pdf" must get a PDF."""
    try:
        kind = check_upload(file, max_bytes=MAX_UPLOAD_BYTES)
    except DomainError as error:
        raise DomainError(error.message, field="file") from error
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if extension != kind:
        raise DomainError(
            _("The file is not what its name says: it is a %(kind)s file named “%(name)s”.")
            % {"kind": kind.upper(), "name": file.name},
            field="file",
        )
    return kind


def _require_keeper(actor: Any) -> None:
    require_secretariat(actor, _("Only the secretariat keeps the repository."))


def _add_language_version(
    *, resource: Resource, language: str, file: Any = None, link: str = "", index: bool = True
) -> LanguageVersion:
    if language not in LANGUAGE_CODES:
        raise DomainError(_("Language versions are in the six official languages only."))
    if resource.versions.filter(language=language).exists():
        raise DomainError(
            _("This resource already has a version in that language."), field="language"
        )
    version = LanguageVersion(resource=resource, language=language, link=link.strip())
    if file:
        version.file_kind = _checked_kind(file)
        version.extracted_text = extract_text(file, version.file_kind)
        version.file.save(safe_filename(file.name, version.file_kind), file, save=False)
    elif not version.link:
        raise DomainError(_("Give a file or a link."), field="link")
    version.full_clean(exclude=["file", "resource"])
    version.save()
    if index:  # a new resource is indexed once, with all its versions
        queue.inline_or_after_commit(tasks.index_resource, resource.pk)
    return version


@transaction.atomic
def create_resource(*, created_by: Any, **fields: Any) -> Resource:
    """The secretariat (or the platform, loading data) records a resource: see _record_resource."""
    _require_keeper(created_by)
    return _record_resource(**fields)


def _record_resource(
    *,
    kind: str,
    titles: dict[str, str],
    original_language: str,
    summaries: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    files: dict | None = None,
    audiences: Iterable[str] = (),
    topics: Iterable[str] = (),
    countries: Iterable[str] = (),
    organisation: str | None = None,
    publisher: str = "",
    licence: str = "",
    published_on: datetime.date | None = None,
    guideline_set: str | None = None,
    edition: int | None = None,
    previous_edition: Resource | None = None,
    adapts: Resource | None = None,
    accessible_format: str = "",
    mandate: Iterable[str] = (),
    slug: str = "",
    status: str = Resource.Status.PUBLISHED,
    **details: Any,
) -> Resource:
    """Record a resource with at least one language version, and index it for search.

    `details` are the kind's own fields: starts_on, ends_on, delivery, provider (trainings),
    platforms, cost, tool_languages (safety tools), submitted_by, credit, submitted_at.
    """
    summaries, links, files = summaries or {}, links or {}, files or {}
    if kind not in Resource.Kind.values:
        raise DomainError(_("Choose one of the kinds of resource offered."), field="kind")
    _check_texts(titles, summaries, original_language)
    _check_versions(links, files)
    topic_objs = _lookup(
        Topic, "code", topics, message=_("Unknown topic: %(codes)s."), form_field="topics"
    )
    audience_objs = _lookup(
        Audience,
        "code",
        audiences,
        message=_("Unknown audience: %(codes)s."),
        form_field="audiences",
    )
    country_objs = _lookup(
        Country,
        "iso2",
        [c.upper() for c in countries],
        message=_("Unknown country: %(codes)s."),
        form_field="countries",
    )
    paragraphs = _lookup(MandateParagraph, "code", mandate, message=_("Unknown mandate paragraph: %(codes)s."), form_field="mandate")  # fmt: skip
    resource = Resource(
        kind=kind,
        status=status,
        original_language=original_language,
        slug=slug or _unique_slug(titles.get("en") or titles[original_language], kind),
        publisher=publisher,
        licence=licence,
        published_on=published_on,
        edition=edition,
        previous_edition=previous_edition,
        adapts=adapts,
        accessible_format=accessible_format,
        **details,
    )
    if slug and (slug in RESERVED_SLUGS or Resource.objects.filter(slug=slug).exists()):
        raise DomainError(_("That address is already taken."), field="slug")
    if organisation:
        resource.organisation = _lookup(
            Organisation, "code", [organisation], message=_("Unknown organisation: %(codes)s."), form_field="organisation"
        )[0]  # fmt: skip
    if guideline_set:
        resource.guideline_set = _lookup(
            GuidelineSet, "code", [guideline_set], message=_("Unknown guideline set: %(codes)s."), form_field="guideline_set"
        )[0]  # fmt: skip
    for code in LANGUAGE_CODES:
        setattr(resource, f"title_{code}", (titles.get(code) or "").strip())
        setattr(resource, f"summary_{code}", (summaries.get(code) or "").strip())
    resource.full_clean(exclude=["submitted_by", "reviewed_by", "previous_edition", "adapts"])
    resource.save()
    resource.audiences.set(audience_objs)
    resource.topics.set(topic_objs)
    resource.countries.set(country_objs)
    resource.mandate.set(paragraphs)
    for language, url in links.items():
        if url:
            _add_language_version(resource=resource, language=language, link=url, index=False)
    for language, file in files.items():
        if file:
            _add_language_version(resource=resource, language=language, file=file, index=False)
    queue.inline_or_after_commit(tasks.index_resource, resource.pk)
    return resource


def _credit_for(user: Any) -> str:
    if user.organisation_id:
        return str(user.organisation)
    if user.country_id:
        return str(user.country.name)
    return user.full_name


@transaction.atomic
def submit_best_practice(*, user: Any, **fields: Any) -> Resource:
    """A member state, sector member or stakeholder sends a best practice for review."""
    if not is_delegate(user):
        raise DomainError(
            _("Only delegates of Member States, Sector Members and stakeholders can submit.")
        )
    # The submitter's row is locked so that two submissions sent at once are counted in turn.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    since = timezone.now() - datetime.timedelta(days=1)
    sent = Resource.objects.filter(submitted_by=user, submitted_at__gte=since).count()
    if sent >= MAX_SUBMISSIONS_PER_DAY:
        raise DomainError(
            _(
                "You have sent as many best practices as we take from one person in a day. "
                "Please send the next one tomorrow."
            )
        )
    return _record_resource(
        kind=Resource.Kind.BEST_PRACTICE,
        status=Resource.Status.SUBMITTED,
        submitted_by=user,
        credit=_credit_for(user),
        submitted_at=timezone.now(),
        **fields,
    )


def _locked(resource: Resource) -> Resource:
    return Resource.objects.select_for_update().get(pk=resource.pk)


def _require_reviewer(reviewer: Any) -> None:
    require_secretariat(reviewer, _("Only the secretariat reviews submissions."))


@transaction.atomic
def start_review(*, resource: Resource, reviewer: Any) -> Resource:
    _require_reviewer(reviewer)
    resource = _locked(resource)
    if resource.status != Resource.Status.SUBMITTED:
        raise DomainError(_("Only a submitted best practice can be taken into review."))
    resource.status = Resource.Status.IN_REVIEW
    resource.reviewed_by = person(reviewer)
    resource.save(update_fields=["status", "reviewed_by", "updated_at"])
    return resource


@transaction.atomic
def publish_submission(*, resource: Resource, reviewer: Any) -> Resource:
    _require_reviewer(reviewer)
    resource = _locked(resource)
    if resource.status != Resource.Status.IN_REVIEW:
        raise DomainError(_("Only a best practice in review can be published."))
    resource.status = Resource.Status.PUBLISHED
    resource.reviewed_by = person(reviewer)
    resource.return_reason = ""
    resource.published_on = resource.published_on or timezone.localdate()
    resource.save(
        update_fields=["status", "reviewed_by", "return_reason", "published_on", "updated_at"]
    )
    record_harvest_state(resource=resource, was_public=False)
    return resource


@transaction.atomic
def return_submission(*, resource: Resource, reviewer: Any, reason: str) -> Resource:
    _require_reviewer(reviewer)
    if not reason.strip():
        raise DomainError(
            _("Say why the submission is returned, so that it can be improved."), field="reason"
        )
    resource = _locked(resource)
    if resource.status not in (Resource.Status.SUBMITTED, Resource.Status.IN_REVIEW):
        raise DomainError(_("Only a submission waiting for review can be returned."))
    resource.status = Resource.Status.RETURNED
    resource.reviewed_by = person(reviewer)
    resource.return_reason = reason.strip()
    resource.save(update_fields=["status", "reviewed_by", "return_reason", "updated_at"])
    return resource


@transaction.atomic
def resubmit(
    *,
    resource: Resource,
    user: Any,
    titles: dict[str, str] | None = None,
    summaries: dict[str, str] | None = None,
) -> Resource:
    """The submitter sends a returned best practice again, changed as the reason asked."""
    resource = _locked(resource)
    if resource.submitted_by_id != user.pk:
        raise DomainError(_("Only the person who submitted it can send it again."))
    if resource.status != Resource.Status.RETURNED:
        raise DomainError(_("Only a returned submission can be sent again."))
    for code, text in (titles or {}).items():
        setattr(resource, f"title_{code}", text.strip())
    for code, text in (summaries or {}).items():
        setattr(resource, f"summary_{code}", text.strip())
    _check_texts(
        {c: getattr(resource, f"title_{c}") for c in LANGUAGE_CODES}, {}, resource.original_language
    )
    resource.status = Resource.Status.SUBMITTED
    resource.submitted_at = timezone.now()
    resource.save()
    queue.inline_or_after_commit(tasks.index_resource, resource.pk)
    return resource


# --- withdrawals and deletions, as OAI-PMH deleted records ---------------------------------------


def _set_specs(resource: Resource) -> str:
    specs = [f"kind:{resource.kind}", *(f"audience:{a.code}" for a in resource.audiences.all())]
    return " " + " ".join(specs) + " "


def record_harvest_state(*, resource: Resource, was_public: bool, old_slug: str = "") -> None:
    """Keep the OAI-PMH deleted records in step with a change of a resource's status or address:
    a resource harvesters could see and that is no longer public (or no longer at that address)
    is listed as deleted; one published again is listed as a record again."""
    old_slug = old_slug or resource.slug
    if was_public and (not resource.is_public or old_slug != resource.slug):
        DeletedRecord.objects.update_or_create(
            slug=old_slug,
            defaults={"set_specs": _set_specs(resource), "deleted_at": timezone.now()},
        )
    if resource.is_public:
        DeletedRecord.objects.filter(slug=resource.slug).delete()


@transaction.atomic
def withdraw_resource(*, resource: Resource, reviewer: Any) -> Resource:
    """The secretariat takes a published resource out of the repository; harvesters are told."""
    _require_reviewer(reviewer)
    resource = _locked(resource)
    if resource.status != Resource.Status.PUBLISHED:
        raise DomainError(_("Only a published resource can be withdrawn."))
    resource.status = Resource.Status.WITHDRAWN
    resource.reviewed_by = person(reviewer)
    resource.save(update_fields=["status", "reviewed_by", "updated_at"])
    record_harvest_state(resource=resource, was_public=True)
    return resource


@transaction.atomic
def delete_resources(*, resources: Any, by: Any) -> int:
    """Delete resources (with the accessible editions that adapt them), recording the public
    ones as deleted for harvesters. Returns how many resources went."""
    _require_keeper(by)
    ids = [r.pk for r in resources]
    going = Resource.objects.filter(Q(pk__in=ids) | Q(adapts__in=ids)).prefetch_related("audiences")
    now = timezone.now()
    for resource in going:
        if resource.is_public:
            DeletedRecord.objects.update_or_create(
                slug=resource.slug,
                defaults={"set_specs": _set_specs(resource), "deleted_at": now},
            )
    count = len(going)
    Resource.objects.filter(pk__in=[r.pk for r in going]).delete()
    return count
