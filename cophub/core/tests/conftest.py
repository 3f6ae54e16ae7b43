import os
import uuid

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


# A Redis of the developer's or CI's own (never a production one) for the tests of what app
# servers share through the cache.
TEST_REDIS_URL = os.environ.get("COPHUB_TEST_REDIS_URL", "")


@pytest.fixture
def redis_servers(settings):
    """Two app servers' caches, "server_a" and "server_b", each its own Redis client, on the
    test Redis: keys go under a prefix of the test's own and are deleted afterwards, nothing is
    flushed. Yields the prefix."""
    if not TEST_REDIS_URL:
        pytest.skip("COPHUB_TEST_REDIS_URL names no Redis to test on")
    import redis

    prefix = f"cophub-test-{uuid.uuid4().hex}"
    server = {
        "BACKEND": "cophub.core.redis_cache.RedisCache",
        "LOCATION": TEST_REDIS_URL,
        "KEY_PREFIX": prefix,
    }
    settings.CACHES = {**settings.CACHES, "server_a": server, "server_b": dict(server)}
    connection = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        yield prefix
    finally:
        for key in connection.scan_iter(f"{prefix}:*"):
            connection.delete(key)
