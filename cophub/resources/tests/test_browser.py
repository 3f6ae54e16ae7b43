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


def _search(page, query):
    """Type the words into the search box and send them, as a reader does."""
    page.get_by_role("searchbox").fill(query)
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"\?.*q="))


def _follow_facet(page, group_name_value):
    """Follow a facet link on the results page (opening the group's "more" if it is there)."""
    link = page.locator(f".facets a[href*='{group_name_value}']").first
    if not link.is_visible():
        link.locator("xpath=ancestor::details/summary").click()
    count = int(re.sub(r"\D", "", link.locator(".count").inner_text()))
    link.click()
    page.wait_for_url(re.compile(re.escape(group_name_value)))
    return count


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
    _search(page, query)
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
    # Back to the results with the browser's back button, then narrow them by a topic.
    page.go_back()
    page.go_back()
    page.wait_for_url(re.compile(r"\?.*q="))
    count = _follow_facet(page, "topic=screen-time")
    assert page.locator(".facets a[aria-current='true']").count() == 1
    assert page.locator(".resource-list .resource-item").count() == count == 1
    assert page.get_by_role("searchbox").input_value() == query
    check_accessibility(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_parity_editions_and_errors_are_accessible(page, live_server, guidelines, lang):
    page.goto(f"{live_server.url}/{lang}/resources/guidelines/parents-educators/")
    assert page.locator("td.parity-missing").count() == 3
    check_accessibility(page)
    page.goto(f"{live_server.url}/{lang}/resources/?q=...")
    assert page.locator("#id_q_error").is_visible()
    check_accessibility(page)


DEMO_SEARCHES = [
    ("fr", "lignes directrices parents 2020", "version facile à lire"),
    ("ar", "المبادئ التوجيهية للآباء", "نسخة سهلة القراءة"),
]


def test_demo_repository_finds_the_2020_parents_guidelines(page, live_server):
    """Over the demo repository (its real titles, among three hundred other resources), loaded
    once for both languages."""
    from cophub.resources.demo import load_demo

    load_demo()
    for lang, query, edition_title in DEMO_SEARCHES:
        page.goto(f"{live_server.url}/{lang}/resources/")
        _search(page, query)
        check_accessibility(page)
        page.locator(".resource-list .resource-item h3 a").first.click()
        page.wait_for_url(re.compile(r"/cop-guidelines-parents-2020/$"))
        assert page.locator("html").get_attribute("lang") == lang
        check_accessibility(page)
        page.get_by_role("link", name=re.compile(edition_title)).click()
        page.wait_for_url(re.compile(r"/cop-guidelines-parents-2020-easy-read/$"))
        check_accessibility(page)
        page.go_back()
        page.go_back()
        count = _follow_facet(page, "kind=guideline")
        assert (
            page.get_by_role("heading", level=2, name=re.compile(r"\d"))
            .inner_text()
            .endswith(str(count))
        )
        assert page.locator(".resource-list .resource-item").count() == count
        check_accessibility(page)
