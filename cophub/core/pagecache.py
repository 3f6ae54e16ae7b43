"""Public pages served from the shared cache to anonymous visitors.

A page an anonymous visitor sees is the same for every anonymous visitor in that language. A view
marked `@public_page("workgroup", ...)` names the data it shows (the versions of `core.cache`);
`page_cache_middleware`, first in the stack, keeps its answer in the shared cache (Redis in
production) keyed by path, query and language, beside the versions read before the page was
built, and serves it again, before any other middleware runs, while every version is unchanged.

Each app's data has a version named after the app (`data_version(app_label)`), raised whenever one
of its rows is saved or deleted (signals, below) and by the services that write without signals
(bulk updates, COPY). A lost version (a cache restart) is a new one: a recomputation, never a stale
page. Entries also expire after `timeout` seconds, for what changes with the clock alone (a
consultation opening).

The answer carries `ETag` and `Last-Modified`, is answered with 304 when the visitor already has
it, and says `Cache-Control: public, max-age=0, s-maxage=...` so that a CDN in front may keep it
as long as the site does while browsers check each time. A visitor with a session (signed in, or
in a consultation) or a message waiting never gets a kept page, and a page that sets a cookie or
is not a plain 200 is never kept.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.module_loading import import_string

from . import cache as versioned

DEFAULT_TIMEOUT = 300
# The apps whose records the pages show (a page that sums up all of them, such as the mandate's,
# names them all).
CONTENT_APPS = (
    "core", "workgroup", "resources", "helplines", "countries", "statistics", "coordination",
    "consultations",
)  # fmt: skip
_PREFIX = "page:"
_SKIPPED_HEADERS = {"set-cookie", "content-length"}


def data_version(app_label: str) -> str:
    """The name of the version of an app's data."""
    return f"data:{app_label}"


def public_page(
    *apps_shown: str, timeout: int = DEFAULT_TIMEOUT, on_every_view: str = ""
) -> Callable:
    """Mark a view whose anonymous answer depends only on its URL, its language and the data of
    `apps_shown` (app labels; a name of `core.cache` also works).

    `on_every_view` names a function (its import path) that the view calls with its URL's
    arguments for every answer, such as a count; it is also called when the page is answered from
    the cache, where the view does not run."""
    names = tuple(name if ":" in name else data_version(name) for name in apps_shown)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            # Only what the middleware may keep: an anonymous GET (no version read otherwise).
            if not _enabled() or request.method not in {"GET", "HEAD"} or not _anonymous(request):
                return view(request, *args, **kwargs)
            # Read before the page is built: data changed meanwhile raises a version, so what is
            # kept under these can be newer than its key, never older.
            versions = _versions(names, create=True)
            response = view(request, *args, **kwargs)
            response.page_cache = (names, versions, timeout, on_every_view, kwargs)
            return response

        return wrapped

    return decorator


def _enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", True)


def _cache():
    return caches["default"]


# How late this process may see a version another process raised: a page answered from this
# process's memory may be this much older than a change made through another app server.
VERSION_SECONDS = 1.0
# The pages this process answered last, kept in its memory too (about 25 KB each).
LOCAL_ENTRIES = 200
_entries: OrderedDict[str, tuple] = OrderedDict()
_entries_lock = threading.Lock()


def _versions(names: tuple[str, ...], *, create: bool = False) -> tuple[str | None, ...]:
    found = versioned.versions(names, max_age=VERSION_SECONDS)
    if create and None in found:
        return tuple(versioned.version(name) for name in names)
    return found


def _entry(key: str) -> tuple | None:
    entry = _entries.get(key)
    if entry is not None and entry[-1] < time.time():  # expired (each entry ends with when)
        entry = None
    if entry is None:
        entry = _cache().get(key)
        if entry is not None:
            _remember(key, entry)
    return entry


def _remember(key: str, entry: tuple) -> None:
    with _entries_lock:
        _entries[key] = entry
        _entries.move_to_end(key)
        while len(_entries) > LOCAL_ENTRIES:
            _entries.popitem(last=False)


# The addresses (paths without their query) this process found answered by a view that is not a
# public page, or by no view: they are not looked up in the shared cache again, which spares a
# round trip to it for every form, static file and API call. A path a public page answers later
# (a document registered after a 404) leaves this set on that answer.
NOT_PUBLIC_PATHS = 2000
_not_public: OrderedDict[str, None] = OrderedDict()


def _known_not_public(path: str) -> bool:
    return path in _not_public


def _learn(path: str, *, public: bool) -> None:
    with _entries_lock:
        if public:
            _not_public.pop(path, None)
            return
        if path in _not_public:
            return
        _not_public[path] = None
        while len(_not_public) > NOT_PUBLIC_PATHS:
            _not_public.popitem(last=False)


def forget_in_process() -> None:
    """Drop this process's copies of pages (the shared cache keeps its own)."""
    with _entries_lock:
        _entries.clear()
        _not_public.clear()


def _set(key: str, entry: tuple, timeout: int) -> None:
    entry = (*entry, time.time() + timeout)
    _cache().set(key, entry, timeout)
    _remember(key, entry)


def _anonymous(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request: HttpRequest, vary: tuple[str, ...] = ()) -> str:
    language = translation.get_language_from_path(request.path_info) or (
        translation.get_language_from_request(request)
    )
    asked = "|".join(request.headers.get(name, "") for name in vary)
    # A digest: the query is whatever a visitor typed, and a key names nothing of it.
    raw = f"{request.scheme}|{request.get_host()}|{language}|{request.get_full_path()}|{asked}"
    return _PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def page_cache_middleware(get_response):
    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method not in {"GET", "HEAD"} or not _enabled() or not _anonymous(request):
            return get_response(request)
        path = request.path_info
        if not _known_not_public(path):
            answer = _kept_answer(request)
            if answer is not None:
                return answer
        response = get_response(request)
        _learn(path, public=getattr(response, "page_cache", None) is not None)
        return _keep(request, response)

    return middleware


def _kept_answer(request: HttpRequest) -> HttpResponse | None:
    """The answer kept for this request while every version it was built from is unchanged."""
    entry = _entry(_key(request))
    if entry is not None and entry[0] == "vary":
        # The page differs by a header besides the language (SDMX's Accept): one more key.
        entry = _entry(_key(request, entry[1]))
    if entry is None or entry[0] != "page":
        return None
    _kind, names, versions, stored, _expires = entry
    if _versions(names) != versions:
        return None
    if stored["on_every_view"]:
        hook, arguments = stored["on_every_view"]
        import_string(hook)(**arguments)
    return _answer(request, stored)


def _keep(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Keep a public page's answer for the next visitors, if it may be kept."""
    stored = _storable(request, response)
    if stored is None:
        return response
    names, versions, timeout, _hook, _arguments = response.page_cache
    # A page built inside a transaction may show what is not committed yet (and may never be):
    # it is answered, not kept.
    if None not in versions and not transaction.get_connection().in_atomic_block:
        vary = _vary(response)
        key = _key(request)
        if vary:
            _set(key, ("vary", vary), timeout)
            key = _key(request, vary)
        _set(key, ("page", names, versions, stored), timeout)
    return _answer(request, stored)


def _vary(response: HttpResponse) -> tuple[str, ...]:
    """The headers besides the language and the cookie that the answer depends on."""
    named = (name.strip() for name in response.get("Vary", "").split(","))
    return tuple(
        sorted(name for name in named if name and name.lower() not in {"cookie", "accept-language"})
    )


def _storable(request: HttpRequest, response: HttpResponse) -> dict | None:
    if (
        getattr(response, "page_cache", None) is None
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or "private" in response.get("Cache-Control", "")
        or "no-store" in response.get("Cache-Control", "")
        or request.user.is_authenticated
    ):
        return None
    _names, _versions, timeout, hook, arguments = response.page_cache
    body = response.content
    headers = [(k, v) for k, v in response.items() if k.lower() not in _SKIPPED_HEADERS]
    headers += [
        ("ETag", quote_etag(hashlib.sha256(body).hexdigest()[:32])),
        ("Last-Modified", http_date(time.time())),
        ("Cache-Control", f"public, max-age=0, s-maxage={timeout}"),
    ]
    return {
        "status": 200,
        "headers": headers,
        "body": body,
        "on_every_view": (hook, dict(arguments)) if hook else None,
    }


def _answer(request: HttpRequest, stored: dict) -> HttpResponse:
    headers = dict(stored["headers"])
    if _not_modified(request, headers):
        response = HttpResponseNotModified()
        for name in ("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Language"):
            if name in headers:
                response[name] = headers[name]
        return response
    response = HttpResponse(
        b"" if request.method == "HEAD" else stored["body"], status=stored["status"]
    )
    for name, value in stored["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(stored["body"]))
    return response


def _not_modified(request: HttpRequest, headers: dict) -> bool:
    asked = request.headers.get("If-None-Match")
    if asked is not None:
        return headers["ETag"] in {tag.strip() for tag in asked.split(",")} or asked == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    modified = parse_http_date_safe(headers["Last-Modified"])
    return since is not None and modified is not None and modified <= since


def raise_version(app_label: str) -> None:
    """A row of `app_label` changed: its pages are rebuilt, at once for the rest of the
    transaction and again once it has committed (the version other processes rely on; one
    commit hook per app and transaction however many rows change). Also what other caches keyed
    by an app's data version (the country profile's sections) rely on, so it runs with the page
    cache off too."""
    name = data_version(app_label)
    versioned.renew(name)
    connection = transaction.get_connection()
    if not connection.in_atomic_block or any(
        getattr(hook, "page_version", None) == name
        for _ids, hook, _robust in connection.run_on_commit
    ):
        return

    def again() -> None:
        versioned.renew(name)

    again.page_version = name  # type: ignore[attr-defined]
    transaction.on_commit(again)


def _changed(sender, **kwargs) -> None:
    # A model no public page shows (a counter, a child's answers) says so, and its writes leave
    # the pages as they are.
    if sender._meta.app_label in _WATCHED and getattr(sender, "shown_on_public_pages", True):
        raise_version(sender._meta.app_label)


_WATCHED: set[str] = set()


def watch_project_apps() -> None:
    """Raise an app's version when any of its rows changes: the apps whose records the pages
    show (the outbox, the audit log, accounts and the queue's rows change no public page)."""
    _WATCHED.update(
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("cophub.") and config.label in CONTENT_APPS
    )
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"pagecache-{signal}")
