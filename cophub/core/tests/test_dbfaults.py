"""While the database is unreachable, pages and the API answer 503 with Retry-After, translated."""

import sys
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
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
