"""The countries pages as a person meets them, in Debian's Chromium, checked with axe-core."""

import csv
import io

import pytest

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests import signing_in
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.models import Country
from cophub.countries import services
from cophub.testing import check_accessibility

from .factories import EvidenceFactory, MeasureFactory, MilestoneFactory, RoadmapFactory, item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and safe passphrase"


def _kenya_with_data():
    EvidenceFactory(measure=MeasureFactory(item=item("tec-hotline")), title="Hotline decree")
    MeasureFactory(item=item("edu-schools"), status="draft")
    roadmap = RoadmapFactory()
    MilestoneFactory(roadmap=roadmap, title="Open the helpline", item=item("tec-helpline"))


def _sign_in(page, live_server, lang, email):
    signing_in.sign_in(page, live_server, lang, email, PASSWORD)


def test_from_a_russian_profile_to_the_region_matrix_and_its_csv(page, live_server):
    _kenya_with_data()
    page.goto(f"{live_server.url}/ru/countries/KE/")
    assert page.locator("h1").inner_text() == "Кения"
    assert page.get_attribute("html", "lang") == "ru"
    check_accessibility(page)
    # The region on the profile leads to the matrix filtered to that region.
    page.click(".country-facts a[href$='?region=AFR']")
    page.wait_for_url("**/ru/countries/compare/?region=AFR")
    members = Country.objects.filter(region="AFR", itu_member=True).count()
    assert page.locator(".matrix tbody tr").count() == members > 40
    assert "Кения" in page.locator(".matrix tbody").inner_text()
    check_accessibility(page)
    with page.expect_download() as download_info:
        page.click("a[href*='compare.csv']")
    download = download_info.value
    assert download.suggested_filename == "cop-checklist-AFR.csv"
    table = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    kenya = next(row for row in table if row["iso2"] == "KE")
    assert kenya["country"] == "Кения" and kenya["tec-hotline"] == "in_force"
    assert len(table) == members


def test_a_proposal_reviewed_appears_in_the_history(page, live_server, browser):
    DelegateFactory(email="focal.ke@example.org", full_name="Wanjiru Kamau")
    SecretariatFactory(email="secretariat@example.org", full_name="Amina Diallo")
    _sign_in(page, live_server, "en", "focal.ke@example.org")
    page.goto(f"{live_server.url}/en/countries/KE/")
    page.click("text=A measure and its evidence")
    page.select_option("#id_item", "tec-helpline")
    page.select_option("#id_status", "in_force")
    page.fill("#id_evidence_title", "Child helpline decree")
    page.fill("#id_evidence_year", "2023")
    page.fill("#id_evidence_url", "ftp://example.org/decree")
    page.click("main button[type=submit]")
    # A bad link: said plainly on the field, nothing sent.
    assert "https://" in page.locator(".error-summary").inner_text()
    check_accessibility(page)
    page.fill("#id_evidence_url", "https://example.org/decree")
    page.click("main button[type=submit]")
    assert "secretariat will review" in page.locator(".messages").inner_text()

    reviewer = browser.new_context(locale="ar")
    other = reviewer.new_page()
    _sign_in(other, live_server, "ar", "secretariat@example.org")
    other.goto(f"{live_server.url}/ar/countries/proposals/")
    check_accessibility(other)
    other.click(".data-table tbody a")
    other.check("input[value=accept]")
    other.click("main button[type=submit]")
    other.wait_for_url("**/ar/countries/proposals/")
    reviewer.close()

    page.goto(f"{live_server.url}/en/countries/KE/history/")
    history = page.locator("main").inner_text()
    assert "Child helpline decree" in history and "Wanjiru Kamau" in history
    assert "reviewed by Amina Diallo" in history
    check_accessibility(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "path",
    [
        "/countries/",
        "/countries/KE/",
        "/countries/FR/",
        "/countries/compare/?group=LDC",
        "/countries/checklist/",
        "/countries/KE/history/",
    ],
)
def test_pages_have_no_accessibility_violations(page, live_server, lang, path):
    _kenya_with_data()
    services.import_measures(
        rows=[{"country": "KE", "item": "tec-helpline", "status": "draft"}], by=SYSTEM
    )
    page.goto(f"{live_server.url}/{lang}{path}")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.locator("#quick-exit").is_visible()
    check_accessibility(page)


def test_the_arabic_matrix_reads_right_to_left(page, live_server):
    page.goto(f"{live_server.url}/ar/countries/compare/?region=ARB")
    table = page.locator(".matrix").bounding_box()
    first_header = page.locator(".matrix thead th").first.bounding_box()
    # The country column stands at the right of the table in Arabic.
    assert first_header["x"] + first_header["width"] > table["x"] + table["width"] - 5
    assert page.locator(".world-map img").evaluate("img => img.naturalWidth") == 720
