import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The records of `access_site.build_site`, built once per module and rolled back after it;
    each test runs in a savepoint inside, as pytest-django's `db` does.

    The paused sign-in among them must not expire while the module runs, however long that takes
    on a loaded machine: axes deletes attempts older than its cool-off on later requests, which
    would show as a write in every "nothing was written" check. So the cool-off is off here (the
    cool-off itself is tested in accounts/tests/test_security.py)."""
    from .access_site import build_site

    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), AXES_COOLOFF_TIME=None),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        cache.clear()
        built = build_site()
        yield built
        transaction.set_rollback(True)
    cache.clear()
