"""The whole API against its own OpenAPI schema, with schemathesis.

Every operation of /api/v1/openapi.json is called with generated requests, valid and invalid,
through the WSGI application in this process: no answer may be a server error, and every answer
must be a documented status with a documented content type and a body that matches the schema.
The write operations are tried anonymously and as a signed-in secretariat member with the CSRF
token a browser would send.
"""

import contextlib

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from ninja.schema import NinjaGenerateJsonSchema
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.api import api
from cophub.coordination.tests.factories import make_activity
from cophub.core.models import Organisation
from cophub.helplines.tests.factories import ChannelFactory, HelplineFactory, add_hours
from cophub.resources.tests.factories import make_resource
from cophub.statistics.tests.factories import IndicatorFactory, ObservationFactory
from cophub.workgroup.tests.factories import MeetingFactory

from .fuzzing import fuzz_settings

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
# The SDMX-CSV body of a statistics submission is text, like text/csv.
schemathesis.serializer.alias("application/vnd.sdmx.data+csv;version=1.0.0", "text/plain")

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@contextlib.contextmanager
def in_process():
    """Keep the test's database connection open across requests, as Django's test client does:
    the WSGI handler would otherwise close it at the end of each request."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def records(db):
    """One record of each kind, so that the detail operations have something to find."""
    make_activity()
    make_resource()
    add_hours(ChannelFactory(helpline=HelplineFactory()), (0, "08:00", "17:00"))
    indicator = IndicatorFactory()
    ObservationFactory(indicator=indicator)
    MeetingFactory()


@pytest.fixture
def secretariat(records) -> tuple[dict, dict]:
    """The cookies and headers of a signed-in secretariat member's browser."""
    browser = Client()
    browser.force_login(SecretariatFactory())
    browser.get("/en/")  # the sign-out form in the header sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    cookies = {name: morsel.value for name, morsel in browser.cookies.items()}
    return cookies, {"X-CSRFToken": token}


@schema.parametrize()
@fuzz_settings(20)
def test_anonymous(case, records):
    with in_process():
        case.call_and_validate(checks=CHECKS)


@schema.include(method="POST").parametrize()
@fuzz_settings(20)
def test_secretariat_writes(case, secretariat):
    cookies, headers = secretariat
    with in_process():
        case.call_and_validate(checks=CHECKS, cookies=cookies, headers=headers)


def test_the_secretariat_session_gets_past_the_csrf_check(secretariat):
    """The write operations above are tried as a signed-in secretariat member, not refused at
    the door: the same cookies and header add an activity."""
    cookies, headers = secretariat
    body = {
        "organisation": "itu",
        "kind": "campaign",
        "titles": {"en": "Online safety week"},
        "original_language": "en",
        "starts_on": "2026-01-05",
    }
    operation = schema["/api/v1/coordination/activities"]["POST"]
    with in_process():
        response = operation.Case(body=body).call(cookies=cookies, headers=headers)
        refused = operation.Case(body=body).call(cookies=cookies)
    assert response.status_code == 201, response.text
    assert response.json()["titles"] == {"en": "Online safety week"}
    assert refused.status_code == 403
    assert refused.json()["detail"] == "CSRF check Failed"


# Regression tests for what the schemathesis run found.


def test_opening_hours_are_local_times_that_match_the_schema(client):
    """Found against the demo data: the hours were declared in OpenAPI's "time" format, which
    requires an offset from UTC that a helpline's opening hours do not have."""
    add_hours(ChannelFactory(helpline=HelplineFactory()), (0, "08:00", "23:59"))
    [helpline] = client.get("/api/v1/helplines").json()["items"]
    assert helpline["channels"][0]["hours"] == [
        {"weekday": 0, "opens": "08:00:00", "closes": "23:59:00"}
    ]
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ("opens", "closes"):
        declared = components["OpeningOut"]["properties"][name]
        assert "format" not in declared and declared["type"] == "string"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/countries?region=AFR",
        "/api/v1/comparison?region=EUR",
        "/api/v1/coordination/activities?region=ASP&language=fr",
        "/api/v1/resources?language=ar",
        "/api/v1/documents?language=zh",
    ],
)
def test_region_and_language_codes_are_enums_in_the_schema(client, path):
    """Found against the demo data: a region or language the schema allowed as any string was
    refused with 422; the schema now offers only the codes that are accepted."""
    assert client.get(path).status_code == 200
    operation_path, _sep, query = path.partition("?")
    parameters = client.get("/api/v1/openapi.json").json()["paths"][operation_path]["get"][
        "parameters"
    ]
    for name, value in (pair.split("=") for pair in query.split("&")):
        [declared] = [p["schema"] for p in parameters if p["name"] == name]
        enum = declared.get("enum") or declared["anyOf"][0]["enum"]
        assert value in enum
        assert client.get(path.replace(f"{name}={value}", f"{name}=XX")).status_code == 422


def test_components_do_not_overwrite_each_other(client):
    """Organisation.Kind, Activity.Kind, Resource.Kind ... were all filed as "Kind", and the two
    DocumentOut schemas as one: the schema documented one app's values for another's field."""
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                models = [*operation.models, *operation.response_models.values()]
                for model in models:
                    if not hasattr(model, "model_json_schema"):
                        continue
                    own = model.model_json_schema(
                        ref_template="#/components/schemas/{model}",
                        schema_generator=NinjaGenerateJsonSchema,
                    )
                    for name, definition in own.get("$defs", {}).items():
                        assert components[name] == definition, (operation.path, name)
    organisation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/organisations"]
    kinds = organisation["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert kinds["$ref"] == "#/components/schemas/PagedOrganisationOut"
    items = components["PagedOrganisationOut"]["properties"]["items"]["items"]["$ref"]
    assert components[items.rsplit("/", 1)[-1]]["properties"]["kind"]["enum"] == list(
        Organisation.Kind.values
    )


def test_an_unknown_language_is_refused(client):
    response = client.get("/api/v1/regions?lang=de", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Certains paramètres ne sont pas valides."
    assert response.json()["errors"][0]["loc"] == ["query", "lang"]
    assert client.get("/api/v1/regions?lang=").status_code == 422
    assert client.get("/api/v1/regions?lang=fr").status_code == 200


def test_an_offset_past_sql_integers_is_refused(client):
    response = client.get("/api/v1/organisations?offset=74470483698964667478451421184")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "offset"]
    assert client.get("/api/v1/resources?offset=1000000000").json()["items"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/documents?year=-28483",
        "/api/v1/coordination/activities?year=-237",
        "/api/v1/coordination/activities?year=10000",
        "/api/v1/statistics/observations?start_year=99999999999999999999",
    ],
)
def test_a_year_no_date_can_hold_is_refused(client, path):
    """Found by the long schemathesis run: date(year, 1, 1) raised, a server error."""
    response = client.get(path)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_refusals_of_signed_in_operations_are_documented(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    proposals = paths["/api/v1/countries/{iso2}/proposals"]["post"]["responses"]
    submissions = paths["/api/v1/statistics/submissions"]["post"]["responses"]
    assert {"400", "401", "403"} <= set(proposals)
    assert "application/problem+json" in submissions["413"]["content"]
    assert "401" not in paths["/api/v1/regions"]["get"]["responses"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/statistics/observations?age=%00",
        "/api/v1/resources?q=a%00b",
        "/api/v1/documents?search=%00",
    ],
)
def test_a_nul_character_in_a_parameter_is_refused(client, path):
    """Found against the demo data: a NUL in a text parameter reached PostgreSQL, which cannot
    hold it in text, and the answer was a server error."""
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Certains paramètres ne sont pas valides."
