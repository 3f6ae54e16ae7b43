import os
import secrets

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


@pytest.fixture
def production_env(tmp_path):
    """The environment of a production app server, for a `cophub` process run in tmp_path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ENV", "DEBUG", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env |= {
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "cophub.example.org",
        "EMAIL_URL": "smtp+tls://mailer:secret@mail.example.org:587",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "COPHUB_ENV_FILE": str(tmp_path / "no.env"),
        "COPHUB_DATA_DIR": str(tmp_path),
    }
    return env
