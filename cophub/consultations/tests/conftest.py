import pytest
from django.core.cache import cache
from django.utils import translation

from cophub.core import cache as versioned


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Questions are kept by consultation id and slug, which a new test's database may reuse; and a
    request in French leaves French active in the thread, which later tests would inherit."""
    cache.clear()
    versioned.forget_in_process()
    yield
    cache.clear()
    versioned.forget_in_process()
    translation.deactivate()
