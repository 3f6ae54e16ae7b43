"""The helplines' work on the task queue: the finder's per-country daily count, written by a
worker so that opening the finder writes nothing to the database on the request path."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, ignore_result=True)
def record_finder_views(counts: list[list]) -> None:
    """A process's openings of the finder: [country, day, openings] each."""
    services.record_finder_views([(iso2, day, int(n)) for iso2, day, n in counts])
