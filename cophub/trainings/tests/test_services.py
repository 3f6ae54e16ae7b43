import datetime

import pytest

from cophub.accounts.tests.factories import DelegateFactory
from cophub.core.errors import DomainError
from cophub.trainings import selectors
from cophub.trainings.models import Training

from .factories import schedule

pytestmark = pytest.mark.django_db


def test_a_scheduled_training_serves_its_mandate_paragraphs_and_is_listed_by_date():
    held = schedule(days=-20, title="Held")
    coming = schedule(days=5, title="Coming")
    assert sorted(p.code for p in coming.mandate.all()) == [
        "R179/BDT/9",
        "R179/MS/4",
        "R179/MS/5",
        "R179/MS/6",
        "R179/RES/5",
    ]
    assert list(selectors.upcoming_trainings()) == [coming]
    assert list(selectors.past_trainings()) == [held]
    assert coming.slug.endswith("-coming")


def test_two_trainings_of_one_title_and_day_get_two_addresses():
    first = schedule(days=3)
    second = schedule(days=3)
    assert first.slug != second.slug
    assert second.slug == f"{first.slug}-2"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "  "}, "title"),
        ({"audience": "pets"}, "audience"),
        ({"language": "de"}, "language"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"place": "", "online": False}, "place"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(overrides, field):
    with pytest.raises(DomainError) as refused:
        schedule(**overrides)
    assert refused.value.field == field
    assert not Training.objects.exists()


def test_a_training_must_end_after_it_starts():
    with pytest.raises(DomainError, match="end after it starts"):
        schedule(ends_at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    assert not Training.objects.exists()


def test_only_the_secretariat_schedules():
    with pytest.raises(DomainError, match="Only the secretariat"):
        schedule(by=DelegateFactory())
    assert not Training.objects.exists()
