import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The records of `access_site.build_site`, built once per module and rolled back after it;
    each test runs in a savepoint inside, as pytest-django's `db` does."""
    from .access_site import build_site

    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        cache.clear()
        built = build_site()
        yield built
        transaction.set_rollback(True)
    cache.clear()
