import datetime

import factory

from cophub.core.models import Country
from cophub.countries.models import (
    ChecklistItem,
    Evidence,
    Measure,
    MeasureStatus,
    Milestone,
    Roadmap,
)


def country(iso2: str) -> Country:
    return Country.objects.get(iso2=iso2)


def item(code: str) -> ChecklistItem:
    return ChecklistItem.objects.get(code=code)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    country = factory.LazyFunction(lambda: country("KE"))
    item = factory.LazyFunction(lambda: item("leg-abuse-material"))
    status = MeasureStatus.IN_FORCE


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    measure = factory.SubFactory(MeasureFactory)
    title = factory.Sequence(lambda n: f"Children Act {n}")
    year = 2022
    url = "https://example.org/law"


class RoadmapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roadmap

    country = factory.LazyFunction(lambda: country("KE"))
    title = "National COP roadmap 2024-2028"
    status = Roadmap.Status.ADOPTED
    start_year = 2024
    end_year = 2028


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    roadmap = factory.SubFactory(RoadmapFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    owner = "Ministry of ICT"
    target_date = datetime.date(2030, 1, 1)
