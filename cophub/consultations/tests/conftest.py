import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Questions are cached by consultation id, which a new test's database may reuse; and a
    request in French leaves French active in the thread, which later tests would inherit."""
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()
