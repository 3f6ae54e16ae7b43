"""JSON API of the trainings module, mounted under /api/v1 by cophub.api."""

import datetime

from django.http import Http404
from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import paginate

from cophub.core.apischema import Pagination, choice

from . import selectors
from .models import Audience, Training

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
    try:
        return selectors.training(slug)
    except Training.DoesNotExist:
        raise Http404 from None
