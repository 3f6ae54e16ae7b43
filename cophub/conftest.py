import os
import secrets
from urllib.parse import quote

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
def _nothing_kept_from_an_earlier_test():
    """The cache (and the process's memory of versioned values) starts empty in every test: a
    value kept under a data version by an earlier test, whose rows were rolled back, is not
    this test's."""
    from django.core.cache import cache

    from cophub.core import cache as versioned
    from cophub.core import pagecache

    cache.clear()
    versioned.forget_in_process()
    pagecache.forget_in_process()


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A test client's request leaves its page's language active; the next test starts afresh."""
    yield
    translation.deactivate()


def database_url(settings_dict: dict, name: str) -> str:
    """A DATABASE_URL for the database `name` on the server that `settings_dict` reaches."""
    user = quote(settings_dict["USER"] or "", safe="")
    password = quote(settings_dict["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@"
    host = settings_dict["HOST"] or ""
    if not host and settings_dict.get("DATA_DIR"):  # the embedded server, not yet reached here
        from cophub.core.embedded_db import server

        host = server.socket_dir(settings_dict["DATA_DIR"])
    if host.startswith("/"):  # a Unix socket (the embedded server)
        return f"postgres://{credentials}/{name}?host={quote(host)}"
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{name}"


@pytest.fixture
def scratch_database(django_db_blocker):
    """A new, empty database on the tests' PostgreSQL server, dropped afterwards: its URL.

    For a `cophub` process that a test starts (migrate, serve) with a database of its own."""
    from django.db import connection

    name = f"scratch_{secrets.token_hex(6)}"
    with django_db_blocker.unblock():
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        settings_dict = connection.settings_dict
    yield database_url(settings_dict, name)
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _migrated_template(django_db_setup, django_db_blocker):
    """A copy of this process's test database as migrations left it, taken once (a second) and
    kept empty: a database that a `cophub` process needs migrated is copied from it instead of
    migrated anew (half a minute)."""
    from django.db import connection

    name = f"migrated_{secrets.token_hex(6)}"
    with django_db_blocker.unblock():
        source = connection.settings_dict["NAME"]
        with connection._nodb_cursor() as cursor:
            # Nothing else may be connected to a template while it is copied (this process's own
            # connection is idle between tests; other test processes have databases of their own).
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [source],
            )
            connection.close()
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    yield name
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def migrated_database(django_db_blocker, _migrated_template):
    """A new database with every migration applied and no rows but what migrations write: its
    URL. Dropped afterwards."""
    from django.db import connection

    name = f"scratch_{secrets.token_hex(6)}"
    with django_db_blocker.unblock():
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_migrated_template}"')
        settings_dict = connection.settings_dict
    yield database_url(settings_dict, name)
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def production_env(tmp_path, migrated_database):
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
        "DATABASE_URL": migrated_database,
        "COPHUB_ENV_FILE": str(tmp_path / "no.env"),
        "COPHUB_DATA_DIR": str(tmp_path),
    }
    return env
