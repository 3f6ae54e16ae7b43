"""The finder as a child meets it, in Debian's Chromium: Spanish, Arabic and English, with and
without JavaScript, and framed by another site."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cophub.helplines import clock
from cophub.helplines.models import DailyCount
from cophub.testing import check_accessibility

from .factories import ChannelFactory, HelplineFactory, add_hours
from .test_views import FINDER_BUDGET, WEDNESDAY_10_NAIROBI

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@contextmanager
def _school_site(html: str):
    """Another origin (its own server, by address rather than name) serving one page. A real
    server, not a routed answer: Chromium keeps pages of unknown address from framing local ones."""
    body = html.encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/school.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def kenya(monkeypatch):
    """At 10:00 on a Wednesday in Nairobi: the day line is open, the evening line closed."""
    monkeypatch.setattr(clock, "now", lambda: WEDNESDAY_10_NAIROBI)
    evening = HelplineFactory(key="evening", name_en="Evening line", name_es="Línea de la tarde")
    add_hours(ChannelFactory(helpline=evening, value="116"), (2, "18:00", "22:00"))
    day = HelplineFactory(key="day", name_en="Day line", name_es="Línea de día")
    add_hours(
        ChannelFactory(helpline=day, value="+254722178177", works_in=[]), (2, "08:00", "17:00")
    )
    return day


def _record_requests(page) -> list:
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    return requests


def _bytes_over_the_wire(requests) -> int:
    """Headers and bodies as they crossed the network (compressed where they were)."""
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
    return total


def _pick_kenya_and_see_the_open_line_first(page, live_server, lang="es"):
    page.goto(f"{live_server.url}/{lang}/help/")
    page.select_option("#id_country", "KE")
    page.click("button.hl-go")
    page.wait_for_url(f"{live_server.url}/{lang}/help/KE/")
    services = page.locator("article.hl-service h2").all_inner_texts()
    assert services == ["Línea de día", "Línea de la tarde"]
    first = page.locator("article.hl-service").first
    assert first.locator(".hl-badge").inner_text() == "Abierto ahora"
    assert page.locator("article.hl-service").nth(1).locator(".hl-badge").inner_text() == (
        "Cerrado ahora"
    )
    return first.locator("a.hl-tap")


def test_a_child_finds_help_in_spanish_and_taps_the_number(page, live_server, kenya):
    requests = _record_requests(page)
    link = _pick_kenya_and_see_the_open_line_first(page, live_server)
    assert link.get_attribute("href") == "tel:+254722178177"
    box = link.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    check_accessibility(page)
    assert 0 < _bytes_over_the_wire(requests) < FINDER_BUDGET
    link.click(no_wait_after=True)
    # The tap reaches the count (per country and day, nothing else) and the page stays.
    for _attempt in range(50):
        if DailyCount.objects.filter(event="tap").exists():
            break
        page.wait_for_timeout(100)
    tap = DailyCount.objects.get(event="tap")
    assert (tap.country_id, tap.channel.helpline_id, tap.count) == ("KE", kenya.pk, 1)


def test_the_same_without_javascript(browser, live_server, kenya):
    context = browser.new_context(java_script_enabled=False, locale="es-ES")
    page = context.new_page()
    requests = _record_requests(page)
    link = _pick_kenya_and_see_the_open_line_first(page, live_server)
    assert link.get_attribute("href") == "tel:+254722178177"
    link.click(no_wait_after=True)
    assert page.url == f"{live_server.url}/es/help/KE/"
    assert 0 < _bytes_over_the_wire(requests) < FINDER_BUDGET
    # axe-core needs JavaScript: the same page is checked with it in the test above.
    context.close()


def test_the_finder_in_arabic_is_right_to_left_and_accessible(page, live_server, kenya):
    page.goto(f"{live_server.url}/ar/help/KE/")
    assert page.get_attribute("html", "dir") == "rtl"
    card = page.locator("article.hl-service").first.bounding_box()
    heading = page.locator("article.hl-service h2").first.bounding_box()
    # The heading starts at the right edge of its card.
    assert heading["x"] + heading["width"] > card["x"] + card["width"] * 0.6
    assert page.locator("bdi.hl-value").first.inner_text() == "+254 722 178177"
    check_accessibility(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_country_choice_and_the_snippet_page_are_accessible(page, live_server, lang):
    HelplineFactory(country_id="EG")
    page.goto(f"{live_server.url}/{lang}/help/")
    check_accessibility(page)
    page.goto(f"{live_server.url}/{lang}/help/embed/?country=KE")
    assert "/embed/help/KE/?lang=" in page.locator("#snippet").input_value()
    check_accessibility(page)


def test_the_embed_is_shown_in_another_sites_frame_and_the_finder_is_not(page, live_server, kenya):
    html = (
        "<!DOCTYPE html><title>School</title>"
        f'<iframe id="embed" src="{live_server.url}/embed/help/KE/?lang=fr"></iframe>'
        f'<iframe id="page" src="{live_server.url}/fr/help/KE/"></iframe>'
    )
    with _school_site(html) as school:
        page.goto(school)
        _check_framing(page, live_server)


def _check_framing(page, live_server):
    embed = page.frame_locator("#embed")
    assert embed.locator("h1").inner_text() == "Trouver de l’aide : Kenya"
    assert embed.locator("a.hl-tap").first.get_attribute("href") == "tel:+254722178177"
    assert embed.locator(".hl-exit").get_attribute("target") == "_top"
    # The full finder refuses to be framed (X-Frame-Options, frame-ancestors 'none'): the
    # browser shows its error page in that frame instead.
    page.wait_for_timeout(500)
    urls = [frame.url for frame in page.frames]
    assert f"{live_server.url}/fr/help/KE/" not in urls
    assert "chrome-error://chromewebdata/" in urls


def test_the_embed_page_alone_is_accessible(page, live_server, kenya):
    page.goto(f"{live_server.url}/embed/help/KE/?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    check_accessibility(page)


def test_an_import_with_one_bad_row_imports_nothing_and_says_which_row(
    browser, live_server, tmp_path
):
    from django.test import Client

    from cophub.accounts.tests.factories import SecretariatFactory
    from cophub.helplines import exchange
    from cophub.helplines.models import Helpline

    from .test_services import _row

    client = Client()
    client.force_login(SecretariatFactory())
    context = browser.new_context(locale="ar")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    upload = tmp_path / "directory.csv"
    upload.write_text(
        exchange.rows_to_csv([_row(), _row(key="b"), _row(key="c", value="+254 1")]),
        encoding="utf-8",
    )
    page.goto(f"{live_server.url}/ar/help/manage/import/")
    page.set_input_files("#id_file", str(upload))
    page.click("main button[type=submit]")
    report = page.locator("table.hl-report tbody tr")
    report.first.wait_for()  # the answer page, not the form still on screen
    assert report.count() == 1
    assert report.locator("td").nth(0).inner_text() == "3"
    assert report.locator("td").nth(1).inner_text() == "value"
    assert "لم يُستورد أي شيء" in page.locator("main").inner_text()
    assert not Helpline.objects.exists()
    check_accessibility(page)
    context.close()


def _signed_in_page(browser, live_server, user, locale="en-GB"):
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(locale=locale)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context, context.new_page()


def test_an_organisation_proposes_and_the_secretariat_reviews_accessibly(browser, live_server):
    from cophub.accounts.models import Role
    from cophub.accounts.tests.factories import SecretariatFactory, UserFactory, organisation
    from cophub.helplines.models import ChangeProposal, Helpline

    helpline = HelplineFactory(key="iwf", country_id="GB", operator=organisation("iwf"))
    ChannelFactory(helpline=helpline, kind="web", value="https://report.iwf.org.uk/", works_in=[])
    member = UserFactory(role=Role.STAKEHOLDER, organisation=organisation("iwf"))
    context, page = _signed_in_page(browser, live_server, member)
    page.goto(f"{live_server.url}/en/help/manage/")
    check_accessibility(page)
    page.click("text=Propose a change")
    rows = page.input_value("#id_rows")
    page.fill("#id_rows", rows.replace(",Helpline ", ",IWF hotline ", 1))
    page.fill("#id_note", "New name on our site")
    check_accessibility(page)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/en/help/manage/")
    context.close()
    proposal = ChangeProposal.objects.get()
    context, page = _signed_in_page(browser, live_server, SecretariatFactory(), locale="ar")
    page.goto(f"{live_server.url}/ar/help/manage/proposals/{proposal.pk}/")
    check_accessibility(page)
    page.check("input[value=accept]")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/help/manage/")
    assert Helpline.objects.get(key="iwf").name.startswith("IWF hotline")
    context.close()


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_on_a_phone_the_number_is_the_first_thing_to_tap_on_the_first_screen(
    browser, live_server, kenya, lang
):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/{lang}/help/KE/")
    call = page.locator("a.hl-tap").first
    assert call.get_attribute("href") == "tel:+254722178177"
    # Below the quick exit, the (folded) menu and the heading, and wholly on the first screen.
    box = call.bounding_box()
    assert box["y"] + box["height"] <= 844 * 0.8
    # Nothing in the page's content comes before it to tap.
    first = page.evaluate("document.querySelector('main a, main button, main select').className")
    assert "hl-tap" in first
    context.close()
