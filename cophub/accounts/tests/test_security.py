"""The sign-in controls: login throttling, two-step sign-in, session expiry, password rules."""

import datetime
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cophub.accounts import security
from cophub.accounts.models import User
from cophub.core.admin_site import CopHubAdminSite

from .factories import DelegateFactory, SecretariatFactory, with_verified_device
from .signing_in import PASSWORD, totp_code

pytestmark = pytest.mark.django_db

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
TOO_MANY = {
    "ar": "محاولات كثيرة جداً",
    "zh": "尝试次数过多",
    "en": "Too many attempts",
    "fr": "Trop de tentatives",
    "ru": "Слишком много попыток",
    "es": "Demasiados intentos",
}
WRONG_CODE = {
    "ar": "هذا الرمز غير صحيح.",
    "zh": "验证码不正确。",
    "en": "That code is not right.",
    "fr": "Ce code n’est pas le bon.",
    "ru": "Этот код неверен.",
    "es": "Ese código no es correcto.",
}


def sign_in(client, email, password=PASSWORD, *, lang="en", ip="203.0.113.7", **data):
    return client.post(
        f"/{lang}/accounts/login/", {"username": email, "password": password, **data},
        REMOTE_ADDR=ip,
    )  # fmt: skip


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# Login throttling ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_five_wrong_passwords_lock_the_address_out_with_a_page_in_its_language(client, lang):
    user = DelegateFactory()
    for _attempt in range(4):
        assert sign_in(client, user.email, "wrong password", lang=lang).status_code == 422
    locked = sign_in(client, user.email, "wrong password", lang=lang)
    assert locked.status_code == 429
    assert TOO_MANY[lang] in locked.content.decode()
    assert f'lang="{lang}"' in locked.content.decode()
    # Even the right password is refused until the cool-off has passed.
    assert sign_in(client, user.email, lang=lang).status_code == 429
    assert not signed_in(client)


def test_the_lockout_says_nothing_about_whether_the_account_exists(client):
    DelegateFactory(email="known@example.org")
    answers = {}
    for email, ip in [
        ("known@example.org", "198.51.100.1"),
        ("nobody@example.org", "198.51.100.2"),
    ]:
        answers[email] = [
            sign_in(Client(), email, "wrong password", ip=ip).status_code for _i in range(6)
        ]
        answers[email].append(sign_in(Client(), email, "wrong password", ip=ip).content)
    assert answers["known@example.org"] == answers["nobody@example.org"]
    assert answers["known@example.org"][:6] == [422, 422, 422, 422, 429, 429]


def test_the_lockout_holds_one_address_from_one_ip_address_only(client):
    user, other = DelegateFactory(), DelegateFactory()
    for _attempt in range(5):
        sign_in(Client(), user.email, "wrong password", ip="203.0.113.7")
    # Changing the case of the address buys no more tries.
    assert sign_in(Client(), user.email.upper(), ip="203.0.113.7").status_code == 429
    assert sign_in(Client(), user.email, ip="203.0.113.99").status_code == 302
    assert sign_in(Client(), other.email, ip="203.0.113.7").status_code == 302


def test_a_successful_sign_in_clears_the_failures(client):
    user = DelegateFactory()
    for _attempt in range(4):
        sign_in(Client(), user.email, "wrong password")
    assert sign_in(Client(), user.email).status_code == 302
    assert not AccessAttempt.objects.exists()
    for _attempt in range(4):
        assert sign_in(Client(), user.email, "wrong password").status_code == 422
    assert sign_in(Client(), user.email).status_code == 302


def test_the_lockout_ends_after_fifteen_minutes(client):
    user = DelegateFactory()
    for _attempt in range(5):
        sign_in(client, user.email, "wrong password")
    assert sign_in(client, user.email).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=14)
    )
    assert sign_in(client, user.email).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )
    assert sign_in(client, user.email).status_code == 302


def test_failures_are_counted_in_the_database_that_every_app_server_shares(settings):
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    user = DelegateFactory()
    sign_in(Client(), user.email.title(), "wrong password", ip="192.0.2.10")
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (
        user.email,
        "192.0.2.10",
        1,
    )


def test_the_admin_sign_in_is_throttled_too(client):
    user = SecretariatFactory()
    for _attempt in range(4):
        response = client.post(
            "/fr/admin/login/",
            {"username": user.email, "password": "wrong"},
            REMOTE_ADDR="192.0.2.3",
        )
        assert response.status_code == 200
    response = client.post(
        "/fr/admin/login/", {"username": user.email, "password": "wrong"}, REMOTE_ADDR="192.0.2.3"
    )
    assert response.status_code == 429
    assert TOO_MANY["fr"] in response.content.decode()


# Two-step sign-in: required for the secretariat ---------------------------------------------


def test_a_secretariat_account_without_an_app_is_sent_to_set_one_up_and_reaches_nothing_else(
    client,
):
    user = SecretariatFactory(otp=False)
    response = sign_in(client, user.email, lang="fr")
    assert (
        response["Location"] == "/fr/accounts/two-factor/set-up/?next=%2Ffr%2Faccounts%2Fprofile%2F"
    )
    for path in ["/fr/", "/fr/accounts/profile/", "/fr/admin/", "/fr/admin/accounts/user/",
                 "/fr/coordination/add/", "/fr/accounts/two-factor/"]:  # fmt: skip
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert answer["Location"].startswith("/fr/accounts/two-factor/set-up/"), path
    assert (
        client.post("/fr/admin/accounts/user/add/", {"email": "x@example.org"}).status_code == 302
    )
    assert not User.objects.filter(email="x@example.org").exists()
    page = client.get("/fr/accounts/two-factor/set-up/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    assert "<svg" in page.content.decode()
    assert security.secret_text(device) in page.content.decode()


def test_a_secretariat_account_sets_up_its_app_and_the_session_is_renewed(client):
    user = SecretariatFactory(otp=False)
    sign_in(client, user.email)
    client.get("/en/accounts/two-factor/set-up/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/en/accounts/two-factor/set-up/", {"code": "000000"})
    assert WRONG_CODE["en"] in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()
    key_before = client.session.session_key
    response = client.post(
        "/en/accounts/two-factor/set-up/", {"code": totp_code(device), "next": "/en/admin/"}
    )
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and StaticToken.objects.filter(device__user=user).count() == 10
    assert client.session.session_key != key_before
    assert client.get("/en/admin/").status_code == 200


def test_a_secretariat_account_with_an_app_gives_a_code_before_the_admin(client):
    user = User.objects.get(pk=SecretariatFactory().pk)  # as the database has it: no device in hand
    response = sign_in(client, user.email, lang="ar")
    assert response["Location"].startswith("/ar/accounts/two-factor/?next=")
    assert client.get("/ar/admin/")["Location"].startswith("/ar/accounts/two-factor/")
    # Another device cannot be set up in the half-signed-in state to get round the code.
    client.get("/ar/accounts/two-factor/set-up/")
    assert TOTPDevice.objects.filter(user=user).count() == 1
    key_before = client.session.session_key
    response = client.post(
        "/ar/accounts/two-factor/",
        {"code": totp_code(TOTPDevice.objects.get(user=user)), "next": "/ar/admin/"},
    )
    assert response["Location"] == "/ar/admin/"
    assert client.session.session_key != key_before
    assert client.get("/ar/admin/").status_code == 200


def test_after_six_wrong_codes_the_right_one_waits_and_the_page_says_how_long(client):
    """django-otp's brake is kept (docs/security.md): after the n-th wrong code in a row no code
    is checked for 2^(n-1) seconds. The page says so, with the wait, instead of calling the
    right code wrong, and the right code goes through once the wait is over."""
    user = User.objects.get(pk=SecretariatFactory().pk)
    device = TOTPDevice.objects.get(user=user)
    sign_in(client, user.email)
    for _wrong in range(6):
        # As if the person waited out each pause before typing the next wrong code.
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=timezone.now() - datetime.timedelta(hours=1)
        )
        response = client.post("/en/accounts/two-factor/", {"code": "000000"})
        assert "That code is not right." in response.content.decode()
    response = client.post("/en/accounts/two-factor/", {"code": totp_code(device)})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many wrong codes in a row, so this one was not checked. Wait 32 seconds" in page
    assert "That code is not right." not in page
    assert not security.is_verified(response.wsgi_request.user)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(seconds=33)
    )
    response = client.post("/en/accounts/two-factor/", {"code": totp_code(device)})
    assert response.status_code == 302


def test_the_admin_site_itself_refuses_a_session_without_the_code():
    request = RequestFactory().get("/en/admin/")
    request.user = SecretariatFactory()
    request.user.is_verified = lambda: False
    assert not CopHubAdminSite().has_permission(request)
    request.user.is_verified = lambda: True
    assert CopHubAdminSite().has_permission(request)
    request.user = AnonymousUser()
    assert not CopHubAdminSite().has_permission(request)


def test_a_secretariat_session_without_the_code_cannot_write_through_the_api(client):
    from cophub.coordination.models import Activity
    from cophub.coordination.tests.test_api import NEW_ACTIVITY

    user = SecretariatFactory()
    sign_in(client, User.objects.get(pk=user.pk).email)  # password only
    url = "/api/v1/coordination/activities"
    response = client.post(url, NEW_ACTIVITY, content_type="application/json")
    assert response.status_code == 401
    assert not Activity.objects.exists()
    # The same session, once the code is given, may.
    client.post("/en/accounts/two-factor/", {"code": totp_code(TOTPDevice.objects.get(user=user))})
    response = client.post(url, NEW_ACTIVITY, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Activity.objects.count() == 1


def test_the_secretariat_cannot_turn_two_step_sign_in_off(client):
    user = SecretariatFactory()
    client.force_login(user)
    response = client.get("/en/accounts/two-factor/turn-off/", follow=True)
    assert "Secretariat accounts must keep two-step sign-in." in response.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# Two-step sign-in: offered to everyone else -------------------------------------------------


def test_a_delegate_signs_in_with_the_password_alone_until_turning_the_code_on(client):
    user = DelegateFactory()
    assert sign_in(client, user.email)["Location"] == "/en/accounts/profile/"
    profile = client.get("/en/accounts/profile/").content.decode()
    assert 'href="/en/accounts/two-factor/set-up/"' in profile
    page = client.get("/en/accounts/two-factor/set-up/").content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/en/accounts/two-factor/set-up/", {"code": totp_code(device)})
    codes = response.context["codes"]
    assert "Two-step sign-in is on for your account." in response.content.decode()
    assert "You have 10 backup codes left." in client.get("/en/accounts/profile/").content.decode()

    # The next sign-in asks for the code; a backup code does instead, once.
    again = Client()
    assert sign_in(again, user.email)["Location"].startswith("/en/accounts/two-factor/?next=")
    assert again.get("/en/accounts/profile/")["Location"].startswith("/en/accounts/two-factor/")
    assert again.post("/en/accounts/two-factor/", {"code": codes[0]}).status_code == 302
    assert again.get("/en/accounts/profile/").status_code == 200
    third = Client()
    sign_in(third, user.email)
    refused = third.post("/en/accounts/two-factor/", {"code": codes[0]})
    assert WRONG_CODE["en"] in refused.content.decode()
    assert third.get("/en/accounts/profile/").status_code == 302


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_code_is_refused_in_the_page_language(client, lang):
    user = DelegateFactory()
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, user.email, lang=lang)
    for code in ["123456", "not a code", "1" * 20]:
        response = client.post(f"/{lang}/accounts/two-factor/", {"code": code})
        assert response.status_code == 422
        assert WRONG_CODE[lang] in response.content.decode()
    assert not security.is_verified(response.wsgi_request.user)
    assert client.get(f"/{lang}/accounts/profile/").status_code == 302


def test_an_empty_code_is_asked_for_in_the_page_language(client):
    user = DelegateFactory()
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, user.email, lang="es")
    response = client.post("/es/accounts/two-factor/", {"code": ""})
    assert "Este campo es obligatorio." in response.content.decode()


def test_a_delegate_turns_two_step_sign_in_off_with_a_current_code(client):
    user = DelegateFactory()
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    security.new_backup_codes(user)
    client.force_login(user)
    client.post("/en/accounts/two-factor/", {"code": totp_code(device)})
    refused = client.post("/en/accounts/two-factor/turn-off/", {"code": "000000"})
    assert WRONG_CODE["en"] in refused.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()
    device.throttle_reset()
    response = client.post("/en/accounts/two-factor/turn-off/", {"code": totp_code(device)})
    assert response["Location"] == "/en/accounts/profile/"
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert sign_in(Client(), user.email)["Location"] == "/en/accounts/profile/"


def test_new_backup_codes_replace_the_old_ones(client):
    user = DelegateFactory()
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    old = security.new_backup_codes(user)
    client.force_login(user)
    client.post("/en/accounts/two-factor/", {"code": totp_code(device)})
    new = client.post("/en/accounts/two-factor/backup-codes/").context["codes"]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)


# Session expiry -----------------------------------------------------------------------------


def _age_session(client, *, idle: int, signed_in_ago: int | None = None) -> None:
    session = client.session
    now = int(time.time())
    session[security.LAST_SEEN_AT] = now - idle
    session[security.SIGNED_IN_AT] = now - (signed_in_ago if signed_in_ago is not None else idle)
    session.save()


@pytest.mark.parametrize(
    ("factory", "lang", "limit_minutes", "message"),
    [
        (SecretariatFactory, "en", 30, "You were signed out after 30 minutes without activity."),
        (DelegateFactory, "fr", 120, "Vous avez été déconnecté après 120 minutes d’inactivité."),
    ],
    ids=["secretariat-30-minutes", "delegate-2-hours"],
)
def test_an_idle_session_ends(client, factory, lang, limit_minutes, message):
    client.force_login(factory())
    _age_session(client, idle=(limit_minutes - 1) * 60)
    assert client.get(f"/{lang}/accounts/profile/").status_code == 200
    _age_session(client, idle=(limit_minutes + 1) * 60)
    response = client.get(f"/{lang}/accounts/profile/", follow=True)
    assert response.redirect_chain[-1][0].startswith(f"/{lang}/accounts/login/")
    assert message in response.content.decode()
    assert not signed_in(client)


def test_an_active_session_still_ends_eight_hours_after_signing_in(client):
    client.force_login(DelegateFactory())
    _age_session(client, idle=60, signed_in_ago=8 * 60 * 60 - 60)
    assert client.get("/en/accounts/profile/").status_code == 200
    _age_session(client, idle=60, signed_in_ago=8 * 60 * 60 + 60)
    assert client.get("/en/accounts/profile/").status_code == 302
    assert not signed_in(client)


def test_an_expired_session_reaches_the_api_as_no_one(client):
    client.force_login(SecretariatFactory())
    _age_session(client, idle=31 * 60)
    response = client.post("/api/v1/coordination/activities", {}, content_type="application/json")
    assert response.status_code == 401


def test_activity_is_recorded_at_most_once_a_minute(client):
    client.force_login(DelegateFactory())
    client.get("/en/accounts/profile/")
    seen = client.session[security.LAST_SEEN_AT]
    client.get("/en/accounts/profile/")
    assert client.session[security.LAST_SEEN_AT] == seen


# Password rules -----------------------------------------------------------------------------

WEAK = {
    "too short": ("Short pass!", "This password is too short."),
    "common": ("password1234", "This password is too common."),
    "numeric": ("493817205861", "This password is entirely numeric."),
    "like the address": ("wanjiru.kamau.example", "The password is too similar to the"),
}


@pytest.mark.parametrize("kind", WEAK)
def test_a_weak_password_is_refused_on_the_set_password_link(
    client, kind, django_capture_on_commit_callbacks
):
    import re

    from cophub.accounts.forms import PasswordResetForm  # noqa: F401 - the form the page uses

    user = DelegateFactory(email="wanjiru.kamau@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/password/reset/", {"email": user.email})
    link = re.search(r"(/en/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    password, message = WEAK[kind]
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert message in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("kind", WEAK)
def test_a_weak_password_is_refused_in_the_admin(client, kind):
    client.force_login(SecretariatFactory())
    user = DelegateFactory(email="wanjiru.kamau@example.org")
    password, message = WEAK[kind]
    response = client.post(
        f"/en/admin/accounts/user/{user.pk}/password/",
        {"password1": password, "password2": password, "usable_password": "true"},
    )
    assert message in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    response = client.post(
        "/en/admin/accounts/user/add/",
        {"email": "wanjiru.kamau@example.net", "full_name": "W", "role": "public",
         "password1": password, "password2": password, "usable_password": "true"},
    )  # fmt: skip
    assert message in response.content.decode()
    assert not User.objects.filter(email="wanjiru.kamau@example.net").exists()


# Password reset reveals nothing -------------------------------------------------------------


def test_password_reset_gives_the_same_page_for_every_address(
    client, django_capture_on_commit_callbacks
):
    DelegateFactory(email="known@example.org")
    DelegateFactory(email="gone@example.org", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        pages = {
            email: client.post("/fr/accounts/password/reset/", {"email": email}, follow=True)
            for email in ["known@example.org", "gone@example.org", "nobody@example.org"]
        }
    contents = {email: (page.redirect_chain, page.content) for email, page in pages.items()}
    assert len(set(map(repr, contents.values()))) == 1
    assert [message.to for message in mail.outbox] == [["known@example.org"]]


# Demo data ----------------------------------------------------------------------------------


def test_the_demo_secretariat_signs_in_with_the_published_key(client):
    import io
    from base64 import b32decode

    from django_otp.oath import TOTP

    from cophub.accounts import demo

    out = io.StringIO()
    demo.load_demo(stdout=out)
    assert demo.DEMO_TOTP_SECRET in out.getvalue()
    response = sign_in(client, "secretariat@demo.cophub.invalid", demo.DEMO_PASSWORD)
    assert response["Location"].startswith("/en/accounts/two-factor/?next=")
    code = TOTP(b32decode(demo.DEMO_TOTP_SECRET)).token()
    client.post("/en/accounts/two-factor/", {"code": f"{code:06d}"})
    assert client.get("/en/admin/").status_code == 200
    demo.load_demo(stdout=io.StringIO())
    assert TOTPDevice.objects.count() == 1


def test_the_admin_lists_devices_without_their_keys(client):
    user = SecretariatFactory()
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user)
    page = client.get(f"/en/admin/otp_totp/totpdevice/{device.pk}/change/")
    assert page.status_code == 200
    assert device.key not in page.content.decode()
    assert client.get(f"/en/admin/otp_totp/totpdevice/{device.pk}/config/").status_code != 200


def test_the_secretariat_lifts_a_pause_in_the_admin(client):
    user = DelegateFactory()
    for _attempt in range(5):
        sign_in(Client(), user.email, "wrong password")
    staff = with_verified_device(
        User.objects.create_user("staff@example.org", PASSWORD, full_name="S", role="secretariat")
    )
    assert not staff.is_superuser
    client.force_login(staff)
    attempt = AccessAttempt.objects.get()
    assert client.get("/en/admin/axes/accessattempt/").status_code == 200
    client.post(f"/en/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    assert sign_in(Client(), user.email).status_code == 302


def test_the_democode_command_gives_the_code_the_demo_secretariat_signs_in_with(client):
    import io

    from django.core.management import CommandError, call_command

    from cophub.accounts import demo

    with pytest.raises(CommandError, match="run `cophub loaddemo` first"):
        call_command("democode", stdout=io.StringIO())
    demo.load_demo(stdout=io.StringIO())
    out = io.StringIO()
    call_command("democode", stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    sign_in(client, demo.DEMO_SECRETARIAT_EMAIL, demo.DEMO_PASSWORD)
    client.post("/en/accounts/two-factor/", {"code": code})
    assert client.get("/en/admin/").status_code == 200
    # That step's code is used now: the command gives the next one, which is accepted too.
    other = Client()
    sign_in(other, demo.DEMO_SECRETARIAT_EMAIL, demo.DEMO_PASSWORD)
    out = io.StringIO()
    call_command("democode", stdout=out)
    assert out.getvalue().strip() != code
    other.post("/en/accounts/two-factor/", {"code": out.getvalue().strip()})
    assert other.get("/en/admin/").status_code == 200
