"""Reads of the reference data, for views, the API and the other apps."""

from enum import StrEnum
from itertools import groupby

from django.conf import settings
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import translation

from .models import Country, MandateParagraph, Organisation, Region


def regions() -> QuerySet[Region]:
    return Region.objects.all()


def countries(
    *, region: str | None = None, group: str | None = None, itu_members_only: bool = False
) -> QuerySet[Country]:
    """Countries in the current language's alphabetical order, filtered by ITU region and UN group."""
    queryset = Country.objects.select_related("region").order_by("name")
    if region:
        queryset = queryset.filter(region_id=region)
    if group:
        queryset = queryset.filter(**{UN_GROUP_FIELDS[group]: True})
    if itu_members_only:
        queryset = queryset.filter(itu_member=True)
    return queryset


class UnGroup(StrEnum):
    """The UN development groups Resolution 179 names, as `?group=` spells them."""

    LDC = "LDC"
    SIDS = "SIDS"
    LLDC = "LLDC"
    EIT = "EIT"


UN_GROUP_FIELDS: dict[str, str] = {
    UnGroup.LDC: "ldc",
    UnGroup.SIDS: "sids",
    UnGroup.LLDC: "lldc",
    UnGroup.EIT: "transition_economy",
}


# ISO 3166-1 entries where nobody lives permanently, so no child either (the CIA World
# Factbook, "People and Society", and the UN World Population Prospects, which gives them no
# population): Antarctica, Bouvet Island, South Georgia and the South Sandwich Islands, Heard
# Island and McDonald Islands, the British Indian Ocean Territory (a military base), the French
# Southern Territories and the United States Minor Outlying Islands (research and military
# staff only). A form that asks children where they live does not offer them.
NO_PERMANENT_POPULATION = frozenset({"AQ", "BV", "GS", "HM", "IO", "TF", "UM"})


def country_choices(*, inhabited_only: bool = False) -> list[tuple[str, str]]:
    """(ISO code, name in the page's language) of every country, in its alphabetical order, read
    as plain values (the lists of countries on public pages; no model instance per country);
    `inhabited_only` leaves out the places where nobody lives."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    rows = Country.objects.values_list("iso2", f"name_{language}", "name_en", named=True)
    if inhabited_only:
        rows = rows.exclude(iso2__in=NO_PERMANENT_POPULATION)
    return sorted(
        ((row.iso2, getattr(row, f"name_{language}") or row.name_en) for row in rows),
        key=lambda choice: choice[1],
    )


def country(iso2: str) -> Country:
    return get_object_or_404(Country.objects.select_related("region"), iso2=iso2.upper())


def organisations(*, kind: str | None = None) -> QuerySet[Organisation]:
    queryset = Organisation.objects.select_related("parent").order_by("name")
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def mandate_paragraphs(*, resolution: str | None = None) -> QuerySet[MandateParagraph]:
    queryset = MandateParagraph.objects.all()
    if resolution:
        queryset = queryset.filter(resolution=resolution)
    return queryset


def mandate_by_resolution() -> list[dict]:
    """The paragraphs of each resolution, grouped by the operative section they stand in."""
    grouped = []
    for resolution, group in groupby(mandate_paragraphs(), key=lambda p: p.resolution):
        paragraphs = list(group)
        sections = [
            (key, list(items)) for key, items in groupby(paragraphs, key=lambda p: p.section)
        ]
        grouped.append(
            {
                "resolution": paragraphs[0].get_resolution_display(),
                "code": resolution,
                "sections": sections,
            }
        )
    return grouped


def mandate_summary() -> list[dict]:
    """Per resolution: its name, and how many operative sections and paragraphs it has."""
    labels = dict(MandateParagraph.Resolution.choices)
    rows = (
        MandateParagraph.objects.order_by("resolution")
        .values("resolution")
        .annotate(sections=Count("section", distinct=True), paragraphs=Count("pk"))
    )
    return [row | {"label": labels[row["resolution"]]} for row in rows]


def mandate_paragraph(slug: str) -> MandateParagraph:
    """A paragraph by its URL form, `R179-BDT-5`, or by its code, `R179/BDT/5`."""
    return get_object_or_404(MandateParagraph, code=slug.replace("-", "/"))
