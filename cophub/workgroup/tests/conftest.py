import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Each test's database starts again from the same registry version: a page cached by an
    # earlier test would otherwise answer for this test's documents.
    from django.core.cache import cache

    cache.clear()
