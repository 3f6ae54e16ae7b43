"""Every write on the register: activities, their links to other modules, and the secretariat's
marks on pairs of activities that overlap."""

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.http import Http404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cophub.accounts.permissions import person, require_secretariat
from cophub.core.errors import DomainError
from cophub.core.i18n import LANGUAGE_CODES, translated_value
from cophub.core.models import Country, MandateParagraph, Organisation, Region
from cophub.core.text import is_in_a_known_script

from . import text
from .models import Activity, ActivityLink, OverlapMark, Topic

# Addresses under /coordination/ that are pages, not activities.
RESERVED_SLUGS = frozenset({"add", "timeline", "organisations", "topics", "marks"})
# Resolution 179 asks the Secretary-General to identify and coordinate with the activities of
# other UN organisations (SG/1) and similar initiatives (SG/4), and the Directors to coordinate
# the Bureaux' activities with the General Secretariat (SGDIRS/1). An activity serves these
# unless the secretariat names other paragraphs.
DEFAULT_MANDATE_ITU = ("R179/SGDIRS/1", "R1306/RES/4")
DEFAULT_MANDATE_OTHERS = ("R179/SG/1", "R179/SG/4")
ITU_KINDS = (
    Organisation.Kind.ITU,
    Organisation.Kind.ITU_SECTOR,
    Organisation.Kind.ITU_BUREAU,
    Organisation.Kind.ITU_GENERAL_SECRETARIAT,
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")


def _language_error() -> DomainError:
    return DomainError(
        _(
            "Titles and descriptions are accepted in the six official languages only: Arabic, "
            "Chinese, English, French, Russian and Spanish."
        ),
        field="original_language",
    )


def _check_texts(titles: dict, descriptions: dict, original_language: str) -> None:
    if original_language not in LANGUAGE_CODES:
        raise _language_error()
    for language in list(titles) + list(descriptions):
        if language not in LANGUAGE_CODES:
            raise _language_error()
    if not (titles.get(original_language) or "").strip():
        raise DomainError(
            _("Give the title in the language the activity is described in."), field="title"
        )
    for field, texts in (("title", titles), ("description", descriptions)):
        for value in texts.values():
            if value and not is_in_a_known_script(value):
                raise DomainError(
                    _(
                        "This text is not in one of the six official languages. Write it in "
                        "Arabic, Chinese, English, French, Russian or Spanish."
                    ),
                    field=field,
                )


def _check_dates(starts_on: datetime.date | None, ends_on: datetime.date | None) -> None:
    if not isinstance(starts_on, datetime.date):
        raise DomainError(_("Give the date the activity starts."), field="starts_on")
    if ends_on is not None and ends_on < starts_on:
        raise DomainError(_("An activity cannot end before it starts."), field="ends_on")


def _check_contact(contact_role: str) -> str:
    """A role only: public pages carry no personal data (see docs/data-protection.md)."""
    contact_role = (contact_role or "").strip()
    if _EMAIL.search(contact_role) or _PHONE.search(contact_role):
        raise DomainError(
            _(
                "Name a role, not a person: no e-mail address or telephone number, e.g. "
                "“COP focal point, Telecommunication Development Bureau”."
            ),
            field="contact_role",
        )
    return contact_role


def _organisation(code: str) -> Organisation:
    found = Organisation.objects.filter(code=(code or "").strip()).first()
    if found is None:
        raise DomainError(
            _(
                "Unknown organisation: “%(code)s”. Choose one of the organisations of the "
                "reference data; the secretariat adds new ones there."
            )
            % {"code": code},
            field="organisation",
        )
    return found


def _lookup(
    model: type[models.Model],
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


def _checked_choice(value: str, choices: list[str], message: str, field: str) -> str:
    if value not in choices:
        raise DomainError(message, field=field)
    return value


def _unique_slug(activity: Activity, titles: dict) -> str:
    base = slugify(titles.get("en") or titles.get("fr") or titles.get("es") or "")[:80].strip("-")
    if not base or base in RESERVED_SLUGS:
        base = f"{activity.organisation.code}-{activity.kind}-{activity.starts_on.year}".replace(
            "_", "-"
        )
    slug, n = base, 1
    while Activity.objects.filter(slug=slug).exclude(pk=activity.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _linked(target: str, address: str) -> ActivityLink:
    """A record of another module, found through its selectors."""
    address = (address or "").strip()
    try:
        if target == ActivityLink.Target.RESOURCE:
            from cophub.resources import selectors as resources

            from_module = resources.resource(address)
            title = str(translated_value(from_module, "title"))
            return ActivityLink(
                target=target, slug=address, title=title, url=from_module.get_absolute_url()
            )
        from cophub.workgroup import selectors as workgroup

        slug = address.replace("/", "-")
        document = workgroup.document_by_slug(slug)
        return ActivityLink(
            target=target,
            slug=slug,
            title=f"{document.number}: {document.title}",
            url=reverse("workgroup:document", args=[slug]),
        )
    except Http404:
        if target == ActivityLink.Target.RESOURCE:
            message = _("No published resource has the address “%(address)s”.")
        else:
            message = _("No public document has the number “%(address)s”.")
        raise DomainError(message % {"address": address}, field=f"{target}s") from None


def analyse(activity: Activity) -> None:
    """What the overlap finder reads: topics found in the texts, and their stems."""
    texts = {}
    for code in LANGUAGE_CODES:
        title = getattr(activity, f"title_{code}") or ""
        description = getattr(activity, f"description_{code}") or ""
        if title or description:
            texts[code] = f"{title}. {description}"
    topics, terms = text.analyse(texts)
    activity.inferred_topics = f" {' '.join(sorted(topics))} " if topics else ""
    activity.terms = " ".join(sorted(terms))


def _fill(
    activity: Activity,
    *,
    organisation: str,
    kind: str,
    status: str,
    titles: dict[str, str],
    descriptions: dict[str, str] | None,
    original_language: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    contact_role: str,
    website: str,
) -> None:
    descriptions = descriptions or {}
    _check_texts(titles, descriptions, original_language)
    activity.organisation = _organisation(organisation)
    activity.kind = _checked_choice(
        kind, Activity.Kind.values, _("Choose one of the kinds of activity offered."), "kind"
    )
    activity.status = _checked_choice(
        status, Activity.Status.values, _("Choose one of the states offered."), "status"
    )
    _check_dates(starts_on, ends_on)
    activity.starts_on, activity.ends_on = starts_on, ends_on
    activity.original_language = original_language
    activity.contact_role = _check_contact(contact_role)
    activity.website = (website or "").strip()
    for code, value in titles.items():
        setattr(activity, f"title_{code}", (value or "").strip())
    for code, value in descriptions.items():
        setattr(activity, f"description_{code}", (value or "").strip())


def _relations(
    *,
    countries: Iterable[str],
    regions: Iterable[str],
    topics: Iterable[str],
    mandate: Iterable[str],
    resources: Iterable[str],
    documents: Iterable[str],
) -> dict:
    return {
        "countries": _lookup(
            Country, "iso2", [c.upper() for c in countries or []],
            message=_("Unknown country: %(codes)s."), form_field="countries",
        ),
        "regions": _lookup(
            Region, "code", regions, message=_("Unknown ITU region: %(codes)s."), form_field="regions"
        ),
        "topics": _lookup(
            Topic, "code", topics, message=_("Unknown topic: %(codes)s."), form_field="topics"
        ),
        "mandate": _lookup(
            MandateParagraph, "code", mandate,
            message=_("Unknown mandate paragraph: %(codes)s."), form_field="mandate",
        ),
        "links": [_linked(ActivityLink.Target.RESOURCE, s) for s in dict.fromkeys(resources or []) if s]
        + [_linked(ActivityLink.Target.DOCUMENT, n) for n in dict.fromkeys(documents or []) if n],
    }  # fmt: skip


def _save_relations(activity: Activity, relations: dict, *, replace_links: bool) -> None:
    activity.countries.set(relations["countries"])
    activity.regions.set(relations["regions"])
    activity.topics.set(relations["topics"])
    paragraphs = relations["mandate"]
    if not paragraphs:
        default = (
            DEFAULT_MANDATE_ITU
            if activity.organisation.kind in ITU_KINDS
            else DEFAULT_MANDATE_OTHERS
        )
        paragraphs = list(MandateParagraph.objects.filter(code__in=default))
    activity.mandate.set(paragraphs)
    if replace_links:
        activity.links.all().delete()
    for link in relations["links"]:
        link.activity = activity
        link.save()


def _require_keeper(actor: Any) -> None:
    require_secretariat(actor, _("Only the secretariat records activities in the register."))


@transaction.atomic
def record_activity(
    *,
    created_by: Any,
    organisation: str,
    kind: str,
    titles: dict[str, str],
    original_language: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    descriptions: dict[str, str] | None = None,
    status: str = Activity.Status.ONGOING,
    countries: Iterable[str] = (),
    regions: Iterable[str] = (),
    topics: Iterable[str] = (),
    mandate: Iterable[str] = (),
    resources: Iterable[str] = (),
    documents: Iterable[str] = (),
    contact_role: str = "",
    website: str = "",
    is_demo: bool = False,
    slug: str = "",
) -> Activity:
    """The secretariat (or the platform, loading data) adds an activity to the register.
    Everything is checked before anything is written."""
    _require_keeper(created_by)
    activity = Activity(is_demo=is_demo, created_by=person(created_by))
    _fill(
        activity, organisation=organisation, kind=kind, status=status, titles=titles,
        descriptions=descriptions, original_language=original_language, starts_on=starts_on,
        ends_on=ends_on, contact_role=contact_role, website=website,
    )  # fmt: skip
    relations = _relations(
        countries=countries, regions=regions, topics=topics, mandate=mandate,
        resources=resources, documents=documents,
    )  # fmt: skip
    if slug and (slug in RESERVED_SLUGS or Activity.objects.filter(slug=slug).exists()):
        raise DomainError(_("That address is already taken."), field="slug")
    activity.slug = slug or _unique_slug(activity, titles)
    analyse(activity)
    activity.full_clean(exclude=["created_by"])
    activity.save()
    _save_relations(activity, relations, replace_links=False)
    return activity


@transaction.atomic
def update_activity(
    *,
    activity: Activity,
    updated_by: Any,
    organisation: str,
    kind: str,
    titles: dict[str, str],
    original_language: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    descriptions: dict[str, str] | None = None,
    status: str = Activity.Status.ONGOING,
    countries: Iterable[str] = (),
    regions: Iterable[str] = (),
    topics: Iterable[str] = (),
    mandate: Iterable[str] = (),
    resources: Iterable[str] = (),
    documents: Iterable[str] = (),
    contact_role: str = "",
    website: str = "",
) -> Activity:
    """Change an activity; the texts given replace those languages' texts, the others stay."""
    _require_keeper(updated_by)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    _fill(
        activity, organisation=organisation, kind=kind, status=status, titles=titles,
        descriptions=descriptions, original_language=original_language, starts_on=starts_on,
        ends_on=ends_on, contact_role=contact_role, website=website,
    )  # fmt: skip
    relations = _relations(
        countries=countries, regions=regions, topics=topics, mandate=mandate,
        resources=resources, documents=documents,
    )  # fmt: skip
    analyse(activity)
    activity.full_clean(exclude=["created_by"])
    activity.save()
    _save_relations(activity, relations, replace_links=True)
    return activity


@transaction.atomic
def mark_pair(
    *,
    activity: Activity,
    other: Activity,
    relation: str,
    user: Any,
    note: str = "",
    score: float | None = None,
) -> OverlapMark:
    """The secretariat's decision on a pair: coordinated, complementary or duplicate. Marking a
    pair again replaces the earlier decision."""
    require_secretariat(user, _("Only the secretariat marks overlapping activities."))
    if activity.pk == other.pk:
        raise DomainError(_("An activity cannot overlap itself."), field="other")
    relation = _checked_choice(
        relation, OverlapMark.Relation.values,
        _("Choose coordinated, complementary or duplicate."), "relation",
    )  # fmt: skip
    first, second = sorted([activity, other], key=lambda a: a.pk)
    mark, _created = OverlapMark.objects.update_or_create(
        first=first,
        second=second,
        defaults={
            "relation": relation,
            "note": note.strip(),
            "marked_by": person(user),
            "score": score,
        },
    )
    return mark
