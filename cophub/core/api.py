"""JSON API of the reference data: regions, countries, organisations, the mandate."""

import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from cophub.core.apischema import Pagination, RegionCode, choice, translations

from . import mandate, selectors
from .models import MandateParagraph, Organisation

router = Router(tags=["reference"])


class RegionOut(Schema):
    code: str
    name: str
    names: dict[str, str]

    resolve_names = translations("name")


class CountryOut(Schema):
    iso2: str
    iso3: str
    numeric: str
    name: str
    names: dict[str, str]
    itu_member: bool
    region: str | None
    ldc: bool
    sids: bool
    lldc: bool
    transition_economy: bool

    resolve_names = translations("name")

    @staticmethod
    def resolve_region(obj):
        return obj.region_id


class OrganisationOut(Schema):
    code: str
    acronym: str
    name: str
    names: dict[str, str]
    kind: choice(Organisation.Kind)
    parent: str | None
    website: str

    resolve_names = translations("name")

    @staticmethod
    def resolve_parent(obj):
        return obj.parent.code if obj.parent else None


class MandateWorkOut(Schema):
    title: str
    url: str
    date: datetime.date | None


class MandateServedOut(Schema):
    key: str
    label: str
    records: list[MandateWorkOut]


class MandateParagraphOut(Schema):
    code: str
    resolution: MandateParagraph.Resolution
    section: str
    number: str
    heading: str
    title: str
    titles: dict[str, str]
    text: str = Field(description="The clean text in the language asked for (see `texts`)")
    texts: dict[str, str] = Field(
        description="The clean text by language; only `text_language` is the Union's text, the "
        "others are COP Hub's unofficial translations"
    )
    text_language: str = Field(description="The language of the source text")
    source_text: str = Field(
        description="The text as the source document has it (Resolution 179: revision marks "
        "of proposal EUR/44A18/1 flattened)"
    )
    source_document: str

    resolve_titles = translations("title")
    resolve_texts = translations("text")


@router.get("/regions", response=list[RegionOut], summary="The six ITU regions")
def list_regions(request):
    return selectors.regions()


@router.get(
    "/countries",
    response=list[CountryOut],
    summary="ISO 3166-1 countries with their ITU region and UN groups",
)
@paginate(Pagination)
def list_countries(
    request,
    region: RegionCode | None = None,
    group: selectors.UnGroup | None = None,
    itu_member: bool = False,
):
    return selectors.countries(region=region, group=group, itu_members_only=itu_member)


@router.get("/countries/{iso2}", response=CountryOut, summary="One country")
def get_country(request, iso2: str):
    return selectors.country(iso2)


@router.get(
    "/organisations",
    response=list[OrganisationOut],
    summary="Organisations taking part in COP work",
)
@paginate(Pagination)
def list_organisations(request, kind: choice(Organisation.Kind) | None = None):
    return selectors.organisations(kind=kind)


@router.get(
    "/mandate",
    response=list[MandateParagraphOut],
    summary="Operative paragraphs of Resolutions 1306 and 179",
)
@paginate(Pagination)
def list_mandate(request, resolution: MandateParagraph.Resolution | None = None):
    return selectors.mandate_paragraphs(resolution=resolution)


class MandateFeatureOut(Schema):
    key: str
    label: str
    description: str
    url: str


class MandateParagraphDetailOut(MandateParagraphOut):
    features: list[MandateFeatureOut] = Field(
        description="The parts of COP Hub built to carry out the paragraph"
    )
    served_by: list[MandateServedOut] = Field(description="The records that name the paragraph")


@router.get(
    "/mandate/{code}",
    response=MandateParagraphDetailOut,
    summary="One paragraph, by its code written with '-' (R179-BDT-5), with what serves it",
)
def get_mandate_paragraph(request, code: str):
    paragraph = selectors.mandate_paragraph(code)
    paragraph.served_by = [
        {"key": provider.key, "label": str(provider.label), "records": records}
        for provider, records in mandate.work_serving(paragraph)
    ]
    paragraph.features = [
        {
            "key": feature.key,
            "label": str(feature.label),
            "description": str(feature.description),
            "url": feature.url,
        }
        for feature in mandate.features_serving(paragraph)
    ]
    return paragraph
