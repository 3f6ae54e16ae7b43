"""While the database is unreachable, pages and the API answer 503 with Retry-After, translated."""

import sys
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.test import RequestFactory

from cophub.core import dbfaults

pytestmark = pytest.mark.django_db


def _database_down(error):
    def fail(self, *args, **kwargs):
        raise error("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    return mock.patch.multiple(CursorWrapper, execute=fail, executemany=fail)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_answers_503_in_the_visitors_language_while_the_database_is_down(client, error):
    with _database_down(error):
        response = client.get("/fr/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(dbfaults.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "Service temporairement indisponible" in body
    assert "Traceback" not in body and "OperationalError" not in body
    # Once the database answers again, so does the page, with no restart.
    assert client.get("/fr/").status_code == 200


def test_the_api_answers_a_problem_with_retry_after(client):
    with _database_down(OperationalError):
        response = client.get("/api/v1/countries", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == str(dbfaults.RETRY_AFTER_SECONDS)
    problem = response.json()
    assert problem["status"] == 503
    assert problem["title"] == "Servicio temporalmente no disponible"
    assert problem["instance"] == "/api/v1/countries"
    assert client.get("/api/v1/countries").status_code == 200


def test_a_write_refused_during_the_outage_is_a_503_too(client):
    with _database_down(OperationalError):
        response = client.post("/en/accounts/login/", {"username": "a", "password": "b"})
    assert response.status_code == 503


def test_other_errors_are_still_500():
    request = RequestFactory().get("/en/")
    try:
        raise ValueError("a bug")
    except ValueError:
        assert sys.exc_info()[0] is ValueError
        response = dbfaults.server_error(request)
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_a_failure_outside_a_view_reaches_handler500_and_is_a_503():
    request = RequestFactory().get("/api/v1/countries")
    try:
        raise InterfaceError("connection already closed")
    except InterfaceError:
        response = dbfaults.server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == str(dbfaults.RETRY_AFTER_SECONDS)


def _drop_the_sites_connection() -> int:
    """What a restart of PostgreSQL does to every open connection: the server ends it."""
    import psycopg

    pid = connection.connection.info.backend_pid
    s = connection.settings_dict
    params = {"dbname": s["NAME"], "host": s["HOST"], "port": s["PORT"] or 5432, "user": s["USER"]}
    with psycopg.connect(**params, password=s["PASSWORD"] or None, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


def _request_boundary(signal):
    # What the WSGI handler sends around every request (the test client leaves it out).
    from django.core.handlers.wsgi import WSGIHandler

    signal.send(sender=WSGIHandler)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("health_checks", [True, False])
def test_a_connection_the_database_server_dropped_is_replaced_by_itself(
    client, monkeypatch, health_checks
):
    """With the production settings (kept connections, health checks), the first request after
    a restart of PostgreSQL is answered; without health checks it gets a clean 503 and the
    next one is answered. Neither needs the app servers restarted."""
    from django.core.signals import request_finished, request_started

    connection.close()
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", health_checks)
    _request_boundary(request_started)
    assert client.get("/api/v1/countries").status_code == 200
    _request_boundary(request_finished)
    dropped = _drop_the_sites_connection()

    _request_boundary(request_started)
    first = client.get("/api/v1/countries")
    _request_boundary(request_finished)
    if health_checks:
        assert first.status_code == 200
    else:
        assert first.status_code == 503
        assert first["Retry-After"] == str(dbfaults.RETRY_AFTER_SECONDS)
        _request_boundary(request_started)
        assert client.get("/api/v1/countries").status_code == 200
        _request_boundary(request_finished)
    assert connection.connection.info.backend_pid != dropped
