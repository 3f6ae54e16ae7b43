"""A contribution from submission to the registry, the feed and the annual report, in Chromium."""

import io

import feedparser
import pytest

from cophub.accounts.tests import signing_in
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.testing import check_accessibility

from .factories import AgendaItemFactory, MeetingFactory, docx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and safe passphrase"
TITLES = {"en": "Safer online games for children", "ar": "ألعاب أكثر أماناً للأطفال على الإنترنت"}


def sign_in(page, live_server, lang, user):
    signing_in.sign_in(page, live_server, lang, user, PASSWORD)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_contribution_from_submission_to_the_annual_report(browser, page, live_server, lang):
    meeting = MeetingFactory(number=24)
    AgendaItemFactory(meeting=meeting, number="3", title_en="Contributions")
    delegate = DelegateFactory()
    secretariat = SecretariatFactory()
    title = TITLES[lang]

    # A delegate submits.
    delegate_page = browser.new_context(locale=lang).new_page()
    sign_in(delegate_page, live_server, lang, delegate)
    delegate_page.goto(f"{live_server.url}/{lang}/documents/submit/")
    assert delegate_page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    check_accessibility(delegate_page)
    delegate_page.click("main a[href='?meeting=CWG-COP-24']")
    delegate_page.wait_for_url("**/documents/submit/?meeting=CWG-COP-24")
    delegate_page.fill("input[name=title]", title)
    delegate_page.select_option("select[name=original_language]", lang)
    delegate_page.set_input_files(
        "input[name=file]",
        {
            "name": "contribution.docx",
            "mimeType": "application/octet-stream",
            "buffer": docx_bytes(title, "Games need safety by design."),
        },
    )
    delegate_page.click("main form button[type=submit]")
    delegate_page.wait_for_url("**/documents/submissions/*/")
    assert title in delegate_page.locator("h1").inner_text()

    # The secretariat registers it.
    secretariat_page = browser.new_context(locale=lang).new_page()
    sign_in(secretariat_page, live_server, lang, secretariat)
    secretariat_page.goto(f"{live_server.url}/{lang}/documents/submissions/")
    secretariat_page.click(f"text={title}")
    secretariat_page.click("form:has(input[value=register]) button[type=submit]")
    secretariat_page.wait_for_url(f"**/{lang}/documents/CWG-COP-24-1/")

    # Anyone finds it in the registry, on its page and on the meeting's page.
    page.goto(
        f"{live_server.url}/{lang}/documents/?q=games"
        if lang == "en"
        else f"{live_server.url}/{lang}/documents/"
    )
    assert "CWG-COP-24/1" in page.locator("main").inner_text()
    check_accessibility(page)
    page.click("text=CWG-COP-24/1")
    page.wait_for_url(f"**/{lang}/documents/CWG-COP-24-1/")
    assert title in page.locator("h1").inner_text()
    check_accessibility(page)
    page.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-24/")
    assert "CWG-COP-24/1" in page.locator("main").inner_text()
    check_accessibility(page)

    # The feed carries it.
    feed = feedparser.parse(
        page.request.get(f"{live_server.url}/feeds/documents.atom?lang={lang}").body()
    )
    assert feed.entries[0].title == f"CWG-COP-24/1: {title}"

    # The annual report counts it, as PDF and DOCX.
    import docx

    year = meeting.starts_on.year
    page.goto(f"{live_server.url}/{lang}/reports/annual/{year}/", timeout=90_000)
    assert page.locator("main table").first.is_visible()
    # Printed on request with its fonts: a first print in a fresh process takes seconds.
    pdf = page.request.get(f"{live_server.url}/{lang}/reports/annual/{year}.pdf", timeout=90_000)
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    with page.expect_download(timeout=90_000) as download:
        page.click("a[href$='.docx']")
    report = docx.Document(io.BytesIO(open(download.value.path(), "rb").read()))
    cells = [cell.text for table in report.tables for row in table.rows for cell in row.cells]
    assert "CWG-COP-24" in cells
    delegate_page.context.close()
    secretariat_page.context.close()


@pytest.mark.parametrize(("lang", "width"), [("ar", 390), ("en", 1280)])
def test_a_co_source_confirms_and_is_then_listed(browser, live_server, lang, width):
    """A Kenyan contribution names South Africa as co-source: a South African delegate confirms
    it on the page of documents waiting for them, and the public page lists South Africa."""
    from django.utils import translation

    from cophub.core.models import Country
    from cophub.workgroup import services

    from .factories import submitted_contribution

    kenya = DelegateFactory(country=Country.objects.get(iso2="KE"))
    south_africa = DelegateFactory(country=Country.objects.get(iso2="ZA"))
    document = submitted_contribution(
        kenya, MeetingFactory(number=24), countries=[Country.objects.get(iso2="ZA")]
    )
    document = services.register_document(document=document, registered_by=SecretariatFactory())
    with translation.override(lang):
        name = Country.objects.get(iso2="ZA").name
    public = browser.new_context(locale=lang, viewport={"width": width, "height": 800}).new_page()
    public.goto(f"{live_server.url}/{lang}/documents/{document.slug}/")
    assert name not in public.locator("main").inner_text()  # not before it confirms

    page = browser.new_context(locale=lang, viewport={"width": width, "height": 800}).new_page()
    sign_in(page, live_server, lang, south_africa)
    page.goto(f"{live_server.url}/{lang}/documents/co-sources/")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    check_accessibility(page)
    page.click("main form button[value=confirm]")
    page.wait_for_load_state()
    assert page.locator("main form button[value=confirm]").count() == 0

    public.goto(f"{live_server.url}/{lang}/documents/{document.slug}/")
    assert name in public.locator("main").inner_text()


@pytest.mark.parametrize(("lang", "width"), [("ar", 390), ("en", 1280)])
def test_a_reader_subscribes_and_confirms_by_the_link_in_the_mail(
    browser, live_server, lang, width
):
    """Nothing is sent to an address before its owner follows the link mailed to it, and
    following it shows a page whose button confirms (a mail filter opening it confirms nothing)."""
    import re
    from urllib.parse import urlsplit

    from django.core import mail

    from cophub.workgroup.models import Subscription

    page = browser.new_context(locale=lang, viewport={"width": width, "height": 800}).new_page()
    page.goto(f"{live_server.url}/{lang}/documents/subscribe/")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    check_accessibility(page)
    page.fill("input[name=email]", "not an address")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert not Subscription.objects.exists()
    page.fill("input[name=email]", "reader@example.org")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    [confirmation] = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    link = re.search(r"https?://\S+/subscribe/confirm/\S+/", confirmation.body).group(0)
    page.goto(live_server.url + urlsplit(link).path)
    check_accessibility(page)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
