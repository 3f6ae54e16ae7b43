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
