import pytest
from django.core.cache import cache
from django.utils import translation

from cophub.consultations import selectors


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Questions are kept by consultation id, which a new test's database may reuse; and a
    request in French leaves French active in the thread, which later tests would inherit."""
    cache.clear()
    selectors.forget_kept()
    yield
    cache.clear()
    selectors.forget_kept()
    translation.deactivate()
