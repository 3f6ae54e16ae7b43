"""Every read of the trainings module."""

from django.db.models import QuerySet
from django.utils import timezone

from .models import Training


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
