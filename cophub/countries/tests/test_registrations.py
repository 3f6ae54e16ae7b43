"""What the module gives the shared interfaces of core: navigation, mandate, reports."""

import datetime

import pytest
from django.utils import translation

from cophub.accounts.permissions import SYSTEM
from cophub.core import mandate, navigation, reporting
from cophub.core.models import MandateParagraph
from cophub.countries import services

from .factories import country

pytestmark = pytest.mark.django_db


def test_the_countries_list_is_in_the_navigation():
    entry = next(e for e in navigation.entries() if e.url_name == "countries:list")
    with translation.override("fr"):
        assert entry.url == "/fr/countries/" and str(entry.label) == "Pays"


def test_roadmaps_and_measures_serve_their_paragraphs(client):
    from cophub.accounts.tests.factories import SecretariatFactory

    secretariat = SecretariatFactory()
    services.apply_change(
        country=country("RW"),
        kind="roadmap",
        payload={"title": "Rwanda COP roadmap", "status": "adopted"},
        by=secretariat,
    )
    services.import_measures(
        rows=[{"country": "KE", "item": "tec-hotline", "status": "in_force"}], by=SYSTEM
    )
    served = dict(
        (provider.key, records)
        for provider, records in mandate.work_serving(
            MandateParagraph.objects.get(code="R179/BDT/8")
        )
    )
    assert [r.url for r in served["countries"]] == ["/en/countries/RW/"]
    served = dict(
        (provider.key, records)
        for provider, records in mandate.work_serving(
            MandateParagraph.objects.get(code="R179/MS/7")
        )
    )
    assert [r.url for r in served["countries"]] == ["/en/countries/KE/"]
    html = client.get("/en/mandate/R179-BDT-8/").content.decode()
    assert "Rwanda COP roadmap" in html


def test_the_report_counts_the_changes_of_the_period():
    section = next(s for s in reporting.sections() if s.key == "countries")
    today = datetime.date.today()
    empty = section.blocks(today, today)
    assert empty[0].text == "No country record was changed in this period."
    services.import_measures(
        rows=[
            {"country": "KE", "item": "tec-hotline", "status": "in_force"},
            {"country": "KE", "item": "edu-schools", "status": "draft"},
            {"country": "FJ", "item": "edu-schools", "status": "draft"},
        ],
        by=SYSTEM,
    )
    with translation.override("en"):
        paragraph, table = section.blocks(today, today)
    assert paragraph.text == "2 countries updated their COP measures or roadmaps (3 changes)."
    assert list(table.rows) == [("Fiji", 1), ("Kenya", 2)]
