import json
import re

import pytest
from openapi_spec_validator import validate

from cophub.core.i18n import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_valid_and_lists_the_reference_endpoints(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/countries",
        "/api/v1/countries/{iso2}",
        "/api/v1/regions",
        "/api/v1/organisations",
        "/api/v1/mandate",
    } <= set(schema["paths"])


def test_countries_are_paginated_and_filtered_by_region_and_group(client):
    page = client.get("/api/v1/countries", {"limit": 10}).json()
    assert page["count"] == 249
    assert len(page["items"]) == 10

    arab_states = client.get("/api/v1/countries", {"region": "ARB", "limit": 100}).json()
    assert arab_states["count"] == 22
    assert {item["region"] for item in arab_states["items"]} == {"ARB"}

    ldcs = client.get("/api/v1/countries", {"group": "LDC", "limit": 100}).json()
    assert ldcs["count"] == 44
    assert all(item["ldc"] for item in ldcs["items"])


def test_answers_come_in_the_language_asked_for(client):
    by_parameter = client.get("/api/v1/countries/eg", {"lang": "ar"})
    assert by_parameter.json()["name"] == "مصر"
    assert by_parameter["Content-Language"] == "ar"

    by_header = client.get("/api/v1/countries/EG", headers={"accept-language": "ru"})
    assert by_header.json()["name"] == "Египет"
    assert by_header.json()["names"]["zh"] == "埃及"

    mandate = client.get("/api/v1/mandate/R1306-RES-3", {"lang": "fr"}).json()
    assert mandate["title"] == mandate["titles"]["fr"]
    assert mandate["text_language"] == "ar"
    assert mandate["text"] == mandate["texts"]["fr"] != mandate["texts"]["ar"]
    assert mandate["source_text"] == mandate["texts"]["ar"]
    assert mandate["source_document"] == "C24/140-A"
    marked = client.get("/api/v1/mandate/R179-MSSM-2", {"lang": "zh"}).json()
    assert "ITUT" in marked["source_text"] and "ITU-T" in marked["texts"]["ar"]
    assert marked["source_document"] == "EUR/44A18/1"


def test_unknown_record_is_a_problem_in_the_language_asked_for(client):
    response = client.get("/api/v1/countries/QQ", {"lang": "fr"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 404
    assert problem["title"] == "Introuvable"
    assert problem["instance"] == "/api/v1/countries/QQ"


def test_invalid_parameter_is_a_422_problem_naming_the_parameter(client):
    response = client.get("/api/v1/countries", {"group": "G77"}, headers={"accept-language": "es"})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["detail"] == "Algunos parámetros no son válidos."
    assert problem["errors"][0]["loc"][-1] == "group"


def test_unknown_api_address_and_wrong_method_are_problems(client):
    missing = client.get("/api/v1/no-such-thing")
    assert (missing.status_code, missing["Content-Type"]) == (404, "application/problem+json")
    assert missing.json()["title"] == "Not found"

    wrong_method = client.post("/api/v1/countries", {})
    assert (wrong_method.status_code, wrong_method["Content-Type"]) == (
        405,
        "application/problem+json",
    )


def test_organisations_name_their_parent(client):
    items = client.get("/api/v1/organisations", {"kind": "itu_bureau"}).json()["items"]
    assert {item["code"] for item in items} == {"bdt", "tsb", "br"}
    assert {item["parent"] for item in items} == {"itu-d", "itu-t", "itu-r"}


def test_a_paragraph_lists_what_serves_it(client):
    import datetime

    from cophub.core import mandate

    mandate.register_provider(
        mandate.MandateProvider(
            key="test-documents",
            label="Documents",
            records=lambda p: (
                [
                    mandate.MandateWork(
                        "CWG-COP-24/7", "/en/documents/CWG-COP-24-7/", datetime.date(2026, 2, 3)
                    )
                ]
                if p.code == "R1306/RES/5"
                else []
            ),
        )
    )
    try:
        served, other = (
            # The modules' own providers answer too; this test looks at its own.
            [
                entry
                for entry in client.get(f"/api/v1/mandate/{code}").json()["served_by"]
                if entry["key"] == "test-documents"
            ]
            for code in ("R1306-RES-5", "R1306-RES-3")
        )
    finally:
        mandate.unregister_provider("test-documents")
    assert served == [
        {
            "key": "test-documents",
            "label": "Documents",
            "records": [
                {
                    "title": "CWG-COP-24/7",
                    "url": "/en/documents/CWG-COP-24-7/",
                    "date": "2026-02-03",
                }
            ],
        }
    ]
    assert other == [{"key": "test-documents", "label": "Documents", "records": []}]


def test_the_api_documentation_is_served_by_us_with_the_quick_exit(client):
    html = client.get("/api/v1/docs").content.decode()
    assert 'id="quick-exit"' in html
    assert "/static/ninja/swagger-ui-bundle" in html
    assert "cdn" not in html.lower()


def test_the_api_documentation_lists_every_operation_in_the_page_itself(client):
    schema = client.get("/api/v1/openapi.json").json()
    html = client.get("/api/v1/docs").content.decode()
    listed = html[html.index('class="api-operations"') : html.index('id="swagger-ui"')]
    for path, methods in schema["paths"].items():
        for method in methods:
            assert (
                f'<code class="api-method">{method.upper()}</code> <code dir="ltr">{path}</code>'
                in listed
            )
    # Swagger UI loads after the page shows: its scripts wait for the document.
    assert re.search(r'<script src="[^"]*swagger-ui-bundle\.js" defer>', html)


def test_translated_schema_fields_fall_back_and_list_every_language():
    """The schema helper gives the language asked for, else the record's original language,
    and every language's text without the empty ones; `of` reads a related record."""
    from types import SimpleNamespace

    from django.utils import translation
    from ninja import Schema

    from cophub.core.apischema import translated, translations

    class ActivityOut(Schema):
        title: str
        titles: dict[str, str]
        organisation_name: str

        resolve_title = translated("title")
        resolve_titles = translations("title")
        resolve_organisation_name = translated("name", of="organisation")

    empty = {f"{field}_{code}": "" for field in ("title", "name") for code in LANGUAGE_CODES}
    activity = SimpleNamespace(
        **empty | {"title_fr": "Atelier national", "title_es": "Taller nacional"},
        original_language="fr",
        organisation=SimpleNamespace(**empty | {"name_en": "UNICEF", "name_ar": "يونيسف"}),
    )
    with translation.override("es"):
        assert ActivityOut.from_orm(activity).dict() == {
            "title": "Taller nacional",
            "titles": {"fr": "Atelier national", "es": "Taller nacional"},
            "organisation_name": "UNICEF",
        }
    with translation.override("ar"):
        out = ActivityOut.from_orm(activity)
        assert (out.title, out.organisation_name) == ("Atelier national", "يونيسف")


def test_a_domain_error_is_a_problem_with_its_status_detail_and_members(rf):
    """Any app's domain error that an operation lets through is answered by the one handler."""
    from django.utils import translation
    from django.utils.translation import gettext as _
    from ninja import NinjaAPI

    from cophub.core.errors import DomainError
    from cophub.core.problems import install_problem_handlers

    class Conflict(DomainError):
        status = 409

        def problem_members(self):
            return {"held_by": "CWG-COP-24-7"}

    api = NinjaAPI(urls_namespace="domain-errors-test")
    install_problem_handlers(api)
    request = rf.post("/api/v1/documents")
    with translation.override("fr"):
        refused = api.on_exception(request, DomainError(_("Not found"), field="number"))
        taken = api.on_exception(request, Conflict(_("Forbidden")))
    assert refused.status_code == 422
    assert refused["Content-Type"] == "application/problem+json"
    assert json.loads(refused.content) == {
        "type": "about:blank",
        "title": "La requête n'a pas pu être traitée",
        "status": 422,
        "instance": "/api/v1/documents",
        "detail": "Introuvable",
        "field": "number",
    }
    assert taken.status_code == 409
    assert json.loads(taken.content)["held_by"] == "CWG-COP-24-7"


def test_a_paragraph_names_the_features_that_serve_it(client):
    served = client.get("/api/v1/mandate/R179-MS-2", {"lang": "fr"}).json()
    assert {
        "key": "workgroup-gender",
        "label": "Équilibre entre les genres dans les délégations",
        "description": "Le rapport annuel compte, par réunion, le genre déclaré par les délégués "
        "eux-mêmes.",
        "url": "/fr/reports/",
    } in served["features"]
    assert client.get("/api/v1/mandate/R179-SM-5").json()["features"] == []
