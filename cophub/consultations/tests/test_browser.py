"""Young people take part in a consultation in Debian's Chromium, with and without JavaScript."""

import pytest

from cophub.consultations.models import Answer, Response
from cophub.testing import check_accessibility

from .factories import consultation, move_to_past, respond
from .taking_part import take_part

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_girl_in_arabic_writes_a_phone_number_that_is_stored_redacted(page, live_server):
    item = consultation()
    take_part(
        page, live_server.url, item, lang="ar", age_band="13-15", sex="girl", country="EG",
        text="أريد دروسًا عن الخصوصية، رقمي 01012345678",
    )  # fmt: skip
    assert page.get_attribute("html", "dir") == "rtl"
    assert "تم إرسال إجاباتك" in page.inner_text("main")
    # No alarm, but the country's helpline quietly below the thanks.
    assert page.locator(".danger-help").count() == 0
    assert page.locator(".quiet-help .help-now").count() == 1
    response = Response.objects.get()
    assert (response.age_band, response.sex, response.country_id) == ("13-15", "girl", "EG")
    assert Answer.objects.get(response=response, question__kind="text").text == (
        "أريد دروسًا عن الخصوصية، رقمي [phone]"
    )


def test_a_boy_in_chinese_without_javascript_who_is_in_danger_sees_help_at_once(
    browser, live_server, page
):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    context.set_default_timeout(15_000)
    quiet = context.new_page()
    try:
        item = consultation()
        take_part(
            quiet, live_server.url, item, lang="zh", age_band="16-17", sex="boy", country="FR",
            text="我继父经常打我，我不敢回家", check=lambda page: None,
        )  # fmt: skip
        help_box = quiet.locator(".danger-help")
        assert help_box.is_visible()
        assert "你并不孤单" in help_box.inner_text()
        assert quiet.locator('.help-now a[href="tel:116111"]').inner_text() == "116 111"
        answer = Answer.objects.get(question__kind="text")
        assert answer.danger and answer.moderation == "pending"
        response = answer.response
        assert (response.age_band, response.sex, response.country_id) == ("16-17", "boy", "FR")
    finally:
        context.close()
    # The same pages in Chinese, with JavaScript, pass axe-core.
    other = consultation(slug="with-script")
    take_part(
        page, live_server.url, other, lang="zh", age_band="16-17", sex="boy", country="FR",
        text="我继父经常打我",
    )  # fmt: skip
    assert page.locator(".danger-help .help-now").is_visible()


def test_results_page_with_breakdowns_and_suppression_without_javascript(
    browser, live_server, page
):
    item = consultation()
    for n in range(7):
        respond(item, device=f"g{n}", age_band="13-15", sex="girl", country="EG")
    for n in range(2):
        respond(item, device=f"b{n}", age_band="16-17", sex="boy", country="CN")
    move_to_past(item)
    for lang in ("en", "ar"):
        page.goto(f"{live_server.url}/{lang}/consultations/{item.slug}/results/")
        page.locator("details.breakdown summary").first.click()
        check_accessibility(page)
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(15_000)
    quiet = context.new_page()
    try:
        quiet.goto(f"{live_server.url}/en/consultations/{item.slug}/results/")
        assert quiet.locator("svg.chart").count() >= 3
        by_country = quiet.locator("table.cells", has_text="By country")
        assert by_country.locator("tr", has_text="Egypt").locator("td").inner_text() == "7"
        assert by_country.locator("tr", has_text="China").locator("td").inner_text() == "<5"
        quiet.locator("details.breakdown summary", has_text="By age").first.click()
        table = quiet.locator("details.breakdown[open] table").first
        assert table.locator("tr", has_text="16 to 17").locator("td").first.inner_text() == "<5"
        assert table.locator("tr", has_text="13 to 15").locator("td").first.inner_text() == "7"
    finally:
        context.close()


def test_a_child_who_answers_too_fast_checks_and_sends_again_and_never_meets_the_trap(
    page, live_server, settings
):
    settings.CONSULTATION_MIN_ANSWER_SECONDS = 3
    item = consultation()
    take_part(
        page, live_server.url, item, lang="fr", age_band="16-17", sex="girl", country="FR",
        text="Plus de cours sur la vie privée",
    )  # fmt: skip
    notice = page.locator("#check-answers")
    assert notice.is_visible()
    assert "Prends un moment pour vérifier tes réponses" in notice.inner_text()
    assert Response.objects.count() == 0
    # The answers are still there; the trap field is neither shown nor reachable.
    assert page.locator('input[type="radio"]:checked').count() == 2
    assert page.input_value("textarea") == "Plus de cours sur la vie privée"
    trap = page.locator('input[name="website"]')
    assert trap.count() == 1 and not trap.is_visible()
    page.focus("textarea")
    for _ in range(30):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") != "website"
    page.wait_for_timeout(3_000)
    page.click('button[type="submit"]')
    page.wait_for_load_state()
    check_accessibility(page)
    assert "Tes réponses ont été envoyées" in page.inner_text("main")
    response = Response.objects.get()
    assert (response.age_band, response.sex, response.country_id) == ("16-17", "girl", "FR")


@pytest.mark.parametrize(
    "lang, country, number, disclosure, ordinary, not_alone",
    [
        ("ar", "EG", "16000", "واحد كبير من اللعبة يبيني اقابله لحالي ويقول لا تقولين لامك",
         "أحب الألعاب التعليمية على الإنترنت", "لست وحدك"),
        ("ru", "KZ", "150", "взрослый парень из игры зовёт встретиться вдвоём и просит никому "
         "не говорить", "Мне нравится смотреть видео про космос", "Ты не один"),
    ],
)  # fmt: skip
def test_a_disclosure_without_a_keyword_is_answered_and_a_safeguarding_contact_is_told(
    page, live_server, lang, country, number, disclosure, ordinary, not_alone
):
    from django.core import mail

    from cophub.accounts.tests.factories import SecretariatFactory
    from cophub.consultations.safeguarding import signals_danger_by_terms
    from cophub.helplines.tests.factories import ChannelFactory
    from cophub.jobs.models import OutgoingMail

    assert not signals_danger_by_terms(disclosure)  # no word of the lists
    ChannelFactory(helpline__country_id=country, value=number, works_in=[country], timezone="UTC")
    contact = SecretariatFactory(email="safeguarding@itu.example", preferred_language=lang)
    item = consultation()
    item.safeguarding_contacts.add(contact)
    take_part(
        page, live_server.url, item, lang=lang, age_band="13-15", sex="girl", country=country,
        text=disclosure,
    )  # fmt: skip
    help_box = page.locator(".danger-help")
    assert help_box.is_visible() and not_alone in help_box.inner_text()
    assert help_box.locator(f'a[href="tel:{number}"]').is_visible()
    (notice,) = OutgoingMail.objects.all()
    assert notice.recipient == "safeguarding@itu.example" and notice.sent_at is not None
    assert mail.outbox[-1].to == ["safeguarding@itu.example"]
    assert disclosure[:20] not in mail.outbox[-1].body
    # The notice links to the disclosure's moderation page.
    waiting = Answer.objects.get(danger=True).disclosure
    assert f"/safeguarding/{waiting.pk}/" in mail.outbox[-1].body and waiting.handled_at is None
    # An ordinary answer: the thanks, quietly with the country's helpline and the quick exit.
    other = consultation(slug=f"ordinary-{lang}")
    take_part(
        page, live_server.url, other, lang=lang, age_band="16-17", sex="boy", country=country,
        text=ordinary,
    )  # fmt: skip
    assert page.locator(".danger-help").count() == 0
    assert page.locator(f'.quiet-help a[href="tel:{number}"]').is_visible()
    assert page.locator("#quick-exit").is_visible()
    assert OutgoingMail.objects.count() == 1
