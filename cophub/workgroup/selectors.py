"""Every read of the working group that views, the API, the reports and other apps need."""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    When,
)
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation

from cophub.accounts.permissions import (
    is_secretariat,
    represents_country,
    represents_organisation,
)
from cophub.core import cache as versioned
from cophub.core.models import MandateParagraph

from . import search as full_text
from .models import (
    AgendaItem,
    CoSource,
    Document,
    DocumentFile,
    DocumentType,
    Group,
    Meeting,
    MeetingRegistration,
    Subscription,
)

T = TypeVar("T")

PUBLIC_STATUSES = (Document.Status.REGISTERED, Document.Status.WITHDRAWN)


def groups() -> QuerySet[Group]:
    return Group.objects.select_related("organisation").all()


def group(code: str) -> Group:
    return get_object_or_404(Group, code=code)


def meetings(group_code: str | None = None, upcoming: bool | None = None) -> QuerySet[Meeting]:
    """Meetings, latest first; `upcoming` True keeps those not yet over, False those over."""
    queryset = Meeting.objects.select_related("group")
    if group_code:
        queryset = queryset.filter(group__code=group_code)
    if upcoming is not None:
        today = timezone.localdate()
        queryset = (
            queryset.filter(ends_on__gte=today).order_by("starts_on")
            if upcoming
            else queryset.filter(ends_on__lt=today)
        )
    return queryset


def meeting_by_code(code: str) -> Meeting:
    """A meeting by its code, e.g. CWG-COP-24 (the group's code, a hyphen, its number)."""
    group_code, _sep, number = code.rpartition("-")
    if not number.isdigit():
        raise Http404(code)
    return get_object_or_404(
        Meeting.objects.select_related("group").prefetch_related("agenda_items"),
        group__code=group_code,
        number=int(number),
    )


def _listing(queryset: QuerySet[Document]) -> QuerySet[Document]:
    """What a list of documents shows, in a fixed number of queries whatever its length."""
    return queryset.select_related("meeting__group", "agenda_item").prefetch_related(
        "countries",
        "organisations",
        Prefetch(
            "files", queryset=DocumentFile.objects.only("document_id", "language", "kind", "size")
        ),
    )


def public_documents() -> QuerySet[Document]:
    return Document.objects.filter(status__in=PUBLIC_STATUSES)


def registry_filtered(
    *,
    group: str = "",
    meeting: str = "",
    source: str = "",
    country: str = "",
    document_type: str = "",
    language: str = "",
    year: int | None = None,
    q: str = "",
) -> QuerySet[Document]:
    """The public registry with its filters, in its order, without what a list shows; `source`
    is a country's ISO code, an organisation's code or "secretariat"; `meeting` a meeting code
    (CWG-COP-24). The sources and languages are matched with EXISTS rather than joins, so that
    no row repeats and no DISTINCT is needed."""
    queryset = public_documents()
    if group:
        queryset = queryset.filter(meeting__group__code=group)
    if meeting:
        group_code, _sep, number = meeting.rpartition("-")
        queryset = queryset.filter(
            meeting__group__code=group_code, meeting__number=int(number) if number.isdigit() else -1
        )
    if source == "secretariat":
        queryset = queryset.filter(secretariat_source=True)
    elif len(source) == 2 and source.isalpha():
        queryset = queryset.filter(_has_country(source))
    elif source:
        # django-stubs cannot declare this through model: modeltranslation gives Organisation its
        # manager at run time, which the plugin cannot find, and it stops before declaring it.
        queryset = queryset.filter(
            Exists(
                Document.organisations.through.objects.filter(  # type: ignore[attr-defined]
                    document=OuterRef("pk"), organisation__code=source
                )
            )
        )
    if country:
        queryset = queryset.filter(_has_country(country))
    if document_type:
        queryset = queryset.filter(document_type=document_type)
    if language:
        queryset = queryset.filter(
            Exists(DocumentFile.objects.filter(document=OuterRef("pk"), language=language))
        )
    if year:
        queryset = queryset.filter(registered_at__year=year)
    if q:
        found = full_text.search(queryset, q)  # ranked (annotated) when the query has words
        if "rank" in found.query.annotations:
            return found.order_by("-rank", "-registered_at", "-pk")
        queryset = found
    return queryset.order_by("-registered_at", "-pk")


def _has_country(iso2: str) -> Exists:
    return Exists(
        Document.countries.through.objects.filter(document=OuterRef("pk"), country=iso2.upper())
    )


def registry(**filters: Any) -> QuerySet[Document]:
    """The public registry with its filters (see `registry_filtered`), ready to list."""
    return _listing(registry_filtered(**filters))


def registry_slice(queryset: QuerySet[Document], start: int, stop: int) -> list[Document]:
    """Documents `start` to `stop` of a filtered registry, ready to list.

    The keys of the slice are found first, reading only the public order index (an index-only
    scan on PostgreSQL), and the whole rows of those few documents after, by key alone: a deep
    page then skips 25,000 index entries instead of 25,000 rows, and the rows are not filtered
    again (with the filters repeated around the keys, the planner joined every document of the
    registry to its countries: 100 ms at 50,000 documents)."""
    keys = list(queryset.values_list("pk", flat=True)[start:stop])
    found = {document.pk: document for document in _listing(Document.objects.filter(pk__in=keys))}
    return [found[key] for key in keys if key in found]


# The name of the public registry's data version (core.cache): every change to what the registry
# shows raises it (services.registry_changed). A kept part of the registry page lives this long at
# most: this bounds how long a renamed country (core data) can stay unseen.
REGISTRY_VERSION = "workgroup-registry"
REGISTRY_CACHE_SECONDS = 600


def kept_registry_part(part: str, query: QueryDict, render: Callable[[], T]) -> T:
    """`render()` of a part of the registry page, kept per language and query string (its
    parameters in a fixed order: the same filters in another order share it) until the registry
    changes."""
    pairs = sorted((key, value) for key, values in query.lists() for value in values)
    digest = hashlib.sha256(urlencode(pairs).encode()).hexdigest()
    key = f"{part}:{translation.get_language()}:{digest}"
    return versioned.cached(REGISTRY_VERSION, key, render, timeout=REGISTRY_CACHE_SECONDS)


def registry_count(documents: QuerySet[Document], filters: dict) -> int:
    """How many public documents `filters` find (`documents`), counted once per filter and
    version, not once per page: paging through a long result does not count it again."""
    chosen = sorted((name, value) for name, value in filters.items() if value)
    digest = hashlib.sha256(repr(chosen).encode()).hexdigest()
    return versioned.cached(
        REGISTRY_VERSION, f"count:{digest}", documents.count, timeout=REGISTRY_CACHE_SECONDS
    )


def document_by_slug(slug: str) -> Document:
    return get_object_or_404(
        _listing(public_documents())
        .select_related("base", "reply_to", "liaison_group", "registered_by")
        .prefetch_related("mandate", "versions", "replies"),
        slug=slug,
    )


def document_file(slug: str, language: str) -> DocumentFile:
    return get_object_or_404(
        DocumentFile.objects.select_related("document"),
        document__slug=slug,
        document__status__in=PUBLIC_STATUSES,
        language=language,
    )


def meeting_documents(meeting: Meeting) -> QuerySet[Document]:
    return _listing(public_documents().filter(meeting=meeting)).order_by("serial", "number")


def submissions_waiting() -> QuerySet[Document]:
    return (
        _listing(Document.objects.filter(status=Document.Status.SUBMITTED))
        .select_related("submitted_by")
        .order_by("submitted_at")
    )


def submissions_of(user: Any) -> QuerySet[Document]:
    return _listing(Document.objects.filter(submitted_by=user)).order_by("-submitted_at")


def contributions_for_country(iso2: str) -> QuerySet[Document]:
    """Public contributions a Member State submitted or co-signed, latest first: the documents
    alone (number, title and date are what the country profile shows)."""
    return (
        public_documents()
        .filter(countries__iso2=iso2.upper(), document_type=DocumentType.CONTRIBUTION)
        .order_by("-registered_at", "-pk")
    )


def meeting_mandate(meeting: Meeting) -> QuerySet[MandateParagraph]:
    """The paragraphs a meeting serves: those its registered documents serve (a withdrawn one no
    longer does), in the mandate's order."""
    served = Document.objects.filter(meeting=meeting, status=Document.Status.REGISTERED).values(
        "mandate"
    )
    return MandateParagraph.objects.filter(pk__in=served)


def documents_serving(paragraph: MandateParagraph) -> QuerySet[Document]:
    return (
        public_documents()
        .filter(mandate=paragraph)
        .select_related("meeting__group")
        .order_by("-registered_at")
    )


def liaison_statements(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Document]:
    queryset = (
        _listing(public_documents().filter(document_type=DocumentType.LIAISON))
        .select_related("liaison_group", "reply_to")
        .prefetch_related("replies")
    )
    if start and end:
        queryset = queryset.filter(registered_at__date__range=(start, end))
    return queryset.order_by("registered_at")


def gender_balance(meetings_: QuerySet[Meeting]) -> list[dict]:
    """Per meeting: delegates registered, and how many declared each gender (counts only)."""
    rows = (
        MeetingRegistration.objects.filter(meeting__in=meetings_)
        .values("meeting")
        .annotate(
            total=Count("pk"),
            women=Count("pk", filter=Q(gender="woman")),
            men=Count("pk", filter=Q(gender="man")),
            other=Count("pk", filter=Q(gender="other")),
            undisclosed=Count("pk", filter=Q(gender="")),
        )
    )
    by_meeting = {row["meeting"]: row for row in rows}
    empty = {"total": 0, "women": 0, "men": 0, "other": 0, "undisclosed": 0}
    # The counted row names its meeting by id: the meeting itself is put after it, not before.
    return [{**by_meeting.get(meeting.pk, empty), "meeting": meeting} for meeting in meetings_]


def registration_of(meeting: Meeting, user: Any) -> MeetingRegistration | None:
    if not user.is_authenticated:
        return None
    return MeetingRegistration.objects.filter(meeting=meeting, delegate=user).first()


# --- The meeting's cycle: its papers, its materials page, its participants ---------------------


def participants(meeting: Meeting) -> QuerySet[MeetingRegistration]:
    """The meeting's registered participants, as the list of participants orders them: by
    Member State or organisation, heads of delegation first."""
    role_order = Case(
        *[When(role=value, then=index) for index, value in enumerate(MeetingRegistration.Role)],
        output_field=IntegerField(),
    )
    return (
        MeetingRegistration.objects.filter(meeting=meeting)
        .select_related("country", "organisation")
        .annotate(role_order=role_order)
        .order_by("country__name", "organisation__name", "role_order", "name")
    )


def represented(registration: MeetingRegistration) -> str:
    """Whom a participant speaks for, in the active language."""
    if registration.country_id:
        return registration.country.name  # type: ignore[union-attr]
    if registration.organisation_id:
        return registration.organisation.name  # type: ignore[union-attr]
    if registration.role == MeetingRegistration.Role.SECRETARIAT:
        return str(MeetingRegistration.Role.SECRETARIAT.label)
    return ""


@dataclass
class AgendaSection:
    item: AgendaItem | None
    documents: list[Document]


# The documents the materials page lists apart, in its own sections.
MATERIALS_APART = (
    DocumentType.CALL,
    DocumentType.AGENDA,
    DocumentType.PARTICIPANTS,
    DocumentType.PRESENTATION,
    DocumentType.REPORT,
    DocumentType.CHAIR_SUMMARY,
)


def meeting_materials(meeting: Meeting) -> dict[str, Any]:
    """Everything a delegate needs for a meeting, grouped as the materials page shows it: the
    latest call, agenda (the adopted one once it exists: a revision of the draft) and list of
    participants; the documents under the agenda item they serve (late ones flagged); the
    presentations and the report apart. Four queries whatever the number of documents."""
    documents = list(meeting_documents(meeting))
    papers: dict[str, Document | None] = {"call": None, "agenda": None, "participants": None}
    for document in sorted(documents, key=lambda d: (d.registered_at, d.pk)):
        if document.document_type in papers and document.status == Document.Status.REGISTERED:
            papers[document.document_type] = document
    items = list(meeting.agenda_items.all())
    by_item: dict[int | None, list[Document]] = {item.pk: [] for item in items}
    by_item[None] = []
    presentations, reports = [], []
    for document in documents:
        if document.document_type == DocumentType.PRESENTATION:
            presentations.append(document)
        elif document.document_type in (DocumentType.REPORT, DocumentType.CHAIR_SUMMARY):
            reports.append(document)
        elif document.document_type not in MATERIALS_APART:
            by_item.setdefault(document.agenda_item_id, []).append(document)
    sections = [AgendaSection(item, by_item[item.pk]) for item in items]
    if by_item[None]:
        sections.append(AgendaSection(None, by_item[None]))
    return {
        "sections": sections,
        "presentations": presentations,
        "reports": reports,
        "papers": papers,
    }


def late_submissions(meeting: Meeting) -> QuerySet[Document]:
    """Submissions that came after the deadline and wait for the secretariat's decision."""
    return submissions_waiting().filter(meeting=meeting, late=True)


def consultation_of(meeting: Meeting) -> Any:
    """The meeting's public youth consultation, or None."""
    from cophub.consultations import selectors as consultations

    return consultations.consultation_for_meeting(meeting.pk)


def meetings_for_secretariat() -> list[tuple[Meeting, bool]]:
    """Every meeting, latest first, and whether it has its youth consultation (Council Resolution
    1306 §3 asks for one before each meeting)."""
    from cophub.consultations import selectors as consultations

    with_one = consultations.meeting_ids_with_consultation()
    return [(meeting, meeting.pk in with_one) for meeting in meetings()]


def years() -> list[int]:
    return sorted(
        {date.year for date in public_documents().dates("registered_at", "year")}, reverse=True
    )


def subscription_by_token(token: str) -> Subscription:
    return get_object_or_404(Subscription, token=token)


def co_sources_waiting(user: Any) -> QuerySet[CoSource]:
    """The requests to co-sign that `user` may answer: those naming the Member State or
    organisation their account speaks for; for the secretariat, every one."""
    queryset = (
        CoSource.objects.filter(
            status=CoSource.Status.PENDING,
            document__status__in=(Document.Status.SUBMITTED, Document.Status.REGISTERED),
        )
        .select_related(
            "document__meeting__group",
            "document__submitted_by__country",
            "document__submitted_by__organisation",
            "country",
            "organisation",
        )
        .order_by("requested_at", "pk")
    )
    if is_secretariat(user):
        return queryset
    mine = Q(pk__in=[])
    if represents_country(user, user.country_id):
        mine |= Q(country=user.country_id)
    if represents_organisation(user, user.organisation_id):
        mine |= Q(organisation=user.organisation_id)
    return queryset.filter(mine)
