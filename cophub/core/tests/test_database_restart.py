"""PostgreSQL restarted under the site: the requests during the outage get a clean 503, and the
site answers again by itself once the database is back, with no restart of the app.

The site's connection is pointed at a cluster of the test's own (the shared server is never
restarted), which holds a copy of the test database (pg_dump | pg_restore), with the settings
production runs with: kept connections (CONN_MAX_AGE) checked before reuse (CONN_HEALTH_CHECKS).
"""

import subprocess
import threading
import time

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import connection

from .private_cluster import private_cluster

pytestmark = pytest.mark.django_db(transaction=True)


def _copy_test_database_into(cluster) -> None:
    s = connection.settings_dict
    dump = subprocess.run(
        [str(cluster.bin / "pg_dump"), "--format=custom", "--no-owner",
         "-h", s["HOST"], "-p", str(s["PORT"] or 5432), "-U", s["USER"], s["NAME"]],
        check=True, capture_output=True, env={"PGPASSWORD": s["PASSWORD"] or ""},
    ).stdout  # fmt: skip
    subprocess.run(
        [str(cluster.bin / "pg_restore"), "--no-owner", "--no-acl", "--single-transaction",
         "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "-d", "cophub"],
        input=dump, check=True, capture_output=True,
    )  # fmt: skip


def _get(client, path):
    """One request as the WSGI server makes it, with the signals around it that close or check
    kept connections (the test client leaves them out)."""
    request_started.send(sender=WSGIHandler)
    try:
        return client.get(path).status_code
    finally:
        request_finished.send(sender=WSGIHandler)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_the_site_answers_503_while_postgresql_restarts_and_recovers_by_itself(client, mode):
    saved = dict(connection.settings_dict)
    with private_cluster() as cluster:
        _copy_test_database_into(cluster)
        connection.close()
        connection.settings_dict.update(
            NAME="cophub", HOST="127.0.0.1", PORT=cluster.port, USER="postgres", PASSWORD="",
            CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True,
        )  # fmt: skip
        try:
            assert _get(client, "/api/v1/countries") == 200
            kept = connection.connection.info.backend_pid

            restart = threading.Thread(target=cluster.pg_ctl, args=("restart", "-m", mode))
            restart.start()
            statuses = []
            while restart.is_alive():
                statuses.append(_get(client, "/api/v1/countries"))
                time.sleep(0.05)
            database_back = time.monotonic()
            while statuses[-1] != 200 and time.monotonic() - database_back < 10:
                statuses.append(_get(client, "/api/v1/countries"))
                time.sleep(0.05)
            recovered_in = time.monotonic() - database_back
            renewed = connection.connection.info.backend_pid if connection.connection else None
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)
    # Only clean answers: 200 before and after, 503 with Retry-After during; never a 500.
    assert set(statuses) <= {200, 503}, statuses
    assert 503 in statuses, "no request fell in the outage"
    assert statuses[-1] == 200, f"not answering 10 s after the database was back: {statuses[-5:]}"
    assert recovered_in < 10
    # The connection kept from before the restart was replaced, not the app server.
    assert renewed is not None and renewed != kept
