import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import DEVICE_ID_SESSION_KEY

from . import security


@receiver(user_logged_in)
def start_session_clocks(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[security.SIGNED_IN_AT] = now
    request.session[security.LAST_SEEN_AT] = now


@receiver(user_logged_in)
def keep_a_verified_device(sender, request, user, **kwargs):
    """django-otp keeps the device that an OTP-aware form set on the user (`user.otp_device`) in
    the session only when the request already has a user; `Client.force_login`'s request has
    none. The device must be confirmed and the user's own."""
    device = getattr(user, "otp_device", None)
    if device is not None and device.confirmed and device.user_id == user.pk:
        request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
