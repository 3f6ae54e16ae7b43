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


@pytest.mark.parametrize(("lang", "width"), [("ar", 390), ("zh", 1280)])
def test_an_ldc_asks_for_assistance_and_the_secretariat_takes_it_to_its_end(
    browser, live_server, lang, width
):
    """Ethiopia's delegate asks ITU for help with its roadmap; the secretariat finds the request
    among those of least developed countries, accepts it, helps and closes it; anyone then reads
    on Ethiopia's profile what was asked and that it is done."""
    from django.utils import translation

    from cophub.countries.models import AssistanceRequest

    ethiopia = Country.objects.get(iso2="ET")
    DelegateFactory(email="focal.et@example.org", country=ethiopia)
    SecretariatFactory(email="bdt@example.org")
    with translation.override(lang):
        ldc = str(translation.gettext("Least developed country"))
        roadmap = str(AssistanceRequest.Subject.ROADMAP.label)
        completed = str(AssistanceRequest.State.COMPLETED.label)

    def new_page():
        context = browser.new_context(locale=lang, viewport={"width": width, "height": 800})
        context.set_default_timeout(15_000)
        return context.new_page()

    def fits(page):
        assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        check_accessibility(page)

    delegate = new_page()
    _sign_in(delegate, live_server, lang, "focal.et@example.org")
    delegate.goto(f"{live_server.url}/{lang}/countries/ET/")
    assert ldc in delegate.locator(".country-facts").inner_text()
    delegate.click(".request-assistance a")
    delegate.wait_for_url(f"**/{lang}/countries/ET/assistance/")
    fits(delegate)
    with delegate.expect_navigation():
        delegate.click("main button[type=submit]")  # nothing chosen: said on the page, not sent
    assert delegate.locator(".error-summary").is_visible()
    assert not AssistanceRequest.objects.exists()
    fits(delegate)
    delegate.check("input[name=subject][value=roadmap]")
    delegate.fill("#id_description", "A national COP roadmap workshop with the ministries, 2027.")
    delegate.click("main button[type=submit]")
    delegate.wait_for_url(f"**/{lang}/countries/assistance/*/")
    assert delegate.locator(".messages").is_visible()
    fits(delegate)

    secretariat = new_page()
    _sign_in(secretariat, live_server, lang, "bdt@example.org")
    secretariat.goto(f"{live_server.url}/{lang}/countries/assistance/?group=LDC")
    fits(secretariat)
    assert ldc in secretariat.locator(".data-table").inner_text()
    with secretariat.expect_navigation():
        secretariat.click(".data-table tbody a")
    for state in ("accepted", "in_progress", "completed"):
        secretariat.check(f"input[name=state][value={state}]")
        secretariat.fill("#id_note", f"Step {state}")
        with secretariat.expect_navigation():
            secretariat.click("main button[type=submit]")
        assert AssistanceRequest.objects.get().state == state
    assert secretariat.locator("#assistance-state").inner_text() == completed
    assert secretariat.locator(".assistance-steps li").count() == 4
    fits(secretariat)

    public = new_page()
    public.goto(f"{live_server.url}/{lang}/countries/ET/")
    section = public.locator("#section-assistance").inner_text()
    assert roadmap in section and completed in section
    assert "workshop" not in section  # what was asked stays between the country and ITU
    fits(public)
    for page in (delegate, secretariat, public):
        page.context.close()
