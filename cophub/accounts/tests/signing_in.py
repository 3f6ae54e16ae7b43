"""Signing in as people do, for tests: the password step and, where the account has a TOTP
device, the code step with the code its authenticator app would show."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from cophub.accounts.security import code_accepted_now

PASSWORD = "a long and safe passphrase"


def totp_code(device: TOTPDevice) -> str:
    """The code the account's authenticator app would give now."""
    return code_accepted_now(device)


def _email(user) -> str:
    return user if isinstance(user, str) else user.email


def give_code(page, user) -> None:
    """On the code step, type the code of the confirmed device of `user` (a user or an address)."""
    device = TOTPDevice.objects.get(user__email=_email(user), confirmed=True)
    page.fill("#id_code", totp_code(device))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def sign_in(page, live_server, lang, user, password=PASSWORD) -> None:
    page.goto(f"{live_server.url}/{lang}/accounts/login/")
    page.fill("#id_username", _email(user))
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/two-factor/" in page.url and "/set-up/" not in page.url:
        give_code(page, user)
