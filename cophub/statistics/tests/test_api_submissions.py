"""The JSON API's submission endpoint: the same checks, all or nothing, problems on error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.statistics.models import Observation, ObservationRevision, Submission

from .factories import csv_bytes
from .test_services import SDMX_CSV_HEADER, SDMX_ML

pytestmark = pytest.mark.django_db

URL = "/api/v1/statistics/submissions"


def _post_body(client, data: bytes, content_type="text/csv", **extra):
    return client.post(URL, data=data, content_type=content_type, **extra)


def test_a_focal_point_submits_a_csv_body_and_gets_the_report(client):
    client.force_login(DelegateFactory())  # Kenya
    response = _post_body(
        client, csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30", "CYBERBULLYING,KE,2023,F,Y12T14,33.5")
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["rows_read"], body["created"], body["revised"], body["format"]) == (
        2, 2, 0, "csv"
    )  # fmt: skip
    assert Submission.objects.get(pk=body["id"]).observation_count == 2
    assert sorted(Observation.objects.values_list("sex", "value")) == [("F", 33.5), ("_T", 30.0)]


def test_sdmx_csv_as_a_multipart_file_and_sdmx_ml_as_the_body_revise_and_keep(client):
    client.force_login(SecretariatFactory())
    sdmx_csv = (
        f"{SDMX_CSV_HEADER}\nITU:DF_COP(1.0),CYBERBULLYING,KE,F,Y12T14,_T,_T,2022,20,PT,A,\n"
    ).encode()
    upload = SimpleUploadedFile("kenya.csv", sdmx_csv, content_type="text/csv")
    response = client.post(URL, {"file": upload})
    assert response.status_code == 201, response.content
    assert response.json()["format"] == "sdmx_csv"
    response = _post_body(client, (SDMX_ML % "29").encode(), "application/xml")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["format"], body["created"], body["revised"]) == ("sdmx_ml", 1, 1)
    assert ObservationRevision.objects.get().value == 20


def test_a_bad_row_is_named_in_a_problem_and_nothing_is_stored(client):
    client.force_login(SecretariatFactory())
    response = _post_body(
        client,
        csv_bytes(
            "CYBERBULLYING,KE,2023,_T,_T,30",
            "CYBERBULLYING,KE,2023,_T,_T,130",
            "NO_SUCH_CODE,KE,2023,_T,_T,3",
        ),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert problem["error_count"] == 2
    assert [e["row"] for e in problem["errors"]] == ["ligne 3", "ligne 4"]
    assert "130" in problem["errors"][0]["message"]
    assert "NO_SUCH_CODE" in problem["errors"][1]["message"]
    assert problem["detail"] == (
        "Le fichier n'a pas été accepté : 2 problème(s) trouvé(s). Rien n'a été enregistré."
    )
    assert Observation.objects.count() == 0
    assert Submission.objects.count() == 0


def test_hostile_xml_is_a_problem_with_its_line(client):
    client.force_login(SecretariatFactory())
    hostile = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<x>&a;</x>'
    response = _post_body(client, hostile, "application/xml")
    assert response.status_code == 422
    assert response.json()["errors"][0]["row"] == "line 2"
    assert Submission.objects.count() == 0


def test_anonymous_is_401_and_nothing_is_stored(client):
    response = _post_body(client, csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30"))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert Observation.objects.count() == 0


def test_a_user_without_the_role_is_403(client):
    client.force_login(UserFactory())
    response = _post_body(client, csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30"))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert Observation.objects.count() == 0


def test_a_focal_point_cannot_submit_for_another_country(client):
    client.force_login(DelegateFactory())  # Kenya
    response = _post_body(client, csv_bytes("CYBERBULLYING,TZ,2023,_T,_T,30"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["row"] == "row 2"
    assert Observation.objects.count() == 0


def test_an_empty_request_is_a_problem(client):
    client.force_login(SecretariatFactory())
    assert _post_body(client, b"").status_code == 400


def test_the_endpoint_is_documented_in_the_openapi_schema(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["post"]
    assert set(operation["requestBody"]["content"]) >= {
        "text/csv", "application/xml", "multipart/form-data"
    }  # fmt: skip
    assert {"201", "401", "403", "422"} <= set(operation["responses"])


def test_a_body_larger_than_a_form_may_be_is_read_whole(client, settings):
    client.force_login(SecretariatFactory())
    note = "n" * 490
    rows = [
        f"CHILD_DAILY_USE,{country},{year},{sex},{age},{area},{disability},50,{note}"
        for country in ("KE", "TZ")
        for year in range(1990, 2026)
        for sex in ("_T", "F", "M")
        for age in ("_T", "Y9T11", "Y12T14", "Y15T17")
        for area in ("_T", "U", "R")
        for disability in ("_T", "DIS", "NODIS")
    ]
    header = "indicator,country,year,sex,age,urbanisation,disability,value,note"
    data = csv_bytes(*rows, header=header)
    assert len(data) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE  # 2.5 MB, Django's limit for forms
    response = _post_body(client, data)
    assert response.status_code == 201, response.content[:300]
    assert response.json()["created"] == len(rows) == Observation.objects.count()
