"""While the database is unreachable, answer 503 with Retry-After instead of a 500.

A restart or failover of PostgreSQL takes a few seconds. Requests that arrive then fail with
OperationalError (cannot connect, connection dropped) or InterfaceError (a kept connection that
the server closed). Those are not bugs in the page: the visitor is told to try again shortly, in
their language, and a client of the API gets a problem+json it can retry after `Retry-After`.
The broken connection is closed by Django at the end of the request (it marks it as having seen
errors), and CONN_HEALTH_CHECKS checks a kept one before the next request reuses it, so the site
answers again by itself once the database is back, without restarting the app servers.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils.translation import gettext as _

from .problems import API_PREFIXES, problem_response

logger = logging.getLogger(__name__)

# Seconds a client should wait before trying again: a fast restart takes one or two.
RETRY_AFTER_SECONDS = 5


def is_database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def unavailable_response(request):
    title = _("Service temporarily unavailable")
    message = _("The site cannot reach its database for a moment. Please try again in a minute.")
    if request.path.startswith(API_PREFIXES):
        response = problem_response(request, 503, detail=message, title=title)
    else:
        # The page that needs neither the database nor the static files.
        context = {"status": 503, "title": title, "message": message}
        response = render(request, "core/500.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a database connection failure raised by a view (or the API) into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.warning("database unavailable for %s: %s", request.path, exception)
        return unavailable_response(request)


def server_error(request):
    """handler500: a database failure outside a view (the session saved after it, a
    middleware's query) reaches Django's own handler; it is a 503 too."""
    from .views import server_error as page

    if is_database_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return page(request)
