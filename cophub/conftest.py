import pytest
from django.utils import translation

from cophub.testing import CHROMIUM, CHROMIUM_ARGS, require_chromium


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


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A test client's request leaves its page's language active; the next test starts afresh."""
    yield
    translation.deactivate()
