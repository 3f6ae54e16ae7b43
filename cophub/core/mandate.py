"""What serves each paragraph of the mandate: the one interface every module reports through.

Two kinds of things serve a paragraph, and a module registers both from its AppConfig.ready():
- a *feature*, a part of COP Hub that exists to carry out the paragraph whatever records it
  holds (the public registry for R1306 §5, the helpline finder for R179 MS/10): `register_feature`
  with the codes of the paragraphs it serves;
- a *provider* of records: a module that tags its records with `mandate_field()` registers a
  function that, given a paragraph, returns the public records that serve it.
The paragraph's public page, the mandate list's coverage and the reports to Council list both.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse

from . import cache as versioned
from . import pagecache
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


@dataclass(frozen=True)
class MandateFeature:
    """A part of COP Hub that serves paragraphs by what it does, not by the records it holds."""

    key: str
    label: str  # a lazy translation naming the feature, e.g. "The public document registry"
    description: str  # a lazy translation saying, in one sentence, how it serves the paragraphs
    url_name: str  # the feature's page, reversed when shown
    paragraphs: tuple[str, ...]  # codes, e.g. ("R1306/RES/5", "R179/COUNCIL/5")

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_providers: dict[str, MandateProvider] = {}
_features: dict[str, MandateFeature] = {}


def register_provider(provider: MandateProvider) -> None:
    _providers[provider.key] = provider


def unregister_provider(key: str) -> None:
    _providers.pop(key, None)


def register_feature(feature: MandateFeature) -> None:
    _features[feature.key] = feature


def unregister_feature(key: str) -> None:
    _features.pop(key, None)


def features() -> list[MandateFeature]:
    return list(_features.values())


def features_serving(paragraph: MandateParagraph) -> list[MandateFeature]:
    """The features registered for the paragraph, in registration order."""
    return [feature for feature in _features.values() if paragraph.code in feature.paragraphs]


def unknown_feature_paragraphs() -> list[tuple[str, str]]:
    """(feature key, code) for every registered code that names no stored paragraph."""
    known = set(MandateParagraph.objects.values_list("code", flat=True))
    return [
        (feature.key, code)
        for feature in _features.values()
        for code in feature.paragraphs
        if code not in known
    ]


@dataclass(frozen=True)
class Coverage:
    """How much serves one paragraph: the features and the records of every provider."""

    features: int
    records: int

    @property
    def total(self) -> int:
        return self.features + self.records


def coverage(paragraphs: Iterable[MandateParagraph]) -> dict[str, Coverage]:
    """Per paragraph code, how many features and records serve it.

    Counting asks every provider about every paragraph, a few hundred queries: the counts are
    kept until the data of any module that shows records changes."""
    paragraphs = list(paragraphs)

    def compute() -> dict[str, Coverage]:
        return {
            paragraph.code: Coverage(
                features=len(features_serving(paragraph)),
                records=sum(len(records) for _provider, records in work_serving(paragraph)),
            )
            for paragraph in paragraphs
        }

    names = tuple(pagecache.data_version(app) for app in pagecache.CONTENT_APPS)
    current = ":".join(versioned.version(name) for name in names)
    key = (
        f"mandate-coverage:{current}:{','.join(_features)}:{','.join(_providers)}:"
        f"{','.join(p.code for p in paragraphs)}"
    )
    return versioned.cached(
        pagecache.data_version("core"), key, compute, timeout=pagecache.DEFAULT_TIMEOUT
    )


def work_serving(paragraph: MandateParagraph) -> list[tuple[MandateProvider, list[MandateWork]]]:
    """Every provider's records for the paragraph, in registration order, empty ones included."""
    return [(provider, list(provider.records(paragraph))) for provider in _providers.values()]
