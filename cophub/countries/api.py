"""JSON API of the countries module, mounted under /api/v1 by cophub.api."""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from cophub.accounts.permissions import is_secretariat, represents_country
from cophub.core import selectors as core_selectors
from cophub.core.apischema import (
    MANDATE_DESCRIPTION,
    Pagination,
    RegionCode,
    choice,
    mandate_codes,
    translated,
    translations,
)
from cophub.core.problems import problem_response

from . import selectors, services
from .models import AssistanceRequest, Category, MeasureStatus, Milestone, Proposal, Roadmap

router = Router(tags=["countries"])


class ChecklistItemOut(Schema):
    code: str
    category: Category
    title: str
    titles: dict[str, str]
    explanation: str
    explanations: dict[str, str]
    source: str

    resolve_title = translated("title")
    resolve_titles = translations("title")
    resolve_explanation = translated("explanation")
    resolve_explanations = translations("explanation")


class EvidenceOut(Schema):
    title: str
    year: int
    url: str
    excerpt: str


class MeasureOut(Schema):
    item: str
    category: Category
    status: MeasureStatus
    description: str
    evidence: list[EvidenceOut]


class AssessmentOut(Schema):
    iso2: str
    score: int
    demo: bool
    measures: list[MeasureOut]


class MilestoneOut(Schema):
    id: int
    title: str
    owner: str
    start_date: datetime.date | None
    target_date: datetime.date
    status: choice(Milestone.Status)
    item: str | None

    @staticmethod
    def resolve_item(obj):
        return obj.item.code if obj.item else None


class RoadmapDocumentOut(Schema):
    title: str
    url: str


class RoadmapOut(Schema):
    iso2: str
    title: str
    kind: choice(Roadmap.Kind)
    status: choice(Roadmap.Status)
    start_year: int | None
    end_year: int | None
    cop_in_cybersecurity_strategy: Roadmap.CyberStrategy
    summary: str
    progress: int | None
    demo: bool
    milestones: list[MilestoneOut]
    documents: list[RoadmapDocumentOut]
    mandate: list[str] = Field(description=MANDATE_DESCRIPTION)

    resolve_mandate = mandate_codes()


class ChangedFieldOut(Schema):
    field: str
    before: str | int | None
    after: str | int | None


class ChangeOut(Schema):
    at: datetime.datetime
    action: str
    item: str | None
    subject: str
    by: str | None
    reviewed_by: str | None
    details: list[ChangedFieldOut]

    @staticmethod
    def resolve_item(obj):
        return obj.item.code if obj.item else None

    @staticmethod
    def resolve_by(obj):
        return obj.by.full_name if obj.by else None

    @staticmethod
    def resolve_reviewed_by(obj):
        reviewer = obj.proposal.reviewed_by if obj.proposal else None
        return reviewer.full_name if reviewer else None


class ComparisonRowOut(Schema):
    iso2: str
    name: str
    region: str | None
    score: int | None
    statuses: dict[str, MeasureStatus]


class ComparisonOut(Schema):
    items: list[str]
    countries: list[ComparisonRowOut]


@router.get("/checklist", response=list[ChecklistItemOut], summary="The COP checklist")
def list_checklist(request):
    return selectors.checklist()


@router.get(
    "/countries/{iso2}/measures",
    response=AssessmentOut,
    summary="A country's measures against the checklist, with evidence and score",
)
def get_measures(request, iso2: str):
    found = selectors.assessment(core_selectors.country(iso2))
    return {
        "iso2": found.country.iso2,
        "score": found.score,
        "demo": found.is_demo,
        "measures": [
            {
                "item": line.item.code,
                "category": line.item.category,
                "status": line.status,
                "description": line.measure.description if line.measure else "",
                "evidence": list(line.measure.evidence.all()) if line.measure else [],
            }
            for line in found.lines
        ],
    }


@router.get(
    "/countries/{iso2}/roadmap",
    response=RoadmapOut,
    summary="A country's national COP roadmap or strategy, with milestones and progress",
)
def get_roadmap(request, iso2: str):
    roadmap = selectors.roadmap(core_selectors.country(iso2))
    if roadmap is None:
        raise Http404
    roadmap.iso2 = roadmap.country_id
    roadmap.progress = selectors.progress(roadmap)
    roadmap.demo = roadmap.is_demo
    return roadmap


@router.get(
    "/countries/{iso2}/history",
    response=list[ChangeOut],
    summary="Every change to a country's record, newest first",
)
@paginate(Pagination)
def list_history(request, iso2: str):
    return selectors.history(core_selectors.country(iso2))


@router.get(
    "/comparison",
    response=ComparisonOut,
    summary="ITU Member States against the checklist, by ITU region and UN group",
)
def get_comparison(
    request, region: RegionCode | None = None, group: core_selectors.UnGroup | None = None
):
    comparison = selectors.comparison(region=region, group=group)
    codes = [item.code for item in comparison.items]
    return {
        "items": codes,
        "countries": [
            {
                "iso2": country.iso2,
                "name": country.name,
                "region": country.region_id,
                "score": score,
                "statuses": dict(zip(codes, cells, strict=True)),
            }
            for country, score, cells in comparison.rows
        ],
    }


class ProposalIn(Schema):
    kind: choice(Proposal.Kind)
    payload: dict  # the same shape as the forms send; see docs/countries.md


class ProposalOut(Schema):
    id: int
    country: str
    kind: choice(Proposal.Kind)
    status: choice(Proposal.Status)
    proposed_at: datetime.datetime

    @staticmethod
    def resolve_country(obj):
        return obj.country_id


@router.post(
    "/countries/{iso2}/proposals",
    response={201: ProposalOut},
    auth=django_auth,
    summary="A focal point proposes a change to its own country's record (signed in, CSRF token)",
)
def create_proposal(request, iso2: str, body: ProposalIn):
    country = core_selectors.country(iso2)
    if not represents_country(request.auth, country.iso2):
        return problem_response(
            request,
            403,
            detail=_("You can propose changes only for the Member State you represent."),
        )
    proposal = services.propose_change(
        country=country, kind=body.kind, payload=body.payload, by=request.auth
    )
    return Status(201, proposal)


# --- requests for assistance (Resolution 179, RES/2, BDT/4, BDT/8) ---------------------------


class AssistanceIn(Schema):
    subject: str = Field(description="roadmap, strategy or legislation")
    description: str


class AssistanceStepOut(Schema):
    state: choice(AssistanceRequest.State)
    note: str
    at: datetime.datetime


class AssistancePublicOut(Schema):
    """What anyone may read of a request: what it is about and where it stands."""

    id: int
    country: str
    subject: choice(AssistanceRequest.Subject)
    state: choice(AssistanceRequest.State)
    requested_at: datetime.datetime
    updated_at: datetime.datetime
    mandate: list[str] = Field(description=MANDATE_DESCRIPTION)

    @staticmethod
    def resolve_country(obj):
        return obj.country_id

    resolve_mandate = mandate_codes()


class AssistanceOut(AssistancePublicOut):
    """What the secretariat and the Member State's delegates read: the request and its steps."""

    description: str
    steps: list[AssistanceStepOut]

    @staticmethod
    def resolve_steps(obj):
        return list(obj.steps.all())


class AssistanceStepIn(Schema):
    state: str = Field(description="accepted, in_progress, completed or declined")
    note: str = ""


@router.get(
    "/countries/{iso2}/assistance",
    response=list[AssistancePublicOut],
    summary="A Member State's requests for assistance: subject and state",
)
def list_country_assistance(request, iso2: str):
    country = core_selectors.country(iso2)
    return selectors.assistance_requests(country=country).prefetch_related("mandate")


@router.post(
    "/countries/{iso2}/assistance",
    response={201: AssistanceOut},
    auth=django_auth,
    summary="A Member State's delegate asks for assistance (signed in, CSRF token)",
)
def create_assistance_request(request, iso2: str, body: AssistanceIn):
    country = core_selectors.country(iso2)
    if not represents_country(request.auth, country.iso2):
        raise HttpError(
            403, _("You can ask for assistance only for the Member State you represent.")
        )
    sent = services.request_assistance(
        country=country, subject=body.subject, description=body.description, by=request.auth
    )
    return Status(201, sent)


@router.get(
    "/assistance-requests",
    response=list[AssistanceOut],
    auth=django_auth,
    summary="Every request for assistance, for the secretariat (`?group=LDC`, `?state=`)",
)
@paginate(Pagination)
def list_assistance_requests(
    request,
    state: choice(AssistanceRequest.State) | None = None,
    group: core_selectors.UnGroup | None = None,
):
    if not is_secretariat(request.auth):
        raise HttpError(403, _("Only the secretariat handles requests for assistance."))
    return selectors.assistance_requests(state=state, group=group).prefetch_related(
        "mandate", "steps"
    )


@router.post(
    "/assistance-requests/{request_id}/steps",
    response={201: AssistanceOut},
    auth=django_auth,
    summary="The secretariat moves a request to its next state (signed in, CSRF token)",
)
def advance_assistance_request(request, request_id: int, body: AssistanceStepIn):
    if not is_secretariat(request.auth):
        raise HttpError(403, _("Only the secretariat handles requests for assistance."))
    try:
        sent = selectors.assistance_request(request_id)
    except AssistanceRequest.DoesNotExist:
        raise Http404 from None
    sent = services.advance_assistance_request(
        request=sent, state=body.state, note=body.note, by=request.auth
    )
    return Status(201, sent)
