"""The seeded indicator framework in the six languages, on the pages, in the API and in SDMX."""

import pytest
from django.utils import translation
from lxml import etree

from cophub.core.i18n import LANGUAGE_CODES
from cophub.statistics import framework, sdmx
from cophub.statistics.models import Indicator

pytestmark = pytest.mark.django_db

TEXTS = ("name", "definition", "method_notes", "comparability_notes")


def test_every_seeded_indicator_has_every_text_in_every_language():
    seeded = Indicator.objects.filter(code__in=[s["code"] for s in framework.CORE_INDICATORS])
    assert seeded.count() == len(framework.CORE_INDICATORS) == 10
    missing = [
        f"{indicator.code}.{field}_{lang}"
        for indicator in seeded
        for field in TEXTS
        for lang in LANGUAGE_CODES
        if not (getattr(indicator, f"{field}_{lang}") or "").strip()
    ]
    assert missing == []
    # Translations, not English copies: each language's text differs from the English one.
    copies = [
        f"{indicator.code}.{field}_{lang}"
        for indicator in seeded
        for field in TEXTS
        for lang in LANGUAGE_CODES
        if lang != "en"
        and getattr(indicator, f"{field}_{lang}") == getattr(indicator, f"{field}_en")
    ]
    assert copies == []


def test_reseeding_fills_an_empty_language_and_keeps_an_edited_one():
    from django.apps import apps

    indicator = Indicator.objects.get(code="HOTLINE_REPORTS")
    indicator.method_notes_ru = ""
    indicator.comparability_notes_fr = "Texte revu par le secrétariat."
    indicator.save()
    framework.seed_core_indicators(apps)
    indicator.refresh_from_db()
    assert indicator.method_notes_ru.startswith("Учитывать сообщения")
    assert indicator.comparability_notes_fr == "Texte revu par le secrétariat."


@pytest.mark.parametrize("lang", ["ar", "zh", "fr", "ru", "es"])
def test_page_and_api_show_the_notes_in_the_language_asked_for(client, lang):
    indicator = Indicator.objects.get(code="PARENT_SAFETY_TOOLS")
    page = client.get(f"/{lang}/statistics/PARENT_SAFETY_TOOLS/").content.decode()
    assert getattr(indicator, f"method_notes_{lang}") in page.replace("&#x27;", "'")
    assert indicator.method_notes_en not in page
    body = client.get("/api/v1/statistics/indicators/PARENT_SAFETY_TOOLS", {"lang": lang}).json()
    assert body["method_notes"] == getattr(indicator, f"method_notes_{lang}")
    assert body["comparability_notes"] == getattr(indicator, f"comparability_notes_{lang}")


def test_sdmx_codelist_carries_definition_and_notes_in_six_languages(client):
    response = client.get("/sdmx/rest/codelist/ITU/CL_INDICATOR/latest")
    root = etree.fromstring(response.content)
    code = root.find(".//{*}Code[@id='CYBERBULLYING']")
    indicator = Indicator.objects.get(code="CYBERBULLYING")
    lang_attr = sdmx.XML_LANG
    descriptions = {d.get(lang_attr): d.text for d in code.findall("{*}Description")}
    assert descriptions == {
        lang: getattr(indicator, f"definition_{lang}") for lang in LANGUAGE_CODES
    }
    notes = {
        a.get("id"): {t.get(lang_attr): t.text for t in a.findall("{*}AnnotationText")}
        for a in code.findall("{*}Annotations/{*}Annotation")
    }
    assert notes["METHOD_NOTES"]["zh"] == indicator.method_notes_zh
    assert notes["COMPARABILITY_NOTES"]["ar"] == indicator.comparability_notes_ar
    assert set(notes["METHOD_NOTES"]) == set(LANGUAGE_CODES)
    with translation.override("en"):
        assert code.find("{*}Name").text
