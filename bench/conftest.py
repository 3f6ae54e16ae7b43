"""The bench's own tests serve a copy of the suite's migrated database instead of migrating one."""

import pytest

from cophub.conftest import _migrated_template, database_url  # noqa: F401, F811 - the fixture, shared


@pytest.fixture
def bench_on_the_tests_server(_migrated_template, monkeypatch):  # noqa: F811
    """Point the bench at the tests' PostgreSQL server and its migrated copy (when the server is
    reached over TCP, as BENCH_POSTGRES_URL needs)."""
    from django.db import connection

    settings_dict = connection.settings_dict
    host = settings_dict["HOST"] or ""
    if host and not host.startswith("/"):
        server = database_url(settings_dict, "").removesuffix("/")
        monkeypatch.setenv("BENCH_POSTGRES_URL", server)
        monkeypatch.setenv("BENCH_TEMPLATE_DATABASE", _migrated_template)
