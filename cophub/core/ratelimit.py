"""Rate limits on every write and on search, from one middleware.

Every POST, PUT, PATCH and DELETE that reaches a view, and every search (a non-empty `q`, the
OAI-PMH endpoint, SDMX data queries), is counted against a budget per class (`RATELIMITS` in
the settings: sign-in, write, search, consultation, subscription) and per client: the signed-in user, else
the client's network address. A new write view is covered without doing anything.

The counting is django-ratelimit's (`get_usage`: a fixed window per key in the cache, shared by
every app server when the cache is Redis): a small, long-lived library that counts in whatever
Django cache is configured, with no model and no store of its own. It is called from this one
middleware rather than through its per-view decorator, so that no write can be left out by
forgetting a decorator; login throttling per account is a separate control. The address of a client who is not signed in, who
may be a child, is never stored: it reaches the cache only as a keyed hash (HMAC under a key
derived from SECRET_KEY), inside a cache key that expires with its window, and is never
written to the database or a log (docs/data-protection.md).
"""

import ipaddress
import logging
import math

from babel import dates as babel_dates
from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from .cache import CACHE_ERRORS
from .problems import API_PREFIXES, problem_response

logger = logging.getLogger(__name__)

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SEARCH_METHODS = frozenset({"GET", "HEAD"})


def client_address(request) -> str:
    """The client's network address: the last hop of X-Forwarded-For (the one our own load
    balancer added; anything to its left was sent by the client and proves nothing) when
    BEHIND_PROXY is set, else the address of the connection. IPv6 addresses are cut to their
    /64, which one household or device usually holds whole."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_PROXY:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if hops[-1]:
            address = hops[-1]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address  # not an address (a Unix socket, a broken header): one shared budget
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def client_key(group: str, request) -> str:
    """Whose budget a request counts against: the user's, else the keyed hash of the address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    digest = salted_hmac("cophub.core.ratelimit.address", client_address(request))
    return "address:" + digest.hexdigest()


def limit_class(request) -> str | None:
    """Which budget a request draws on, or None for a request that is not limited."""
    match = request.resolver_match
    view_name = match.view_name if match is not None else ""
    method = request.method
    if method in WRITE_METHODS:
        if view_name in settings.RATELIMIT_SIGNIN_VIEWS:
            return "signin"
        if view_name in settings.RATELIMIT_CONSULTATION_VIEWS:
            return "consultation"
        if view_name in settings.RATELIMIT_SUBSCRIPTION_VIEWS:
            return "subscription"
        if view_name in settings.RATELIMIT_SEARCH_VIEWS:
            return "search"  # OAI-PMH may be asked by POST
        return "write"
    if method in SEARCH_METHODS and (
        view_name in settings.RATELIMIT_SEARCH_VIEWS or request.GET.get("q", "").strip()
    ):
        return "search"
    return None


def _usage(request, group: str) -> dict | None:
    try:
        return get_usage(
            request,
            group=group,
            key=client_key,
            rate=settings.RATELIMITS[group],
            increment=True,
        )
    except CACHE_ERRORS:
        # The limits protect the site; they must not take it down with the cache. Nothing
        # about the client is logged.
        logger.warning("rate limits not applied: the cache did not answer")
        return None


def _wait_text(seconds: int) -> str:
    return babel_dates.format_timedelta(
        seconds,
        threshold=2,
        format="long",
        locale=translation.to_locale(translation.get_language() or settings.LANGUAGE_CODE),
    )


def too_many_requests(request, retry_after: int):
    """429 with Retry-After: problem details for the API, a page in the request's language."""
    if request.path.startswith(API_PREFIXES):
        response = problem_response(
            request,
            429,
            detail=_("Too many requests from this client. Try again after %(seconds)s s.")
            % {"seconds": retry_after},
        )
    else:
        message = _(
            "You have sent a lot in a short time, so what you just sent has not been saved. "
            "Please wait %(wait)s, then try again."
        ) % {"wait": _wait_text(retry_after)}
        response = render(
            request,
            "core/error.html",
            {"status": 429, "title": _("Too many requests"), "message": message},
            status=429,
        )
    response["Retry-After"] = str(retry_after)
    return response


class RateLimitMiddleware:
    """Counts each write and search before its view runs (and before the CSRF check, which
    comes after it in MIDDLEWARE: refused forms count too), and answers 429 over the limit.
    /healthz and the static files are answered earlier in MIDDLEWARE and never reach it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.RATELIMIT_ENABLE:
            return None
        group = limit_class(request)
        if group is None:
            return None
        usage = _usage(request, group)
        if usage is None or not usage["should_limit"]:
            return None
        # The window's last second still belongs to it: the budget is back one second later.
        return too_many_requests(request, max(1, math.ceil(usage["time_left"]) + 1))
