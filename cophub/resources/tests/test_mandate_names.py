"""A resource's page and its API record name the mandate paragraphs it serves."""

import pytest

from cophub.core.models import MandateParagraph

from .factories import make_resource

pytestmark = pytest.mark.django_db


def test_a_resource_names_its_paragraphs_on_its_page_and_in_the_api(client):
    resource = make_resource()
    resource.mandate.set(MandateParagraph.objects.filter(code__in=["R179/SG/3", "R179/BDT/5"]))
    html = client.get(f"/fr/resources/{resource.slug}/").content.decode()
    assert '<a href="/fr/mandate/R179-SG-3/"><span class="code">R179/SG/3</span>' in html
    assert "Paragraphes du mandat qu'il sert" in html
    assert client.get(f"/api/v1/resources/{resource.slug}").json()["mandate"] == [
        "R179/SG/3",
        "R179/BDT/5",
    ]
    listed = client.get("/api/v1/resources").json()["items"]
    assert [item["mandate"] for item in listed] == [["R179/SG/3", "R179/BDT/5"]]
