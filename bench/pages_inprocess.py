"""The in-process half of bench/pages.py, run with the bench server's environment.

    python bench/pages_inprocess.py --document     a registered contribution's address
    python bench/pages_inprocess.py PAGE...        per page: queries on the first request after
                                                   a data change and on the next, and the p95 of
                                                   the first request after a data change

Prints one line of JSON last. Two kinds of data change:
- everything changed at once: the cache emptied (the page cache and every data version with it,
  and this process's copies), as after a restart of an empty Redis. Nothing the page shows is
  kept; this is the worst case.
- one app's data changed, as a service changes it: that app's data version is raised and the
  rest kept. For each app in turn, the p95 of the first request after such a change; the figure
  is the worst app's. A page that does not show the app's data is answered from the cache.
"""

import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this tree's cophub

import django  # noqa: E402

COLD_TRIES = 20


def p95(times: list[float]) -> float:
    times = sorted(times)
    return times[int(round(0.95 * (len(times) - 1)))]


@contextmanager
def counting(connection):
    """The statements a request runs (Django empties `connection.queries` when a request starts,
    so they are counted as they are executed)."""
    statements: list[str] = []

    def wrapper(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield statements


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cophub.settings")
    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from cophub.core import cache as versioned
    from cophub.core import pagecache

    def data_changed():
        cache.clear()  # the shared cache: pages and data versions
        versioned.forget_in_process()  # this process's copies of both
        pagecache.forget_in_process()

    if argv == ["--document"]:
        from cophub.workgroup.models import Document

        document = (
            Document.objects.filter(status=Document.Status.REGISTERED)
            .exclude(slug="")
            .order_by("-pk")
            .first()
        )
        print(json.dumps({"document": document.slug}))
        return
    client = Client(HTTP_HOST="127.0.0.1")
    pages = {}
    for page in argv:
        data_changed()
        with counting(connection) as cold:
            first = client.get(page)
        if first.status_code >= 400:
            sys.exit(f"{page} answered {first.status_code}")
        with counting(connection) as warm:
            client.get(page)
        times = []
        for _ in range(COLD_TRIES):
            data_changed()
            started = time.perf_counter()
            client.get(page)
            times.append((time.perf_counter() - started) * 1000)
        by_app = {}
        for app in pagecache.CONTENT_APPS:
            changed = []
            for _ in range(COLD_TRIES):
                client.get(page)  # the page as it is, kept
                versioned.renew(pagecache.data_version(app))
                started = time.perf_counter()
                client.get(page)
                changed.append((time.perf_counter() - started) * 1000)
            by_app[app] = p95(changed)
        worst = max(by_app, key=by_app.__getitem__)
        pages[page] = {
            "queries_cold": len(cold),
            "queries_warm": len(warm),
            "cold_p95_ms": p95(times),
            "one_change_p95_ms": by_app[worst],
            "one_change_worst_app": worst,
        }
    print(json.dumps({"pages": pages}))


if __name__ == "__main__":
    main(sys.argv[1:])
