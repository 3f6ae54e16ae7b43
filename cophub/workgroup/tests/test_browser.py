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
    delegate_page.select_option("select[name=meeting]", str(meeting.pk))
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
    assert "CWG-COP/24/1" in page.locator("main").inner_text()
    check_accessibility(page)
    page.click("text=CWG-COP/24/1")
    page.wait_for_url(f"**/{lang}/documents/CWG-COP-24-1/")
    assert title in page.locator("h1").inner_text()
    check_accessibility(page)
    page.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-24/")
    assert "CWG-COP/24/1" in page.locator("main").inner_text()
    check_accessibility(page)

    # The feed carries it.
    feed = feedparser.parse(
        page.request.get(f"{live_server.url}/feeds/documents.atom?lang={lang}").body()
    )
    assert feed.entries[0].title == f"CWG-COP/24/1: {title}"

    # The annual report counts it, as PDF and DOCX.
    import docx

    year = meeting.starts_on.year
    page.goto(f"{live_server.url}/{lang}/reports/annual/{year}/")
    assert page.locator("main table").first.is_visible()
    pdf = page.request.get(f"{live_server.url}/{lang}/reports/annual/{year}.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    with page.expect_download() as download:
        page.click("a[href$='.docx']")
    report = docx.Document(io.BytesIO(open(download.value.path(), "rb").read()))
    cells = [cell.text for table in report.tables for row in table.rows for cell in row.cells]
    assert "CWG-COP-24" in cells
    delegate_page.context.close()
    secretariat_page.context.close()
