import factory

from cophub.core.models import Country
from cophub.statistics.models import Indicator, Observation


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"TEST_INDICATOR_{n}")
    name = factory.Sequence(lambda n: f"Test indicator {n}")
    name_en = factory.SelfAttribute("name")
    definition = "Share of children who do something, for tests."
    definition_en = factory.SelfAttribute("definition")
    unit = "PT"
    max_value = 100
    by_sex = True
    by_age = True


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="KE"))
    period = 2023
    value = 50.0


def csv_bytes(*rows: str, header: str = "indicator,country,year,sex,age,value") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()
