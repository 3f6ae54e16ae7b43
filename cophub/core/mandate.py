"""What serves each paragraph of the mandate: the one interface every module reports through.

A module that tags its records with `mandate_field()` registers a provider here from its
AppConfig.ready(): a function that, given a paragraph, returns the public records that serve it.
The paragraph's public page and the reports to Council list what all providers return.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import MandateParagraph


@dataclass(frozen=True)
class MandateWork:
    title: str
    url: str
    date: datetime.date | None = None


@dataclass(frozen=True)
class MandateProvider:
    key: str
    label: str  # a lazy translation naming the kind of record, e.g. "Documents"
    records: Callable[[MandateParagraph], Iterable[MandateWork]]


_providers: dict[str, MandateProvider] = {}


def register_provider(provider: MandateProvider) -> None:
    _providers[provider.key] = provider


def unregister_provider(key: str) -> None:
    _providers.pop(key, None)


def work_serving(paragraph: MandateParagraph) -> list[tuple[MandateProvider, list[MandateWork]]]:
    """Every provider's records for the paragraph, in registration order, empty ones included."""
    return [(provider, list(provider.records(paragraph))) for provider in _providers.values()]
