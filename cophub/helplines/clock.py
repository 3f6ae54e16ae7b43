"""The moment "open now" is computed for: one function, so that tests can hold the clock still."""

import datetime

from django.utils import timezone


def now() -> datetime.datetime:
    return timezone.now()
