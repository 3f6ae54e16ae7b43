"""The foundation as a person meets it, in Debian's Chromium."""

import re

import pytest
from django.test import override_settings

from cophub.testing import LANGUAGE_CODES, check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL_PAGE = "https://neutral.example.org/weather"

# Draws a string on a canvas and compares it with a character no font has: a glyph that the
# fonts cannot render comes out as the same "tofu" box.
RENDERS_GLYPHS = """(text) => {
  const draw = (s) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 64;
    const ctx = canvas.getContext('2d');
    ctx.font = '40px ' + getComputedStyle(document.body).fontFamily;
    ctx.fillText(s, 4, 48);
    return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
  };
  const tofu = draw('\\u{10FFFD}');
  return Array.from(text).filter((ch) => ch.trim()).every((ch) => draw(ch) !== tofu && draw(ch) !== draw(' '));
}"""


def _assert_left_without_a_way_back(page, live_server):
    page.wait_for_url(NEUTRAL_PAGE)
    assert page.title() == "Weather"
    page.go_back()
    # Back does not return to COP Hub: the page that was left is gone from the history.
    assert not page.url.startswith(live_server.url)


def _serve_neutral_page(page):
    page.route(
        NEUTRAL_PAGE,
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title><p>Sunny</p>"
        ),
    )


def test_home_page_in_six_languages_with_direction_and_glyphs(page, live_server, screenshots):
    for lang in LANGUAGE_CODES:
        page.goto(f"{live_server.url}/{lang}/")
        assert page.get_attribute("html", "lang") == lang
        assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
        page.screenshot(path=screenshots / f"home-{lang}.png", full_page=True)
    page.goto(f"{live_server.url}/ar/")
    # In a right-to-left page the brand stands at the right and the text starts at the right.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > page.viewport_size["width"] / 2
    assert page.evaluate(RENDERS_GLYPHS, "حماية الأطفال")
    page.goto(f"{live_server.url}/zh/")
    assert page.evaluate(RENDERS_GLYPHS, "儿童在线保护")
    assert "儿童在线保护" in page.locator("h1").inner_text()


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_home_and_login_have_no_accessibility_violations(page, live_server, lang, path):
    page.goto(f"{live_server.url}/{lang}{path}")
    check_accessibility(page)


def test_login_errors_are_accessible_and_in_arabic(page, live_server):
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.fill("#id_username", "nobody@example.org")
    page.fill("#id_password", "wrong password")
    page.click("main button[type=submit]")
    assert "الرجاء" in page.locator(".error-summary").inner_text()
    check_accessibility(page)


@override_settings(QUICK_EXIT_URL=NEUTRAL_PAGE)
def test_quick_exit_by_mouse_leaves_and_replaces_the_history_entry(page, live_server):
    _serve_neutral_page(page)
    page.goto(f"{live_server.url}/en/mandate/")
    page.click("#quick-exit")
    _assert_left_without_a_way_back(page, live_server)


@override_settings(QUICK_EXIT_URL=NEUTRAL_PAGE)
def test_quick_exit_by_keyboard_tab_and_enter(page, live_server):
    _serve_neutral_page(page)
    page.goto(f"{live_server.url}/ar/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.keyboard.press("Enter")
    _assert_left_without_a_way_back(page, live_server)


@override_settings(QUICK_EXIT_URL=NEUTRAL_PAGE)
def test_quick_exit_by_pressing_shift_three_times(page, live_server):
    _serve_neutral_page(page)
    page.goto(f"{live_server.url}/fr/accounts/request/")
    page.click("#id_full_name")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # another key in between starts the count again
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.startswith(live_server.url)
    page.keyboard.press("Shift")
    _assert_left_without_a_way_back(page, live_server)


# One public page of each module, in several languages; the embeddable finder; and the
# consultation's question page with the cursor in the free text.
PUBLIC_PAGES = [
    "/ar/", "/ru/help/", "/ru/help/KE/", "/en/consultations/", "/zh/resources/",
    "/es/documents/", "/fr/meetings/", "/fr/countries/", "/en/statistics/", "/ar/coordination/",
    "/ar/mandate/", "/en/accounts/login/", "/embed/help/KE/?lang=ar",
]  # fmt: skip


@override_settings(QUICK_EXIT_URL=NEUTRAL_PAGE)
def test_quick_exit_by_escape_on_every_public_page(page, live_server):
    from cophub.consultations.tests.factories import consultation

    for path in PUBLIC_PAGES:
        tab = page.context.new_page()  # each page as a child opens it: a fresh tab
        _serve_neutral_page(tab)
        tab.goto(f"{live_server.url}{path}")
        assert tab.evaluate("document.querySelector('[data-quick-exit]') !== null"), path
        tab.keyboard.press("Escape")
        _assert_left_without_a_way_back(tab, live_server)
        tab.close()
    _serve_neutral_page(page)
    item = consultation()
    page.goto(f"{live_server.url}/ar/consultations/{item.slug}/take-part/")
    page.check('input[name="age_band"][value="13-15"]')
    page.check('input[name="sex"][value="girl"]')
    page.select_option('select[name="country"]', "EG")
    page.check('input[name="consent"]')
    page.click('button[type="submit"]')
    page.locator("textarea").first.fill("my stepdad is coming")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_PAGE)
    # Back leads to the consent step at most: the questions and what was typed are gone.
    page.go_back()
    assert "my stepdad" not in page.content() and page.locator("textarea").count() == 0


@override_settings(QUICK_EXIT_URL=NEUTRAL_PAGE)
def test_quick_exit_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _serve_neutral_page(page)
    page.goto(f"{live_server.url}/es/")
    page.click("#quick-exit")
    page.wait_for_url(NEUTRAL_PAGE)
    context.close()


def test_language_switcher_keeps_the_page(page, live_server):
    page.goto(f"{live_server.url}/en/mandate/R1306-RES-5/")
    page.click(".language-nav a[lang=ru]")
    page.wait_for_url(f"{live_server.url}/ru/mandate/R1306-RES-5/")
    assert page.get_attribute("html", "lang") == "ru"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "path",
    [
        "/mandate/",
        "/mandate/R179-BDT-1/",
        "/accounts/request/",
        "/accounts/password/reset/",
        "/no-such-page/",
    ],
)
def test_other_public_pages_have_no_accessibility_violations(page, live_server, lang, path):
    page.goto(f"{live_server.url}/{lang}{path}")
    check_accessibility(page)


def test_the_marked_source_text_opens_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/mandate/R179-TSB-1/")
    marked = page.locator(".resolution-text.marked")
    assert not marked.is_visible()
    page.locator("details:has(.resolution-text.marked) summary").click()
    assert marked.is_visible()
    assert "لتسهيل لمساعدة" in marked.inner_text()
    assert "لتسهيل لمساعدة" not in page.locator(".resolution-text").first.inner_text()
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_paragraph_text_runs_in_its_own_direction(page, live_server, lang):
    page.goto(f"{live_server.url}/{lang}/mandate/R179-TSB-1/")
    page.locator("details:has(.resolution-text.marked) summary").click()
    direction = "e => getComputedStyle(e).direction"
    assert page.locator(".resolution-text.marked").evaluate(direction) == "rtl"
    shown = page.locator(".resolution-text").first
    assert shown.evaluate(direction) == ("rtl" if lang == "ar" else "ltr")
    check_accessibility(page)


PHONE = {"width": 390, "height": 844}
NOT_A_PAGE = re.compile(r"\.(csv|json|pdf|docx|xlsx|svg|atom|ics|ico)(\?|$)|/files/|^/api/")


def public_pages(site) -> list[str]:
    """Every address of the access table that anyone may read as an HTML page, without its
    language prefix (the embeddable finder keeps its ?lang=, given afterwards)."""
    from . import access_table as table

    addresses = set()
    for visit in table.PAGES.values():
        for address, expect in [(visit.url, visit.get), *visit.extra]:
            url = address(site)
            if expect and expect["anonymous"] == 200 and not NOT_A_PAGE.search(url):
                if url.startswith("/en/"):
                    addresses.add(url.removeprefix("/en"))
                elif url.startswith("/embed/"):
                    addresses.add(url)
    return sorted(addresses)


def test_every_public_page_fits_a_phone_in_three_scripts(page, live_server, settings, tmp_path):
    from .access_site import build_site

    settings.MEDIA_ROOT = tmp_path
    pages = public_pages(build_site())
    assert len(pages) > 40 and "/statistics/" in pages and "/countries/compare/" in pages
    page.set_viewport_size(PHONE)
    too_wide = []
    for lang in ("en", "ar", "zh"):
        for path in pages:
            url = path.replace("lang=fr", f"lang={lang}") if "lang=" in path else f"/{lang}{path}"
            response = page.goto(f"{live_server.url}{url}", wait_until="domcontentloaded")
            assert response.ok, url
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide.append(f"{url}: {width} px")
    assert too_wide == []


def test_the_menu_folds_on_a_phone_and_opens_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/help/")
    menu = page.locator(".main-nav")
    assert not menu.is_visible()
    page.locator(".main-menu summary").click()
    assert menu.is_visible()
    page.locator(".main-nav a[href='/ar/countries/']").click()
    page.wait_for_url("**/ar/countries/")
    context.close()
    # On a wide screen the menu is open without a click, and its button is not shown.
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/help/")
    assert page.locator(".main-nav a[href='/ar/countries/']").is_visible()
    assert not page.locator(".main-menu summary").is_visible()
    context.close()
