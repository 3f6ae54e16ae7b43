"""A meeting's whole cycle in Chromium, in one walk: the secretariat (Arabic, 1280 px desktop)
plans the meeting and sends the call (each recipient's mail in their language); on 390 px phones
one delegate (French) submits in time and another (Arabic) late, and the secretariat accepts the
late one with a reason; the agenda is adopted and the participants register; a young person
(Arabic, phone) answers the meeting's youth consultation, whose summary the secretariat registers
under the agenda item it serves; the report is drafted, commented on by a participant, approved
and registered; a decision and an action stand on the next meeting's page; and the yearly report
is generated on the task queue with the secretariat's words and its Council number."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cophub.accounts.tests import signing_in
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.consultations.models import Response
from cophub.consultations.tests.factories import consultation, move_to_past
from cophub.consultations.tests.taking_part import take_part
from cophub.core.models import Country
from cophub.testing import check_accessibility
from cophub.workgroup.models import (
    Document,
    Meeting,
    MeetingRegistration,
    MeetingReport,
    Outcome,
    ReportEdition,
)

from .factories import GroupFactory, MeetingFactory, docx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and safe passphrase"
PHONE, DESKTOP = 390, 1280
SUBJECT = {
    "ar": "دعوة إلى تقديم المساهمات: الاجتماع CWG-COP-26",
    "fr": "Appel à contributions: réunion CWG-COP-26",
}


def opened(browser, live_server, lang, width, user=None):
    page = browser.new_context(locale=lang, viewport={"width": width, "height": 900}).new_page()
    # The call and the agendas are written as PDF in six languages on the task queue (here, once
    # the answer is sent): on a loaded machine that takes longer than Playwright's usual 30 s.
    page.set_default_timeout(180_000)
    if user is not None:
        signing_in.sign_in(page, live_server, lang, user, PASSWORD)
    return page


def fits(page, lang, width):
    """In the page's language and direction, nothing wider than the screen, and accessible."""
    assert page.get_attribute("html", "lang") == lang
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    check_accessibility(page)


def submit_contribution(page, live_server, lang, title, *, late):
    page.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-26/")
    page.click("main a[href$='/documents/submit/?meeting=CWG-COP-26']")
    page.wait_for_url("**/documents/submit/?meeting=CWG-COP-26")
    fits(page, lang, PHONE)
    late_notice = {
        "ar": "انقضى الموعد النهائي لتقديم المساهمات",
        "fr": "La date limite des contributions est passée",
    }[lang]
    assert (late_notice in page.locator("main").inner_text()) is late
    # Only this meeting's agenda items are offered.
    options = page.locator("select[name=agenda_item] option").all_inner_texts()
    assert [option for option in options if option.strip("- ")] == [
        "1. Opening",
        "2. Young people",
        "3. Contributions",
    ]
    page.fill("input[name=title]", title)
    page.select_option("select[name=original_language]", lang)
    page.select_option("select[name=agenda_item]", label="3. Contributions")
    page.set_input_files(
        "input[name=file]",
        {"name": "contribution.docx", "mimeType": "application/octet-stream",
         "buffer": docx_bytes(title)},
    )  # fmt: skip
    page.click("main form button[type=submit]")
    page.wait_for_url("**/documents/submissions/*/")
    document = Document.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert getattr(document, f"title_{lang}") == title
    return document


@pytest.mark.timeout(1200)
def test_a_meeting_from_its_call_to_the_yearly_report_to_council(browser, live_server):
    GroupFactory()
    today = timezone.localdate()
    year = today.year
    base = live_server.url
    secretariat = SecretariatFactory(preferred_language="ar")
    tunisia = DelegateFactory(
        full_name="Leïla Ben Salah", country=Country.objects.get(iso2="TN"), preferred_language="ar"
    )
    senegal = DelegateFactory(
        full_name="Awa Ndiaye", country=Country.objects.get(iso2="SN"), preferred_language="fr"
    )

    # --- Before the meeting ---------------------------------------------------------------------
    # The secretariat plans the meeting in its own page; a bad date is refused first.
    desk = opened(browser, live_server, "ar", DESKTOP, secretariat)
    desk.goto(f"{base}/ar/meetings/manage/")
    fits(desk, "ar", DESKTOP)
    desk.click("main a[href$='/meetings/new/']")
    fits(desk, "ar", DESKTOP)
    desk.select_option("select[name=group]", "CWG-COP")
    desk.fill("input[name=number]", "26")
    desk.fill("input[name=starts_on]", today.isoformat())
    desk.fill("input[name=ends_on]", (today - datetime.timedelta(days=1)).isoformat())
    desk.fill("input[name=place]", "Genève")
    # The meeting's dates in the zone this test counts them in: its deadline is checked in
    # the meeting's own time zone, and Geneva's day starts an hour before UTC's.
    desk.select_option("select[name=time_zone]", "UTC")
    desk.check("input[name=online]")
    desk.fill("input[name=contribution_deadline]", today.isoformat())
    desk.fill("textarea[name=remote_details]", "https://meet.example/cwg-cop-26 PIN 2626")
    desk.click("main form button[type=submit]")
    desk.wait_for_load_state()
    assert "لا يمكن أن يسبق اليوم الأخير اليوم الأول." in desk.locator("main").inner_text()
    assert not Meeting.objects.exists()
    desk.fill("input[name=ends_on]", (today + datetime.timedelta(days=2)).isoformat())
    desk.click("main form button[type=submit]")
    desk.wait_for_url("**/meetings/CWG-COP-26/manage/")
    fits(desk, "ar", DESKTOP)
    meeting = Meeting.objects.get()

    # Its agenda, item by item.
    for number, title in [("1", "Opening"), ("2", "Young people"), ("3", "Contributions")]:
        desk.fill("#add-item input[name=new-number]", number)
        desk.fill("#add-item input[name=new-title]", title)
        desk.fill("#add-item input[name=new-order]", number)
        desk.click("#add-item button[type=submit]")
        desk.wait_for_load_state()

    # The call goes out: a numbered document, and a mail to each account in its language.
    # Its page follows the writing in six languages until the call is registered.
    mail.outbox.clear()
    desk.click("form[action$='/manage/call/'] button")
    desk.wait_for_url("**/meetings/CWG-COP-26/manage/papers/*/")
    assert desk.locator("main progress").count() == 1
    desk.wait_for_selector("main a[href$='/documents/CWG-COP-26-1/']")
    fits(desk, "ar", DESKTOP)
    call = Document.objects.get(document_type="call")
    assert call.number == "CWG-COP-26/1"
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[tunisia.email] == SUBJECT["ar"]
    assert subjects[senegal.email] == SUBJECT["fr"]
    assert subjects[secretariat.email] == SUBJECT["ar"]

    # One delegate submits in time, on a phone, in French.
    delegate = opened(browser, live_server, "fr", PHONE, senegal)
    on_time = submit_contribution(delegate, live_server, "fr", "Écoles et écrans", late=False)
    assert not on_time.late

    # The deadline passes (the secretariat moves it to yesterday), and another submits late.
    desk.goto(f"{base}/ar/meetings/CWG-COP-26/edit/")
    fits(desk, "ar", DESKTOP)
    desk.fill("input[name=contribution_deadline]", (today - datetime.timedelta(days=1)).isoformat())
    desk.click("main form button[type=submit]")
    desk.wait_for_url("**/meetings/CWG-COP-26/manage/")
    other = opened(browser, live_server, "ar", PHONE, tunisia)
    late = submit_contribution(other, live_server, "ar", "خطوط المساعدة", late=True)
    assert late.late
    other.context.close()

    # The secretariat registers the one in time, and the late one only with a reason.
    desk.goto(f"{base}/ar/documents/submissions/{on_time.pk}/")
    desk.click("form:has(input[value=register]) button[type=submit]")
    desk.wait_for_url("**/documents/CWG-COP-26-2/")
    desk.goto(f"{base}/ar/meetings/CWG-COP-26/manage/")
    desk.click(f"main a[href$='/documents/submissions/{late.pk}/']")
    fits(desk, "ar", DESKTOP)
    desk.click("form:has(input[value=register]) button[type=submit]")
    desk.wait_for_load_state()
    assert "اذكر سبب قبول الأمانة لها." in desk.locator("main").inner_text()
    late.refresh_from_db()
    assert late.status == "submitted"
    desk.fill("textarea[name=late_reason]", "Mission fermée pendant la fête nationale.")
    desk.click("form:has(input[value=register]) button[type=submit]")
    desk.wait_for_url("**/documents/CWG-COP-26-3/")
    assert "Mission fermée pendant la fête nationale." in desk.locator("main").inner_text()

    # The draft agenda, then the agenda adopted at the meeting, which replaces it.
    for action, number in [("draft-agenda", "4"), ("adopt-agenda", "4-Rev.1")]:
        desk.goto(f"{base}/ar/meetings/CWG-COP-26/manage/")
        desk.click(f"form[action$='/manage/{action}/'] button")
        desk.wait_for_selector(f"main a[href$='/documents/CWG-COP-26-{number}/']")
    assert Meeting.objects.get().agenda_adopted_at is not None

    # Participants register; the remote details appear only once registered. The page is the
    # meeting's materials: the adopted agenda, the late document flagged under its item.
    delegate.goto(f"{base}/fr/meetings/CWG-COP-26/")
    assert "PIN 2626" not in delegate.locator("main").inner_text()
    delegate.fill("input[name=name]", "Awa Ndiaye")
    delegate.select_option("select[name=role]", "head")
    delegate.check("input[name=attendance][value=remote]")
    delegate.click("#participants form button[type=submit]")
    delegate.wait_for_load_state()
    fits(delegate, "fr", PHONE)
    text = delegate.locator("main").inner_text()
    assert "PIN 2626" in text
    assert "Ordre du jour (adopté)" in text
    assert "CWG-COP-26/4(Rev.1)" in text
    item = delegate.locator("#documents h3:has-text('Contributions') + ol")
    assert "CWG-COP-26/3" in item.inner_text()
    assert "En retard" in item.locator("li:has-text('CWG-COP-26/3')").inner_text()
    registration = MeetingRegistration.objects.get(delegate=senegal)
    assert (registration.role, registration.attendance, registration.country_id) == (
        "head",
        "remote",
        "SN",
    )

    # --- The youth consultation -----------------------------------------------------------------
    # The meeting's youth consultation (set up here: it opened two hours ago), answered by a
    # young person on a phone, in Arabic, through its pages.
    youth = consultation(meeting=meeting, slug="cwg-cop-26")
    young = opened(browser, live_server, "ar", PHONE)
    take_part(
        young, base, youth, lang="ar", age_band="13-15", sex="girl", country="EG",
        text="أريد أن تعلّمنا المدرسة كيف نحمي حساباتنا", check=lambda page: fits(page, "ar", PHONE),
    )  # fmt: skip
    assert "تم إرسال إجاباتك" in young.locator("main").inner_text()
    assert Response.objects.filter(consultation=youth).count() == 1
    young.context.close()
    # The consultation closes: its window is moved into the past here, in the database, rather
    # than waited for.
    move_to_past(youth)

    # The secretariat names the agenda item it serves and registers its summary, filed there.
    desk.goto(f"{base}/ar/meetings/CWG-COP-26/manage/")
    desk.select_option("#consultation-item select[name=agenda_item]", label="2. Young people")
    desk.click("#consultation-item button[type=submit]")
    desk.wait_for_load_state()
    desk.click("form[action$='/manage/summary/'] button")
    desk.wait_for_load_state()
    fits(desk, "ar", DESKTOP)
    youth.refresh_from_db()
    assert youth.summary_document.number == "CWG-COP-26/5"
    assert "CWG-COP-26/5" in desk.locator("main").inner_text()

    # The materials page shows the summary under that item.
    delegate.goto(f"{base}/fr/meetings/CWG-COP-26/")
    fits(delegate, "fr", PHONE)
    assert (
        "CWG-COP-26/5"
        in delegate.locator("#documents h3:has-text('Young people') + ol").inner_text()
    )

    # --- Outcomes -------------------------------------------------------------------------------
    # The secretariat drafts the report and circulates it to the participants.
    desk.goto(f"{base}/ar/meetings/CWG-COP-26/report/")
    fits(desk, "ar", DESKTOP)
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

    # The participant reads it on her phone, in French, and comments.
    delegate.goto(f"{base}/fr/meetings/CWG-COP-26/report/")
    assert "افتتح الرئيس الاجتماع" in delegate.locator("main").inner_text()
    fits(delegate, "fr", PHONE)
    delegate.fill("main form textarea[name=text]", "Mentionner les participants à distance.")
    delegate.click("main form:has(input[name=action][value=comment]) button[type=submit]")
    delegate.wait_for_load_state()
    assert "Votre commentaire est enregistré" in delegate.locator("main").inner_text()

    # The comment waits on the secretariat's desk.
    desk.goto(f"{base}/ar/desk/")
    assert "Mentionner les participants à distance." in desk.locator("main").inner_text()
    fits(desk, "ar", DESKTOP)

    # The comment period ends (moved into the past here, in the database); the secretariat
    # approves and the report is registered.
    MeetingReport.objects.update(comments_close_on=today - datetime.timedelta(days=1))
    desk.goto(f"{base}/ar/meetings/CWG-COP-26/report/")
    desk.click("main form:has(input[name=action][value=approve]) button[type=submit]")
    desk.wait_for_load_state()
    assert "CWG-COP-26/6" in desk.locator("main").inner_text()

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

    # Both stand on the next meeting's page (next year's, so that this year's report is
    # registered under CWG-COP-26 whatever today's date), read on the phone.
    following = MeetingFactory(number=27, starts_on=datetime.date(year + 1, 1, 20))
    delegate.goto(f"{base}/fr/meetings/{following.code}/")
    shown = delegate.locator("main").inner_text()
    assert "جمع الممارسات الجيدة" in shown and "إعداد استبيان" in shown
    assert "En cours depuis des réunions antérieures" in shown
    fits(delegate, "fr", PHONE)
    delegate.context.close()

    # --- The yearly report to Council -----------------------------------------------------------
    # The secretariat's words and the Council number, then generation.
    desk.goto(f"{base}/ar/reports/annual/{year}/write/?language=ar")
    fits(desk, "ar", DESKTOP)
    desk.fill("main form input[name=council_number]", "C27/45")
    desk.fill("main form textarea[name=work]", "عقد الفريق اجتماعين في هذه السنة.")
    desk.click("main form button[value=save]")
    desk.wait_for_load_state()
    # Without a broker (as here) the work runs once the answer is sent; the page that follows
    # it refreshes itself until the report is registered.
    desk.click("main form button[value=generate]", no_wait_after=True)
    desk.wait_for_url("**/reports/generations/*/", timeout=600_000)
    assert desk.locator("main progress").count() == 1
    desk.wait_for_selector("main a[href*='/documents/CWG-COP-26-7/']", timeout=600_000)
    assert "C27/45" in desk.locator("main").inner_text()
    document = ReportEdition.objects.get(kind="annual", year=year).document
    assert document.number == "CWG-COP-26/7"
    assert "عقد الفريق اجتماعين" in document.files.get(language="ar").text
    desk.click("main a[href*='/documents/CWG-COP-26-7/']")
    desk.wait_for_load_state()
    fits(desk, "ar", DESKTOP)
    desk.context.close()
