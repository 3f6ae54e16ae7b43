import pytest
from django.core.cache import cache

from cophub.core import cache as versioned


@pytest.fixture(autouse=True)
def _nothing_kept_between_tests():
    """Each test starts with no page computed by an earlier one (their databases differ)."""
    cache.clear()
    versioned.forget_in_process()
    yield
    cache.clear()
    versioned.forget_in_process()
