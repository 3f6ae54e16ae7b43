"""A delegate asks for a training on a phone, in Arabic; the secretariat schedules it on a desktop."""

import datetime

import pytest
from django.utils import timezone, translation

from cophub.accounts.tests import signing_in
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.testing import check_accessibility
from cophub.trainings.models import TrainingRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_delegate_asks_for_a_training_and_the_secretariat_schedules_it(browser, live_server):
    DelegateFactory(email="focal.ke@example.org")
    SecretariatFactory(email="bdt@example.org")
    with translation.override("ar"):
        received = str(TrainingRequest.State.RECEIVED.label)
        scheduled = str(TrainingRequest.State.SCHEDULED.label)
    start = timezone.localdate() + datetime.timedelta(days=40)

    def new_page(width):
        context = browser.new_context(locale="ar", viewport={"width": width, "height": 800})
        context.set_default_timeout(15_000)
        return context.new_page()

    def fits(page, width):
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        check_accessibility(page)

    phone = new_page(390)
    signing_in.sign_in(phone, live_server, "ar", "focal.ke@example.org")
    phone.goto(f"{live_server.url}/ar/trainings/requests/new/")
    fits(phone, 390)
    phone.fill("#id_topic", "حماية الأطفال على الإنترنت للمعلمين")
    phone.select_option("#id_audience", "educators")
    phone.fill("#id_period_start", start.isoformat())
    phone.fill("#id_period_end", (start + datetime.timedelta(days=30)).isoformat())
    with phone.expect_navigation():
        phone.click("main button[type=submit]")
    sent = TrainingRequest.objects.get()
    assert (sent.country_id, sent.language, sent.state) == ("KE", "ar", "received")
    assert phone.locator("#request-state").inner_text() == received
    fits(phone, 390)

    desktop = new_page(1280)
    signing_in.sign_in(desktop, live_server, "ar", "bdt@example.org")
    desktop.goto(f"{live_server.url}/ar/trainings/requests/")
    with desktop.expect_navigation():
        desktop.click(f"main a[href$='/trainings/requests/{sent.pk}/']")
    fits(desktop, 1280)
    assert desktop.input_value("#id_schedule-title") == sent.topic
    day = start + datetime.timedelta(days=5)
    desktop.fill("#id_schedule-starts_at", f"{day.isoformat()}T09:00")
    desktop.fill("#id_schedule-ends_at", f"{day.isoformat()}T12:00")
    desktop.select_option("#id_schedule-time_zone", "Africa/Nairobi")
    desktop.fill("#id_schedule-place", "نيروبي")
    with desktop.expect_navigation():
        desktop.click("main button[value=schedule]")
    sent.refresh_from_db()
    assert sent.state == "scheduled" and sent.training.place == "نيروبي"
    assert desktop.locator("#request-state").inner_text() == scheduled

    phone.reload()
    assert phone.locator("#request-state").inner_text() == scheduled
    assert phone.locator("#request-training a").inner_text() == sent.training.title
    for page in (phone, desktop):
        page.context.close()
