"""Reads on the read replica, writes on the primary, and a person always sees their own writes.

With DATABASE_REPLICA_URL set, settings add a `replica` alias. PostgreSQL's streaming replica
applies the primary's changes a moment later (usually well under a second, longer under load),
so a read sent there right after a write can miss it. Reads therefore go to the primary:

- for the rest of any request that is not GET/HEAD/OPTIONS, or that has written;
- for `REPLICA_PIN_SECONDS` after such a request, for the browser that made it (a cookie, see
  `pin_to_primary_middleware`), so that the page a form redirects to shows what was just saved;
- inside a transaction on the primary (a service's `@transaction.atomic`, where reads decide
  writes), and for `select_for_update` and `get_or_create`, which Django sends as writes;
- in task workers, which act on rows that a request has just committed (see `pinned_to_primary`).

Everything else, the bulk of the traffic (pages, search, the API, feeds), reads from the replica.
Migrations run on the primary only; the replica receives them by replication.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The cookie says only "read from the primary for a few seconds": it carries no data, so a
# forged or replayed one can do no more than move that browser's reads to the primary.
PIN_COOKIE = "cophub_primary"

# Per request (each thread and each asyncio task has its own context).
_pinned: ContextVar[bool] = ContextVar("cophub_pinned_to_primary", default=False)
_wrote: ContextVar[bool] = ContextVar("cophub_wrote", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def is_pinned() -> bool:
    return _pinned.get()


@contextmanager
def pinned_to_primary():
    """Every read in the block goes to the primary."""
    token = _pinned.set(True)
    try:
        yield
    finally:
        _pinned.reset(token)


class PrimaryReplicaRouter:
    """Django database router: see the module's docstring."""

    def db_for_read(self, model, **hints):
        if not replica_configured() or _pinned.get():
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        # A write pins the rest of the request (and, through the middleware, the next few
        # seconds) to the primary.
        _wrote.set(True)
        _pinned.set(True)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of the primary: a row read from one relates to a row of the other.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def pin_to_primary_middleware(get_response):
    """Pin a request to the primary when it may write or follows a write by the same browser,
    and mark the browser for `REPLICA_PIN_SECONDS` after a request that wrote.

    A cookie rather than a session flag: anonymous people write too (consultation answers,
    helpline proposals) and have no session, and reading a session costs a query on every page.
    """

    def middleware(request):
        if not replica_configured():
            return get_response(request)
        pinned = request.method not in SAFE_METHODS or PIN_COOKIE in request.COOKIES
        pin_token, wrote_token = _pinned.set(pinned), _wrote.set(False)
        try:
            response = get_response(request)
            if _wrote.get() or request.method not in SAFE_METHODS:
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=settings.REPLICA_PIN_SECONDS,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        finally:
            _pinned.reset(pin_token)
            _wrote.reset(wrote_token)

    return middleware
