"""Every read of the trainings module."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from .models import Training, TrainingRequest


def trainings() -> QuerySet[Training]:
    return Training.objects.all()


def upcoming_trainings() -> QuerySet[Training]:
    """The trainings not yet over, soonest first."""
    return Training.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")


def past_trainings() -> QuerySet[Training]:
    """The trainings held, the latest first."""
    return Training.objects.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")


def training(slug: str) -> Training:
    return Training.objects.prefetch_related("mandate").get(slug=slug)


def training_requests(*, of: Any = None) -> QuerySet[TrainingRequest]:
    """Every request for a training, the latest first; `of` keeps one person's own."""
    found = TrainingRequest.objects.select_related("country", "training", "organisation")
    return found.filter(requested_by=of) if of is not None else found


def training_request(pk: int) -> TrainingRequest:
    return TrainingRequest.objects.select_related(
        "country", "training", "organisation", "requested_by"
    ).get(pk=pk)
