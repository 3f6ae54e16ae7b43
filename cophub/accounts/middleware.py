"""Two checks on every signed-in request: the session is still live, and the second factor has
been given when the account needs one."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from . import security

# What a person who has given their password but not yet their code may open.
_OPEN_BEFORE_CODE = frozenset(
    {"accounts:two-factor-verify", "accounts:two-factor-enrol", "accounts:logout"}
)


def _is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def session_expiry_middleware(get_response):
    def middleware(request):
        if request.user.is_authenticated:
            if security.session_expired(request):
                idle_minutes = security.idle_limit(request.user) // 60
                logout(request)
                if not _is_api(request):
                    messages.info(
                        request,
                        _("You were signed out after %(minutes)d minutes without activity.")
                        % {"minutes": idle_minutes},
                    )
            else:
                security.note_activity(request)
        return get_response(request)

    return middleware


def second_factor_middleware(get_response):
    def middleware(request):
        user = request.user
        if user.is_authenticated and security.second_factor_due(user):
            if _is_api(request):
                # The API sees no one signed in: it reads what the public reads and writes nothing.
                request.user = AnonymousUser()
                return get_response(request)
            if request.path_info.startswith(settings.STATIC_URL):
                return get_response(request)
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is None or match.view_name not in _OPEN_BEFORE_CODE:
                step = (
                    "accounts:two-factor-verify"
                    if security.confirmed_device(user)
                    else "accounts:two-factor-enrol"
                )
                query = (
                    ""
                    if request.method != "GET"
                    else "?" + urlencode({"next": request.get_full_path()})
                )
                return redirect(reverse(step) + query)
        return get_response(request)

    return middleware
