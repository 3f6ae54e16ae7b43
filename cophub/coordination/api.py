"""JSON API of the coordination module, mounted under /api/v1 by cophub.api: the register with the
same filters as its pages, the overlaps the finder sees, and the secretariat's marks."""

import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from cophub.accounts.permissions import is_secretariat
from cophub.core import i18n
from cophub.core.apischema import (
    LanguageFilter,
    Pagination,
    RegionFilter,
    Year,
    choice,
    translated,
    translations,
)
from cophub.core.problems import problem_response

from . import selectors, services
from .models import Activity, OverlapMark

router = Router(tags=["coordination"])


class TopicOut(Schema):
    code: str
    label: str
    labels: dict[str, str]

    resolve_label = translated("label")
    resolve_labels = translations("label")


class LinkOut(Schema):
    target: str
    slug: str
    title: str
    url: str


class ActivityOut(Schema):
    slug: str
    url: str
    organisation: str
    kind: choice(Activity.Kind)
    status: choice(Activity.Status)
    title: str
    titles: dict[str, str]
    description: str
    descriptions: dict[str, str]
    original_language: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    countries: list[str]
    regions: list[str]
    topics: list[str]
    topics_found_in_text: list[str]
    contact_role: str
    website: str
    is_demo: bool

    @staticmethod
    def resolve_url(obj):
        return obj.get_absolute_url()

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.code

    resolve_title = translated("title")
    resolve_titles = translations("title")
    resolve_description = translated("description")
    resolve_descriptions = translations("description")

    @staticmethod
    def resolve_countries(obj):
        return [c.iso2 for c in obj.countries.all()]

    @staticmethod
    def resolve_regions(obj):
        return [r.code for r in obj.regions.all()]

    @staticmethod
    def resolve_topics(obj):
        return [t.code for t in obj.topics.all()]

    @staticmethod
    def resolve_topics_found_in_text(obj):
        return obj.inferred_topics.split()


class ActivityDetailOut(ActivityOut):
    links: list[LinkOut]
    mandate: list[str]

    @staticmethod
    def resolve_links(obj):
        return list(obj.links.all())

    @staticmethod
    def resolve_mandate(obj):
        return [p.code for p in obj.mandate.all()]


class ReasonOut(Schema):
    code: str
    weight: float
    values: list[str]
    text: str


class OverlapOut(Schema):
    activity: str
    title: str
    organisation: str
    score: float
    reasons: list[ReasonOut]
    mark: OverlapMark.Relation | None


class MarkOut(Schema):
    first: str
    second: str
    relation: OverlapMark.Relation
    note: str
    score: float | None
    marked_at: datetime.datetime

    @staticmethod
    def resolve_first(obj):
        return obj.first.slug

    @staticmethod
    def resolve_second(obj):
        return obj.second.slug


def _query(**params) -> selectors.ActivityQuery:
    if params["language"] and params["language"] not in dict(settings.LANGUAGES):
        raise HttpError(422, _("language must be one of ar zh en fr ru es."))
    return selectors.ActivityQuery(
        q=params["q"].strip(),
        organisation=params["organisation"],
        kind=params["kind"] or "",
        topic=params["topic"],
        country=params["country"].upper(),
        region=params["region"],
        status=params["status"] or "",
        year=params["year"],
        language=params["language"],
    )


@router.get(
    "/coordination/activities",
    response=list[ActivityOut],
    summary="Activities of the register, filtered as on the pages, most recent start first",
)
@paginate(Pagination)
def list_activities(
    request,
    q: str = "",
    organisation: str = "",
    kind: choice(Activity.Kind) | None = None,
    topic: str = "",
    country: str = "",
    region: RegionFilter = "",
    status: choice(Activity.Status) | None = None,
    year: Year | None = None,
    language: LanguageFilter = "",
):
    return selectors.activities(
        _query(
            q=q, organisation=organisation, kind=kind, topic=topic, country=country,
            region=region, status=status, year=year, language=language,
        )
    )  # fmt: skip


@router.get("/coordination/activities/{slug}", response=ActivityDetailOut, summary="One activity")
def get_activity(request, slug: str):
    return selectors.activity(slug)


class ActivityIn(Schema):
    """A new activity; the codes are those the register's pages and the API answer with."""

    organisation: str
    kind: choice(Activity.Kind)
    titles: dict[str, str]
    descriptions: dict[str, str] = {}
    original_language: str
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    status: choice(Activity.Status) = Activity.Status.ONGOING
    countries: list[str] = []
    regions: list[str] = []
    topics: list[str] = []
    mandate: list[str] = []
    resources: list[str] = []
    documents: list[str] = []
    contact_role: str = ""
    website: str = ""


@router.post(
    "/coordination/activities",
    response={201: ActivityDetailOut},
    auth=django_auth,
    summary="The secretariat adds an activity (signed in, CSRF token); its overlaps follow at "
    "/coordination/activities/{slug}/overlaps",
)
def create_activity(request, body: ActivityIn):
    if not is_secretariat(request.auth):
        return problem_response(
            request, 403, detail=_("Only the secretariat records activities in the register.")
        )
    activity = services.record_activity(**body.dict(), created_by=request.auth)
    return Status(201, selectors.activity(activity.slug))


@router.get(
    "/coordination/activities/{slug}/overlaps",
    response=list[OverlapOut],
    summary="The activities most likely to overlap this one, with score and reasons",
)
def activity_overlaps(request, slug: str):
    activity = selectors.activity(slug)
    return [
        {
            "activity": c.activity.slug,
            "title": str(i18n.translated_value(c.activity, "title")),
            "organisation": c.activity.organisation.code,
            "score": c.score,
            "reasons": [
                {
                    "code": r.code,
                    "weight": round(r.weight, 3),
                    "values": list(r.values),
                    "text": text,
                }
                for r, text in zip(c.reasons, c.explained, strict=True)
            ],
            "mark": c.mark.relation if c.mark else None,
        }
        for c in selectors.overlaps_for(activity)
    ]


@router.get(
    "/coordination/marks",
    response=list[MarkOut],
    summary="Pairs of activities the secretariat marked coordinated, complementary or duplicate",
)
@paginate(Pagination)
def list_marks(request, organisation: str = "", relation: OverlapMark.Relation | None = None):
    return selectors.marks(organisation=organisation, relation=relation or "")


@router.get("/coordination/topics", response=list[TopicOut], summary="The topic vocabulary")
def list_topics(request):
    return selectors.topics()
