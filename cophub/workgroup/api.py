"""JSON API of the working group module, mounted under /api/v1 by cophub.api."""

import datetime

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from cophub.core.apischema import LanguageFilter, Pagination, Year, translations
from cophub.core.pagecache import public_page

from . import selectors
from .models import DocumentType

router = Router(tags=["workgroup"])


class GroupOut(Schema):
    code: str
    name: str
    names: dict[str, str]
    kind: str
    website: str

    resolve_names = translations("name")


class AgendaItemOut(Schema):
    number: str
    title: str


class MeetingOut(Schema):
    code: str
    group: str
    number: int
    starts_on: datetime.date
    ends_on: datetime.date
    place: str
    online: bool
    time_zone: str
    contribution_deadline: datetime.date
    url: str

    @staticmethod
    def resolve_code(obj):
        return obj.code

    @staticmethod
    def resolve_group(obj):
        return obj.group.code

    @staticmethod
    def resolve_url(obj):
        return reverse("workgroup:meeting", args=[obj.code])


class MeetingDetailOut(MeetingOut):
    agenda: list[AgendaItemOut]
    mandate: list[str] = Field(
        description="Codes of the mandate paragraphs the meeting's public documents serve"
    )

    @staticmethod
    def resolve_mandate(obj):
        return [paragraph.code for paragraph in selectors.meeting_mandate(obj)]

    @staticmethod
    def resolve_agenda(obj):
        return list(obj.agenda_items.all())


class FileOut(Schema):
    language: str
    format: str
    size: int
    url: str


class DocumentOut(Schema):
    number: str
    document_type: DocumentType
    status: str
    meeting: str
    title: str
    titles: dict[str, str]
    abstract: str
    original_language: str
    version: str
    revises: str | None
    countries: list[str]
    organisations: list[str]
    secretariat: bool
    late: bool
    registered_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    withdrawal_reason: str
    reply_deadline: datetime.date | None
    files: list[FileOut]
    url: str

    @staticmethod
    def resolve_meeting(obj):
        return obj.meeting.code

    resolve_titles = translations("title")

    @staticmethod
    def resolve_revises(obj):
        return obj.base.number if obj.base_id else None

    @staticmethod
    def resolve_countries(obj):
        return [country.iso2 for country in obj.countries.all()]

    @staticmethod
    def resolve_organisations(obj):
        return [organisation.code for organisation in obj.organisations.all()]

    @staticmethod
    def resolve_secretariat(obj):
        return obj.secretariat_source

    @staticmethod
    def resolve_files(obj):
        return [
            {
                "language": file.language,
                "format": file.kind,
                "size": file.size,
                "url": reverse("workgroup:document-file", args=[obj.slug, file.language]),
            }
            for file in obj.files.all()
        ]

    @staticmethod
    def resolve_url(obj):
        return reverse("workgroup:document", args=[obj.slug])


class DocumentFilters(Schema):
    q: str = ""
    group: str = ""
    meeting: str = ""
    source: str = ""
    country: str = ""
    document_type: DocumentType | None = None
    language: LanguageFilter = ""
    year: Year | None = None


@router.get(
    "/groups", response=list[GroupOut], summary="Working groups and the groups they liaise with"
)
def list_groups(request):
    return selectors.groups()


@router.get("/meetings", response=list[MeetingOut], summary="Meetings, latest first")
@paginate(Pagination)
@decorate_view(public_page("workgroup", "core"))
def list_meetings(request, group: str | None = None, upcoming: bool | None = None):
    return selectors.meetings(group_code=group, upcoming=upcoming)


@router.get("/meetings/{code}", response=MeetingDetailOut, summary="One meeting, e.g. CWG-COP-24")
def get_meeting(request, code: str):
    return selectors.meeting_by_code(code)


@router.get(
    "/documents",
    response=list[DocumentOut],
    summary="The public document registry, with the filters and search of its page",
)
@paginate(Pagination)
@decorate_view(public_page("workgroup", "core"))
def list_documents(request, filters: Query[DocumentFilters]):
    data = filters.dict()
    data["document_type"] = data["document_type"] or ""
    return selectors.registry(**data).select_related("base")


@router.get(
    "/documents/{number}",
    response=DocumentOut,
    summary="One document by its number written with '-' (CWG-COP-24-7-Rev.1)",
)
def get_document(request, number: str):
    return selectors.document_by_slug(number)
