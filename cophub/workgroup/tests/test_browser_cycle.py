"""A meeting's cycle as the secretariat and two delegates walk it, in Chromium: the secretariat
plans the meeting and sends the call (each recipient's mail in their language), one delegate
submits in time and another late, the secretariat accepts the late one with a reason, the agenda
is adopted and the participants register. In Arabic on a phone and in French on a desktop."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cophub.accounts.tests import signing_in
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.models import Country
from cophub.testing import check_accessibility
from cophub.workgroup.models import Document, Meeting, MeetingRegistration

from .factories import GroupFactory, docx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and safe passphrase"
TEXT = {
    "ar": {
        "subject": "دعوة إلى تقديم المساهمات: الاجتماع CWG-COP-26",
        "late": "انقضى الموعد النهائي لتقديم المساهمات",
        "adopted": "جدول الأعمال (المعتمد)",
        "refused": "لا يمكن أن يسبق اليوم الأخير اليوم الأول.",
        "reason_needed": "اذكر سبب قبول الأمانة لها.",
        "late_tag": "متأخرة",
    },
    "fr": {
        "subject": "Appel à contributions: réunion CWG-COP-26",
        "late": "La date limite des contributions est passée",
        "adopted": "Ordre du jour (adopté)",
        "refused": "Le dernier jour ne peut pas précéder le premier.",
        "reason_needed": "dites pourquoi le secrétariat l'accepte.",
        "late_tag": "En retard",
    },
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
    assert (TEXT[lang]["late"] in page.locator("main").inner_text()) is late
    # Only this meeting's agenda items are offered.
    options = page.locator("select[name=agenda_item] option").all_inner_texts()
    assert [option for option in options if option.strip("- ")] == [
        "1. Opening",
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


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("lang", "width"), [("ar", 390), ("fr", 1280)])
def test_a_meeting_from_its_call_to_its_participants(browser, live_server, lang, width):
    GroupFactory()
    today = timezone.localdate()
    secretariat = SecretariatFactory(preferred_language=lang)
    tunisia = DelegateFactory(
        full_name="Leïla Ben Salah", country=Country.objects.get(iso2="TN"), preferred_language="ar"
    )
    senegal = DelegateFactory(
        full_name="Awa Ndiaye", country=Country.objects.get(iso2="SN"), preferred_language="fr"
    )

    # The secretariat plans the meeting in its own page; a bad date is refused first.
    desk = opened(browser, live_server, lang, width, secretariat)
    desk.goto(f"{live_server.url}/{lang}/meetings/manage/")
    fits(desk, lang, width)
    desk.click("main a[href$='/meetings/new/']")
    fits(desk, lang, width)
    desk.select_option("select[name=group]", "CWG-COP")
    desk.fill("input[name=number]", "26")
    desk.fill("input[name=starts_on]", today.isoformat())
    desk.fill("input[name=ends_on]", (today - datetime.timedelta(days=1)).isoformat())
    desk.fill("input[name=place]", "Genève")
    desk.check("input[name=online]")
    desk.fill("input[name=contribution_deadline]", today.isoformat())
    desk.fill("textarea[name=remote_details]", "https://meet.example/cwg-cop-26 PIN 2626")
    desk.click("main form button[type=submit]")
    desk.wait_for_load_state()
    assert TEXT[lang]["refused"] in desk.locator("main").inner_text()
    assert not Meeting.objects.exists()
    desk.fill("input[name=ends_on]", (today + datetime.timedelta(days=2)).isoformat())
    desk.click("main form button[type=submit]")
    desk.wait_for_url("**/meetings/CWG-COP-26/manage/")
    fits(desk, lang, width)

    # Its agenda, item by item.
    for number, title in [("1", "Opening"), ("3", "Contributions")]:
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
    fits(desk, lang, width)
    call = Document.objects.get(document_type="call")
    assert call.number == "CWG-COP-26/1"
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[tunisia.email] == TEXT["ar"]["subject"]
    assert subjects[senegal.email] == TEXT["fr"]["subject"]
    assert subjects[secretariat.email] == TEXT[lang]["subject"]

    # One delegate submits in time.
    delegate = opened(browser, live_server, lang, width, senegal)
    on_time = submit_contribution(delegate, live_server, lang, "Écoles et écrans", late=False)
    assert not on_time.late

    # The deadline passes (the secretariat moves it to yesterday), and another submits late.
    desk.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-26/edit/")
    fits(desk, lang, width)
    desk.fill("input[name=contribution_deadline]", (today - datetime.timedelta(days=1)).isoformat())
    desk.click("main form button[type=submit]")
    desk.wait_for_url("**/meetings/CWG-COP-26/manage/")
    other = opened(browser, live_server, lang, width, tunisia)
    late = submit_contribution(other, live_server, lang, "خطوط المساعدة", late=True)
    assert late.late

    # The secretariat registers the one in time, and the late one only with a reason.
    desk.goto(f"{live_server.url}/{lang}/documents/submissions/{on_time.pk}/")
    desk.click("form:has(input[value=register]) button[type=submit]")
    desk.wait_for_url("**/documents/CWG-COP-26-2/")
    desk.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-26/manage/")
    desk.click(f"main a[href$='/documents/submissions/{late.pk}/']")
    fits(desk, lang, width)
    desk.click("form:has(input[value=register]) button[type=submit]")
    desk.wait_for_load_state()
    assert TEXT[lang]["reason_needed"] in desk.locator("main").inner_text()
    late.refresh_from_db()
    assert late.status == "submitted"
    desk.fill("textarea[name=late_reason]", "Mission fermée pendant la fête nationale.")
    desk.click("form:has(input[value=register]) button[type=submit]")
    desk.wait_for_url("**/documents/CWG-COP-26-3/")
    assert "Mission fermée pendant la fête nationale." in desk.locator("main").inner_text()

    # The draft agenda, then the agenda adopted at the meeting, which replaces it.
    for action, number in [("draft-agenda", "4"), ("adopt-agenda", "4-Rev.1")]:
        desk.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-26/manage/")
        desk.click(f"form[action$='/manage/{action}/'] button")
        desk.wait_for_selector(f"main a[href$='/documents/CWG-COP-26-{number}/']")
    assert Meeting.objects.get().agenda_adopted_at is not None

    # Participants register; the remote details appear only once registered.
    delegate.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-26/")
    assert "PIN 2626" not in delegate.locator("main").inner_text()
    delegate.fill("input[name=name]", "Awa Ndiaye")
    delegate.select_option("select[name=role]", "head")
    delegate.check("input[name=attendance][value=remote]")
    delegate.click("#participants form button[type=submit]")
    delegate.wait_for_load_state()
    assert "PIN 2626" in delegate.locator("main").inner_text()
    registration = MeetingRegistration.objects.get(delegate=senegal)
    assert (registration.role, registration.attendance, registration.country_id) == (
        "head",
        "remote",
        "SN",
    )

    # Anyone reads the materials: the adopted agenda, the late document flagged under its item.
    public = opened(browser, live_server, lang, width)
    public.goto(f"{live_server.url}/{lang}/meetings/CWG-COP-26/")
    fits(public, lang, width)
    text = public.locator("main").inner_text()
    assert TEXT[lang]["adopted"] in text
    assert "CWG-COP-26/4(Rev.1)" in text
    item = public.locator("#documents h3:has-text('Contributions') + ol")
    assert "CWG-COP-26/3" in item.inner_text()
    assert TEXT[lang]["late_tag"] in item.locator("li:has-text('CWG-COP-26/3')").inner_text()
    for page in (desk, delegate, other, public):
        page.context.close()
