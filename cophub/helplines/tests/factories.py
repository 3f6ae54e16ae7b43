import datetime

import factory

from cophub.core.models import Country
from cophub.helplines.models import ContactChannel, Helpline, Kind, OpeningHours


class HelplineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Helpline

    key = factory.Sequence(lambda n: f"helpline-{n}")
    kind = Kind.CHILD_HELPLINE
    name = factory.Sequence(lambda n: f"Helpline {n}")
    name_en = factory.SelfAttribute("name")
    operator_name = "Children's Trust"
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="KE"))
    languages = ["en", "sw"]
    ages_min = 6
    ages_max = 18
    topics = ["any"]
    source_name = "Child Helpline International"
    source_url = "https://childhelplineinternational.org/"
    last_verified = factory.LazyFunction(datetime.date.today)


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactChannel

    helpline = factory.SubFactory(HelplineFactory)
    kind = "phone"
    value = "116"
    works_in = ["KE"]
    free = True
    timezone = "Africa/Nairobi"


def add_hours(channel, *openings):
    """openings: (weekday, "08:00", "17:00")"""
    for weekday, opens, closes in openings:
        OpeningHours.objects.create(
            channel=channel,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
    return channel
