import datetime

import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.coordination import demo
from cophub.coordination.models import Activity, OverlapMark

pytestmark = pytest.mark.django_db


def test_demo_register_is_large_multilingual_marked_and_loaded_once():
    SecretariatFactory()
    demo.load_demo()
    activities = Activity.objects.all()
    assert 140 <= activities.count() <= 160
    assert all(a.is_demo for a in activities)
    assert set(activities.values_list("original_language", flat=True)) == {
        "ar",
        "zh",
        "en",
        "fr",
        "ru",
        "es",
    }
    assert activities.values("organisation").distinct().count() >= 15
    assert OverlapMark.objects.count() == len(demo.MARKS)
    assert not activities.filter(mandate=None).exists()
    demo.load_demo()
    assert Activity.objects.count() == activities.count()


def test_demo_activity_status_follows_its_dates():
    demo.load_demo()
    today = datetime.date.today()
    for activity in Activity.objects.all():
        if activity.starts_on > today:
            assert activity.status == Activity.Status.PLANNED, activity.slug
        elif activity.ends_on and activity.ends_on < today:
            assert activity.status == Activity.Status.COMPLETED, activity.slug
        else:
            assert activity.status == Activity.Status.ONGOING, activity.slug
    assert Activity.objects.filter(status=Activity.Status.COMPLETED).exists()
