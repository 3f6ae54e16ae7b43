import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def _skip_postgres_only(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (full-text search, row locks): CI runs it there")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Each test's database starts again from the same registry version: a page cached by an
    # earlier test would otherwise answer for this test's documents.
    from django.core.cache import cache

    cache.clear()
