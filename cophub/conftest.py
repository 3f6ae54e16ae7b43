import pytest
from django.apps import apps
from django.core.cache import cache

from cophub.core.reference import load_reference_data
from cophub.testing import CHROMIUM, CHROMIUM_ARGS, require_chromium


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as the data it sees is its own."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _reference_data_in_transactional_tests(request):
    """Transactional tests (a live server) flush the database after each test, reference data
    included; put it back so that every test starts from what migrations load."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        if not apps.get_model("core", "Country").objects.exists():
            load_reference_data(apps)


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshots(tmp_path):
    """A temporary folder for the screenshots a test takes."""
    folder = tmp_path / "screenshots"
    folder.mkdir()
    return folder
