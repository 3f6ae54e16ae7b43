"""The helplines' work on the task queue: the finder's per-country daily count, written by a
worker so that opening the finder writes nothing to the database on the request path."""

import datetime

from celery import shared_task

from . import services


@shared_task(acks_late=True, ignore_result=True)
def record_finder_view(iso2: str, day: str) -> None:
    services.record_finder_view(iso2=iso2, day=datetime.date.fromisoformat(day))
