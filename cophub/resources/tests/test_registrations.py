"""What the repository gives the shared pages: country profile, mandate, reports; and near
matches for a mistyped word."""

import datetime

import pytest

from cophub.core import mandate, profiles, reporting
from cophub.core.models import Country, MandateParagraph
from cophub.resources import selectors

from .factories import make_resource

pytestmark = pytest.mark.django_db


def _section(registry, key):
    return next(section for section in registry.sections() if section.key == key)


def test_profile_section_lists_strategies_campaigns_trainings_and_a_gap():
    section = _section(profiles, "resources")
    kenya, ghana = Country.objects.get(iso2="KE"), Country.objects.get(iso2="GH")
    make_resource(kind="campaign", countries=["KE"], titles={"en": "Be kind online, Kenya"})
    make_resource(kind="best_practice", countries=["KE"])
    data = section.data(kenya)
    assert [r.title for group in data.values() for r in group] == ["Be kind online, Kenya"]
    assert section.gaps(kenya) == [
        "No national child online protection strategy in the resource repository."
    ]
    make_resource(kind="national_strategy", countries=["GH"])
    assert section.gaps(ghana) == []
    assert not section.data(Country.objects.get(iso2="FR"))


def test_mandate_provider_lists_what_serves_a_paragraph():
    resource = make_resource(mandate=["R179/SG/8"])
    provider = next(
        p
        for p, _records in mandate.work_serving(MandateParagraph.objects.get(code="R179/SG/8"))
        if p.key == "resources"
    )
    records = list(provider.records(MandateParagraph.objects.get(code="R179/SG/8")))
    assert [r.url for r in records] == [resource.get_absolute_url()]


def test_report_section_counts_resources_added_in_the_period():
    make_resource(kind="campaign", published_on=datetime.date(2025, 3, 1))
    make_resource(kind="campaign", published_on=datetime.date(2024, 3, 1))
    blocks = _section(reporting, "resources").blocks(
        datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    )
    assert blocks[0].rows == [["Awareness campaign", 1]]
    empty = _section(reporting, "resources").blocks(
        datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)
    )
    assert isinstance(empty[0], reporting.ReportParagraph)


def test_near_matches_are_found_for_a_mistyped_word():
    make_resource(titles={"en": "Grooming: what parents should know"})
    found = selectors.search(selectors.SearchQuery(text="groomnig"))
    assert found.near_matches
    assert [r.title for r in found.queryset] == ["Grooming: what parents should know"]
