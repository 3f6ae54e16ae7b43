"""The repository as a reader meets it, in Chromium, in English and Arabic, with axe-core."""

import re

import pytest

from cophub.resources.models import Resource
from cophub.testing import check_accessibility

from .factories import make_resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def guidelines():
    titles = {
        "en": "Guidelines for parents and educators on Child Online Protection",
        "fr": "Lignes directrices à l'intention des parents et des éducateurs sur la protection des enfants en ligne",
        "ar": "المبادئ التوجيهية للآباء والمربين بشأن حماية الأطفال على الإنترنت",
    }
    source = make_resource(
        kind=Resource.Kind.GUIDELINE, slug="cop-guidelines-parents-2020", titles=titles,
        links={code: f"https://example.org/{code}" for code in titles}, guideline_set="parents-educators",
        edition=2020, audiences=["parents-educators"], topics=["screen-time", "grooming"], countries=["FR"],
    )  # fmt: skip
    make_resource(
        kind=Resource.Kind.GUIDELINE, slug="cop-guidelines-parents-2020-easy-read",
        titles={"en": "Guidelines for parents: easy-read edition", "ar": "المبادئ التوجيهية للآباء: نسخة سهلة القراءة"},
        links={"en": "https://example.org/easy"}, guideline_set="parents-educators", edition=2020,
        adapts=source, accessible_format="easy_read", audiences=["parents-educators"], topics=["disability"],
    )  # fmt: skip
    make_resource(titles={"en": "Screen time at home"}, topics=["screen-time"])
    return source


@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("fr", "lignes directrices parents"),
        ("ar", "الآباء والمربين"),
        ("en", "guidelines parents 2020"),
    ],
)
def test_find_the_2020_parents_guidelines_open_the_accessible_edition_and_follow_a_facet(
    page, live_server, guidelines, lang, query
):
    page.goto(f"{live_server.url}/{lang}/resources/")
    page.fill("#id_q", query)
    page.press("#id_q", "Enter")
    page.wait_for_url(re.compile(r"\?.*q="))
    check_accessibility(page)
    first = page.locator(".resource-list .resource-item h3 a").first
    assert "cop-guidelines-parents-2020" in first.get_attribute("href")
    assert "easy-read" not in first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile(r"/cop-guidelines-parents-2020/$"))
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    check_accessibility(page)
    page.locator("#accessible-heading + p + ul a").first.click()
    page.wait_for_url(re.compile(r"easy-read/$"))
    check_accessibility(page)
    # Follow a facet: from the accessible edition's topic back to the search, narrowed.
    page.goto(f"{live_server.url}/{lang}/resources/?q=" + query)
    page.locator(".facets a[href*='topic=screen-time']").first.click()
    page.wait_for_url(re.compile(r"topic=screen-time"))
    assert page.locator(".facets a[aria-current='true']").count() == 1
    assert page.locator(".resource-list .resource-item").count() == 1
    check_accessibility(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_parity_editions_and_errors_are_accessible(page, live_server, guidelines, lang):
    page.goto(f"{live_server.url}/{lang}/resources/guidelines/parents-educators/")
    assert page.locator("td.parity-missing").count() == 3
    check_accessibility(page)
    page.goto(f"{live_server.url}/{lang}/resources/?q=...")
    assert page.locator("#id_q_error").is_visible()
    check_accessibility(page)
