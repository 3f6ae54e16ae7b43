"""An indicator's page and its API record name the mandate paragraphs it serves."""

import pytest

from cophub.core.models import MandateParagraph

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def test_an_indicator_names_its_paragraphs_on_its_page_and_in_the_api(client):
    indicator = IndicatorFactory(code="TEST_MANDATE")
    indicator.mandate.set(MandateParagraph.objects.filter(code="R179/MS/8"))
    html = client.get(f"/en/statistics/{indicator.code}/").content.decode()
    assert '<a href="/en/mandate/R179-MS-8/"><span class="code">R179/MS/8</span>' in html
    one = client.get(f"/api/v1/statistics/indicators/{indicator.code}").json()
    assert one["mandate"] == ["R179/MS/8"]
    listed = client.get("/api/v1/statistics/indicators").json()
    assert {item["code"]: item["mandate"] for item in listed}[indicator.code] == ["R179/MS/8"]
