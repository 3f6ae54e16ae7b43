"""JSON API of the resources module, mounted under /api/v1 by cophub.api: the same search and
filters as the pages."""

import datetime

from django.conf import settings
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from cophub.core.apischema import (
    MANDATE_DESCRIPTION,
    LanguageFilter,
    Pagination,
    choice,
    mandate_codes,
    translated,
    translations,
)

from . import selectors
from .models import Resource

router = Router(tags=["resources"])
Language = str


class TopicOut(Schema):
    code: str
    label: str
    labels: dict[str, str]

    resolve_label = translated("label")
    resolve_labels = translations("label")


class VersionOut(Schema):
    language: str
    url: str
    file_kind: str


class ResourceOut(Schema):
    slug: str
    kind: choice(Resource.Kind)
    title: str
    titles: dict[str, str]
    summary: str
    summaries: dict[str, str]
    original_language: str
    audiences: list[str]
    topics: list[str]
    countries: list[str]
    organisation: str | None
    publisher: str
    licence: str
    published_on: datetime.date | None
    guideline_set: str | None
    edition: int | None
    previous_edition: str | None
    adapts: str | None
    accessible_format: str
    credit: str
    versions: list[VersionOut]
    mandate: list[str] = Field(description=MANDATE_DESCRIPTION)

    resolve_mandate = mandate_codes()
    resolve_title = translated("title")
    resolve_titles = translations("title")
    resolve_summary = translated("summary")
    resolve_summaries = translations("summary")

    @staticmethod
    def resolve_audiences(obj):
        return [a.code for a in obj.audiences.all()]

    @staticmethod
    def resolve_topics(obj):
        return [t.code for t in obj.topics.all()]

    @staticmethod
    def resolve_countries(obj):
        return [c.iso2 for c in obj.countries.all()]

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.code if obj.organisation else None

    @staticmethod
    def resolve_guideline_set(obj):
        return obj.guideline_set.code if obj.guideline_set else None

    @staticmethod
    def resolve_previous_edition(obj):
        return obj.previous_edition.slug if obj.previous_edition_id else None

    @staticmethod
    def resolve_adapts(obj):
        return obj.adapts.slug if obj.adapts_id else None

    @staticmethod
    def resolve_versions(obj):
        return [
            {"language": v.language, "url": v.url, "file_kind": v.file_kind}
            for v in obj.versions.all()
        ]


class ParityCellOut(Schema):
    language: str
    state: str
    edition: int | None
    resource: str | None


class ParityRowOut(Schema):
    audience: str | None
    resource: str | None
    cells: list[ParityCellOut]


class ParityOut(Schema):
    guideline_set: str
    current_edition: int | None
    rows: list[ParityRowOut]


@router.get(
    "/resources",
    response=list[ResourceOut],
    summary="Published resources: search (`q`) and filter as on the pages, best match first",
)
@paginate(Pagination)
def list_resources(
    request,
    q: str = "",
    kind: choice(Resource.Kind) | None = None,
    audience: str = "",
    topic: str = "",
    language: LanguageFilter = "",
    country: str = "",
):
    if language and language not in dict(settings.LANGUAGES):
        raise HttpError(422, "language must be one of ar zh en fr ru es.")
    query = selectors.SearchQuery(
        text=q, kind=kind or "", audience=audience, topic=topic, language=language, country=country
    )
    return selectors.search(query, facets=False).queryset


@router.get("/resources/topics", response=list[TopicOut], summary="The controlled topic vocabulary")
def list_topics(request):
    return selectors.topics()


@router.get(
    "/resources/guideline-sets/{code}/parity",
    response=ParityOut,
    summary="Translation parity of a guideline set: audience edition × language",
)
def guideline_set_parity(request, code: str):
    guideline_set = selectors.guideline_set(code)
    current, rows = selectors.parity_matrix(guideline_set)
    return {
        "guideline_set": guideline_set.code,
        "current_edition": current,
        "rows": [
            {
                "audience": row.audience.code if row.audience else None,
                "resource": row.resource.slug if row.resource else None,
                "cells": [
                    {
                        "language": c.language,
                        "state": c.state,
                        "edition": c.edition,
                        "resource": c.resource.slug if c.resource else None,
                    }
                    for c in row.cells
                ],
            }
            for row in rows
        ],
    }


@router.get("/resources/{slug}", response=ResourceOut, summary="One published resource")
def get_resource(request, slug: str):
    return selectors.resource(slug)
