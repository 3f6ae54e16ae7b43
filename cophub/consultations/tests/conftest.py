import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Questions are cached by consultation id, which a new test's database may reuse."""
    cache.clear()
    yield
    cache.clear()
