import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _leave_no_language_active():
    """A test client request leaves its page's language active in this thread; put the default
    back, so that tests run after these do not read Chinese or Arabic."""
    yield
    translation.deactivate()
