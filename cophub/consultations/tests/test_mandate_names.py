"""A consultation's page and the API name the mandate paragraphs it serves."""

import pytest

from cophub.core.models import MandateParagraph

from .factories import consultation

pytestmark = pytest.mark.django_db


def test_a_consultation_names_its_paragraphs_on_its_page_and_in_the_api(client):
    item = consultation()
    item.mandate.set(MandateParagraph.objects.filter(code__in=["R1306/RES/3", "R179/COUNCIL/4"]))
    html = client.get(f"/zh/consultations/{item.slug}/").content.decode()
    assert '<a href="/zh/mandate/R1306-RES-3/"><span class="code">R1306/RES/3</span>' in html
    assert '<a href="/zh/mandate/R179-COUNCIL-4/">' in html
    listed = client.get("/api/v1/consultations").json()
    assert [entry["mandate"] for entry in listed] == [["R1306/RES/3", "R179/COUNCIL/4"]]
