import pytest

from cophub.statistics import views


@pytest.fixture(autouse=True)
def _nothing_kept_between_tests():
    """Each test starts with no page computed by an earlier one (their databases differ)."""
    views._computed.clear()
    yield
    views._computed.clear()
