"""JSON API of the trainings module, mounted under /api/v1 by cophub.api."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from cophub.accounts.permissions import is_secretariat
from cophub.core.apischema import Pagination, choice

from . import selectors, services
from .models import Audience, TrainingRequest

router = Router(tags=["trainings"])


class TrainingOut(Schema):
    slug: str
    url: str
    title: str
    summary: str
    audience: choice(Audience)
    language: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    place: str
    online: bool
    mandate: list[str]

    @staticmethod
    def resolve_url(training) -> str:
        return reverse("trainings:detail", args=[training.slug])

    @staticmethod
    def resolve_mandate(training) -> list[str]:
        return [paragraph.code for paragraph in training.mandate.all()]


@router.get(
    "/trainings",
    response=list[TrainingOut],
    summary="Trainings, soonest first; `upcoming=true` leaves out those already held",
)
@paginate(Pagination)
def list_trainings(request, upcoming: bool = False):
    found = selectors.upcoming_trainings() if upcoming else selectors.trainings()
    return found.prefetch_related("mandate")


@router.get("/trainings/{slug}", response=TrainingOut, summary="One training")
def get_training(request, slug: str):
    return selectors.training(slug)


# --- requests for a training (Resolution 179, resolves 5, BDT/9) ------------------------------


class TrainingRequestIn(Schema):
    topic: str
    audience: str = Field(description="policymakers, educators, parents, industry or youth")
    language: str = Field(description="ar, zh, en, fr, ru or es")
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    period_start: datetime.date
    period_end: datetime.date
    note: str = ""


class TrainingRequestOut(Schema):
    id: int
    url: str
    topic: str
    audience: choice(Audience)
    language: str
    country: str
    period_start: datetime.date
    period_end: datetime.date
    note: str
    state: choice(TrainingRequest.State)
    requested_at: datetime.datetime
    training: str | None = Field(description="the slug of the training scheduled for it")
    reason: str = Field(description="why the secretariat declined it")

    @staticmethod
    def resolve_url(sent) -> str:
        return reverse("trainings:request", args=[sent.pk])

    @staticmethod
    def resolve_country(sent) -> str:
        return sent.country_id

    @staticmethod
    def resolve_training(sent) -> str | None:
        return sent.training.slug if sent.training_id else None


@router.get(
    "/training-requests",
    response=list[TrainingRequestOut],
    auth=django_auth,
    summary="Requests for a training: all for the secretariat, one's own for anyone else",
)
@paginate(Pagination)
def list_training_requests(request):
    return selectors.training_requests(of=None if is_secretariat(request.auth) else request.auth)


@router.post(
    "/training-requests",
    response={201: TrainingRequestOut},
    auth=django_auth,
    summary="A delegate or an organisation asks for a training (signed in, CSRF token)",
)
def create_training_request(request, body: TrainingRequestIn):
    if not services.may_request_training(request.auth):
        raise HttpError(
            403, _("Only delegates and the accounts of organisations can ask for a training.")
        )
    return Status(201, services.request_training(by=request.auth, **body.dict()))


@router.get(
    "/training-requests/{request_id}",
    response=TrainingRequestOut,
    auth=django_auth,
    summary="One request for a training, for the secretariat and the person who asked",
)
def get_training_request(request, request_id: int):
    sent = selectors.training_request(request_id)
    if not (is_secretariat(request.auth) or sent.requested_by_id == request.auth.pk):
        raise HttpError(403, _("Only the secretariat and the person who asked see this request."))
    return sent
