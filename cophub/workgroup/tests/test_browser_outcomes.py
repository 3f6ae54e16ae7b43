"""A meeting's outcomes in Chromium: the secretariat (Arabic, desktop) drafts the report, a
participant (French, phone) comments on it, the secretariat approves and registers it, records a
decision and an action that then stand on the next meeting's page, and has the yearly report
generated in the background with its own words and registered with its Council number."""

import datetime

import pytest
from django.utils import timezone

from cophub.accounts.tests import signing_in
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.testing import check_accessibility
from cophub.workgroup.models import MeetingReport, Outcome, ReportEdition

from .factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE, DESKTOP = 390, 1280


def _context(browser, lang, width):
    return browser.new_context(locale=lang, viewport={"width": width, "height": 900}).new_page()


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.timeout(900)
def test_report_commented_approved_outcomes_carried_and_yearly_report_generated(
    browser, live_server
):
    today = timezone.localdate()
    meeting = MeetingFactory(
        number=25,
        starts_on=today - datetime.timedelta(days=8),
        ends_on=today - datetime.timedelta(days=7),
        contribution_deadline=today - datetime.timedelta(days=20),
    )
    following = MeetingFactory(number=26)
    delegate = DelegateFactory(preferred_language="fr")
    meeting.registrations.create(delegate=delegate)
    secretariat = SecretariatFactory()
    base = live_server.url

    # The secretariat drafts the report and circulates it (Arabic, desktop).
    desk = _context(browser, "ar", DESKTOP)
    signing_in.sign_in(desk, live_server, "ar", secretariat)
    desk.goto(f"{base}/ar/meetings/{meeting.code}/report/")
    assert desk.get_attribute("html", "dir") == "rtl"
    check_accessibility(desk)
    draft = "main form:has(input[name=action][value=draft])"
    desk.select_option(f"{draft} select[name=language]", "ar")
    desk.fill(f"{draft} textarea[name=text]", "افتتح الرئيس الاجتماع.\n\nاعتمد الفريق جدول أعماله.")
    desk.click(f"{draft} button[type=submit]")
    desk.wait_for_load_state()
    circulate = "main form:has(input[name=action][value=circulate])"
    until = today + datetime.timedelta(days=7)
    desk.fill(f"{circulate} input[name=comments_close_on]", until.isoformat())
    desk.click(f"{circulate} button[type=submit]")
    desk.wait_for_load_state()
    assert MeetingReport.objects.get().status == "circulated"

    # A participant reads it on a phone, in French, and comments.
    phone = _context(browser, "fr", PHONE)
    signing_in.sign_in(phone, live_server, "fr", delegate)
    phone.goto(f"{base}/fr/meetings/{meeting.code}/report/")
    assert "افتتح الرئيس الاجتماع" in phone.locator("main").inner_text()
    _fits(phone, PHONE)
    check_accessibility(phone)
    phone.fill("main form textarea[name=text]", "Mentionner les participants à distance.")
    phone.click("main form:has(input[name=action][value=comment]) button[type=submit]")
    phone.wait_for_load_state()
    assert "Votre commentaire est enregistré" in phone.locator("main").inner_text()

    # The comment waits on the secretariat's desk.
    desk.goto(f"{base}/ar/desk/")
    assert "Mentionner les participants à distance." in desk.locator("main").inner_text()
    check_accessibility(desk)

    # The comment period ends; the secretariat approves and the report is registered.
    MeetingReport.objects.update(comments_close_on=today - datetime.timedelta(days=1))
    desk.goto(f"{base}/ar/meetings/{meeting.code}/report/")
    desk.click("main form:has(input[name=action][value=approve]) button[type=submit]")
    desk.wait_for_load_state()
    assert "CWG-COP-25/1" in desk.locator("main").inner_text()

    # A decision and an action are recorded.
    record = "main form:has(input[name=action][value=outcome])"
    desk.select_option(f"{record} select[name=kind]", "decision")
    desk.fill(f"{record} textarea[name=text]", "جمع الممارسات الجيدة بشأن خطوط المساعدة.")
    desk.click(f"{record} button[type=submit]")
    desk.wait_for_load_state()
    desk.select_option(f"{record} select[name=kind]", "action")
    desk.fill(f"{record} textarea[name=text]", "إعداد استبيان للدول الأعضاء.")
    desk.fill(f"{record} input[name=owner]", "الأمانة")
    desk.fill(f"{record} input[name=due_on]", (today + datetime.timedelta(days=30)).isoformat())
    desk.click(f"{record} button[type=submit]")
    desk.wait_for_load_state()
    assert Outcome.objects.count() == 2

    # Both stand on the next meeting's page, read on a phone.
    phone.goto(f"{base}/fr/meetings/{following.code}/")
    shown = phone.locator("main").inner_text()
    assert "جمع الممارسات الجيدة" in shown and "إعداد استبيان" in shown
    assert "En cours depuis des réunions antérieures" in shown
    _fits(phone, PHONE)
    check_accessibility(phone)

    # The yearly report: the secretariat's words and the Council number, then generation.
    year = meeting.starts_on.year
    desk.goto(f"{base}/ar/reports/annual/{year}/write/?language=ar")
    check_accessibility(desk)
    desk.fill("main form input[name=council_number]", "C27/45")
    desk.fill("main form textarea[name=work]", "عقد الفريق اجتماعين في هذه السنة.")
    desk.click("main form button[value=save]")
    desk.wait_for_load_state()
    # Without a broker (as here) the work runs once the answer is sent; the page that follows
    # it refreshes itself until the report is registered.
    desk.click("main form button[value=generate]", no_wait_after=True)
    desk.wait_for_url("**/reports/generations/*/", timeout=600_000)
    assert desk.locator("main progress").count() == 1
    desk.wait_for_selector("main a[href*='/documents/CWG-COP-25-2/']", timeout=600_000)
    assert "C27/45" in desk.locator("main").inner_text()
    document = ReportEdition.objects.get(kind="annual", year=year).document
    assert document.number == "CWG-COP-25/2"
    assert "عقد الفريق اجتماعين" in document.files.get(language="ar").text
    desk.click("main a[href*='/documents/CWG-COP-25-2/']")
    desk.wait_for_load_state()
    check_accessibility(desk)
