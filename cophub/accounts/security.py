"""Sign-in controls: who must give a second factor, TOTP devices and backup codes, session clocks.

django-otp keeps the devices and checks the codes; django-axes counts failed passwords. This
module holds the rules that are COP Hub's own: the secretariat must use a TOTP device, everyone
else may; a session ends after a spell of inactivity as well as at its absolute age.
"""

import math
import time
from base64 import b32decode, b32encode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cophub.core.errors import DomainError

from .permissions import is_secretariat

SIGNED_IN_AT = "cophub_signed_in_at"
LAST_SEEN_AT = "cophub_last_seen_at"
# The last-seen time is written at most this often, not on every request, to spare session writes.
LAST_SEEN_RESOLUTION = 60
BACKUP_CODES = 10


def login_username(request, credentials):
    """The address django-axes counts failures against, in the form accounts keep it (lower case),
    so that changing the case of an address does not buy more tries."""
    username = (credentials or {}).get("username")
    if username is None:
        username = request.POST.get("username", "")
    return str(username).strip().lower()


def second_factor_required(user) -> bool:
    """Anyone who can reach the admin, that is the secretariat (and superusers), must use a TOTP
    device."""
    return user.is_authenticated and (is_secretariat(user) or user.is_superuser)


def confirmed_device(user) -> TOTPDevice | None:
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def is_verified(user) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


def second_factor_due(user) -> bool:
    """Signed in with a password, but the code step that this account needs is still to come."""
    if not user.is_authenticated or is_verified(user):
        return False
    return second_factor_required(user) or confirmed_device(user) is not None


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, made on the first visit and kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The key as people type it into an authenticator app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def hex_key(secret: str) -> str:
    """The hex key that TOTPDevice stores, from a base32 secret as authenticator apps show it."""
    secret = secret.replace(" ", "").upper()
    return b32decode(secret + "=" * (-len(secret) % 8)).hex()


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code, drawn on the server (no script on the page)."""
    import segno  # on first use: a worker that never draws one does not hold it

    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", omitsize=False
    )


def _mark_verified(request, device) -> None:
    # A new session key at each step up in trust, as Django does at sign-in.
    request.session.cycle_key()
    otp_login(request, device)


@transaction.atomic
def confirm_enrolment(request, device: TOTPDevice, token: str) -> bool:
    """Confirm the device with a first code from the app; the session counts as verified."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=request.user)
    if device.confirmed or not device.verify_token(token.strip()):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    _mark_verified(request, device)
    return True


class CodesPaused(DomainError):
    """Too many wrong codes in a row: the next one is not checked until the wait is over."""


def _wait_seconds(devices) -> int | None:
    """Seconds until the authenticator app's codes are checked again, if every app is paused.

    django-otp's brake (ThrottlingMixin): after the n-th wrong code in a row a device checks
    no code, right or wrong, for 2^(n-1) seconds (OTP_TOTP_THROTTLE_FACTOR = 1): 32 seconds
    after six, about 17 minutes after eleven. It is kept on purpose: a guesser of six digits
    gets a few dozen tries an hour instead of thousands, and the person with the phone waits
    seconds. What COP Hub adds is saying so, instead of calling the right code wrong."""
    waits = []
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if allowed:
            return None
        if until := (details or {}).get("locked_until"):
            waits.append((until - timezone.now()).total_seconds())
    return max(1, math.ceil(min(waits))) if waits else None


@transaction.atomic
def verify_code(request, token: str) -> bool:
    """Check a code from the authenticator app or one of the backup codes, each used only once.

    Raises CodesPaused, with the wait, when a six-digit code cannot be checked yet."""
    token = "".join(token.split()).lower()
    user = request.user
    apps = list(TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True))
    if token.isdigit() and len(token) == 6 and (wait := _wait_seconds(apps)):
        raise CodesPaused(
            _(
                "Too many wrong codes in a row, so this one was not checked. Wait %(seconds)s "
                "seconds, then type the code your app shows then. Each further wrong code "
                "doubles the wait."
            )
            % {"seconds": wait},
            field="code",
        )
    devices = [
        *apps,
        *StaticDevice.objects.select_for_update().filter(user=user, confirmed=True),
    ]
    for device in devices:
        if device.verify_token(token):
            _mark_verified(request, device)
            return True
    return False


@transaction.atomic
def new_backup_codes(user) -> list[str]:
    """Replace the backup codes: ten codes, each good for one sign-in without the app."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def turn_off(request) -> None:
    """Remove the TOTP device and the backup codes; the secretariat may not."""
    from cophub.core.errors import DomainError

    if second_factor_required(request.user):
        raise DomainError(_("Secretariat accounts must keep two-step sign-in."))
    TOTPDevice.objects.filter(user=request.user).delete()
    StaticDevice.objects.filter(user=request.user).delete()
    request.session.pop(DEVICE_ID_SESSION_KEY, None)


def idle_limit(user) -> int:
    if second_factor_required(user):
        return settings.SESSION_IDLE_SECONDS_SECRETARIAT
    return settings.SESSION_IDLE_SECONDS


def session_expired(request, now: float | None = None) -> bool:
    """Whether the signed-in session has been idle too long or has passed its absolute age."""
    now = time.time() if now is None else now
    session = request.session
    signed_in = session.get(SIGNED_IN_AT)
    last_seen = session.get(LAST_SEEN_AT, signed_in)
    if signed_in is None:
        return False
    return now - signed_in > settings.SESSION_COOKIE_AGE or now - last_seen > idle_limit(
        request.user
    )


def note_activity(request, now: float | None = None) -> None:
    now = int(time.time() if now is None else now)
    session = request.session
    if SIGNED_IN_AT not in session:
        session[SIGNED_IN_AT] = now
    if now - session.get(LAST_SEEN_AT, 0) >= LAST_SEEN_RESOLUTION:
        session[LAST_SEEN_AT] = now


def code_accepted_now(device: TOTPDevice) -> str:
    """The code `device` accepts now: the one an authenticator app shows, or the next time step's
    if this step's code has been used (django-otp accepts each step once, and one step ahead)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time = device.t0 + (device.last_t + 1) * device.step
    return f"{totp.token():0{device.digits}d}"
