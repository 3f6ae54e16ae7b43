import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.coordination.models import Activity

from .factories import make_activity

pytestmark = pytest.mark.django_db


def test_the_secretariat_manages_activities_and_marks_in_the_admin(client):
    activity = make_activity()
    client.force_login(SecretariatFactory())
    for path in ("/en/admin/coordination/activity/", "/en/admin/coordination/overlapmark/",
                 "/en/admin/coordination/topic/", f"/en/admin/coordination/activity/{activity.pk}/change/"):  # fmt: skip
        assert client.get(path).status_code == 200, path


def test_an_admin_change_is_analysed_again(client):
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    activity = make_activity()
    activity.title_en = "Sextortion awareness for teenagers"
    admin = site._registry[Activity]
    request = RequestFactory().post("/")
    request.user = SecretariatFactory()
    admin.save_model(request, activity, form=None, change=True)
    activity.refresh_from_db()
    assert "sextortion" in activity.inferred_topics.split()
