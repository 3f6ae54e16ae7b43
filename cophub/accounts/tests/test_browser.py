"""From asking for an account to signing in, as the delegate and the secretariat do it."""

import re
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cophub.accounts.models import AccountRequest
from cophub.testing import check_accessibility

from .factories import SecretariatFactory
from .signing_in import PASSWORD, give_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_delegate_asks_the_secretariat_approves_and_the_delegate_signs_in(browser, live_server):
    staff = SecretariatFactory(email="secretariat@example.org")

    delegate = browser.new_context(locale="ar")
    page = delegate.new_page()
    page.goto(f"{live_server.url}/ar/accounts/request/")
    page.click("main button[type=submit]")  # an empty form first
    assert page.locator(".error-summary li").count() >= 4
    check_accessibility(page)
    assert AccountRequest.objects.count() == 0

    page.fill("#id_full_name", "فيصل الحربي")
    page.fill("#id_email", "faisal@example.org")
    page.check("input[name=role][value=member_state]")
    page.select_option("#id_country", "SA")
    page.fill("#id_position", "مستشار")
    page.select_option("#id_preferred_language", "ar")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/accounts/request/sent/")
    assert AccountRequest.objects.get().country_id == "SA"

    secretariat = browser.new_context(locale="en-GB").new_page()
    secretariat.goto(f"{live_server.url}/en/admin/")
    secretariat.fill("#id_username", "secretariat@example.org")
    secretariat.fill("#id_password", "a long and safe passphrase")
    secretariat.click("input[type=submit]")
    give_code(secretariat, staff)
    secretariat.goto(f"{live_server.url}/en/admin/accounts/accountrequest/")
    secretariat.check("input[name=_selected_action]")
    secretariat.select_option("select[name=action]", "approve")
    secretariat.click("button[name=index]")
    assert "1 request approved." in secretariat.locator("ul.messagelist").inner_text()

    link = re.search(
        r"https?://[^/]+(/ar/accounts/password/reset/\S+/)", mail.outbox[-1].body
    ).group(1)
    page.goto(f"{live_server.url}{link}")
    page.fill("#id_new_password1", "Dates and coffee in Riyadh 2026")
    page.fill("#id_new_password2", "Dates and coffee in Riyadh 2026")
    page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.fill("#id_username", "faisal@example.org")
    page.fill("#id_password", "Dates and coffee in Riyadh 2026")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/accounts/profile/")
    assert "فيصل الحربي" in page.locator("main").inner_text()
    assert "المملكة العربية السعودية" in page.locator("main").inner_text()
    check_accessibility(page)
    delegate.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_secretariat_member_sets_up_two_step_sign_in_and_reaches_the_admin(
    page, live_server, lang
):
    user = SecretariatFactory(otp=False)
    page.goto(f"{live_server.url}/{lang}/accounts/login/?next=/{lang}/admin/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/{lang}/accounts/two-factor/set-up/?next=*")
    assert page.locator("figure.qr-code svg").count() == 1
    check_accessibility(page)

    # The admin stays closed until the app is set up.
    page.goto(f"{live_server.url}/{lang}/admin/")
    page.wait_for_url(f"{live_server.url}/{lang}/accounts/two-factor/set-up/?next=*")

    # A wrong code first, then the code the app computes from the key shown on the page.
    page.fill("#id_code", "000000")
    page.click("main form.form button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    check_accessibility(page)
    TOTPDevice.objects.filter(user=user).update(throttling_failure_count=0)
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    totp = TOTP(b32decode(secret + "=" * (-len(secret) % 8)))
    page.fill("#id_code", f"{totp.token():06d}")
    page.click("main form.form button[type=submit]")
    assert page.locator(".backup-codes li").count() == 10
    check_accessibility(page)
    page.click("main a.button")
    page.wait_for_url(f"{live_server.url}/{lang}/admin/")
    assert page.locator("#site-name").count() == 1
    assert TOTPDevice.objects.get(user=user).confirmed
