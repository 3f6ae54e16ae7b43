"""The public document registry with 50,000 documents: list, a later page, filters and search,
each against the bare Django view in the same run.

The registry keeps rendered pages per registry version, so a page asked for again is served from
the cache. The figure "distinct pages and filters" asks for each address once only (later pages
of the unfiltered list, country and type filters, searches, in the six languages), so that it
measures the uncached path.

The figures need a registry of 50,000 documents, which the shared bench server does not have;
this bench starts a server of its own on a database of its own (PostgreSQL,
BENCH_WORKGROUP_DATABASE=postgres for PostgreSQL), seeded with `cophub seedregistry`.
"""

import http.client
import itertools
import os
import random
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from harness import (
    Load,
    _cophub,
    bench_database,
    compare,
    generate_load,
    gunicorn,
    print_figure,
    server_env,
)

# A short smoke run (bench/test_bench.py asks for 40 requests) only checks that the figures can be
# taken: it measures the shared server's demo registry instead of seeding one of its own.
SMOKE_REQUESTS = 200
DOCUMENTS = int(os.environ.get("BENCH_WORKGROUP_DOCUMENTS", "50000"))
PATHS = [
    ("registry, first page", "/en/documents/"),
    ("registry, page 1000", "/en/documents/?page=1000"),
    (
        "registry, filtered by country and type",
        "/en/documents/?country=KE&document_type=contribution",
    ),
    ("registry search ?q=helpline", "/en/documents/?q=helpline"),
    ("registry search, Arabic page", "/ar/documents/?q=games+safety"),
]


@contextmanager
def registry_server(database: str, documents: int, workers: int = 2):
    with (
        tempfile.TemporaryDirectory(prefix="cophub-bench-wg-") as folder,
        bench_database(database, Path(folder)) as url,
    ):
        env = server_env(Path(folder), url)
        _cophub(["migrate", "--noinput"], env)
        _cophub(["seedregistry", "--documents", str(documents)], env)
        _cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
        with gunicorn(env, workers=workers) as address:
            yield address


LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"]
COUNTRIES = (
    "KE NG ZA EG MA GH TZ UG ET SN BR AR MX CL CO PE CA US GB FR DE ES IT PT NL BE SE NO FI PL "
    "RU UA TR SA AE IN PK BD CN JP KR ID MY PH TH VN AU NZ"
).split()
WORDS = "helpline games safety education parents school privacy abuse hotline youth".split()


def _distinct_paths(pages: int) -> list[str]:
    """Addresses each asked for once: later pages of the whole list, a country and a type in
    every language, searches in every language, interleaved in a fixed random order."""
    listing = [f"/en/documents/?page={n}" for n in range(2, pages + 1)]
    filters = [
        f"/{lang}/documents/?country={iso2}&document_type=contribution"
        for iso2, lang in itertools.product(COUNTRIES, LANGUAGES)
    ]
    searches = [
        f"/{lang}/documents/?q={word}&page={page}"
        for word, lang, page in itertools.product(WORDS, LANGUAGES, (1, 2, 3))
    ]
    paths = listing + filters + searches
    random.Random(179).shuffle(paths)
    return paths


def _load_once_each(host: str, port: int, paths: list[str], *, concurrency: int) -> Load:
    """Like harness.generate_load, but each address of `paths` is asked for once."""
    queue = iter(paths)
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0

    def worker() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(host, port, timeout=60)
        while True:
            with lock:
                path = next(queue, None)
            if path is None:
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                failed = response.status != 200
            except OSError:
                failed = True
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=60)
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                errors += failed
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Load(len(paths), time.perf_counter() - started, latencies, errors)


def _measure_distinct(host, port, label, *, requests, concurrency, rounds: int = 3) -> dict:
    paths = _distinct_paths(pages=DOCUMENTS // 25)
    per_round = min(requests, len(paths) // rounds)
    pages, bases = [], []
    for number in range(rounds):
        bases.append(
            generate_load(host, port, "/bench/bare", requests=requests, concurrency=concurrency)
        )
        mine = paths[number * per_round : (number + 1) * per_round]
        pages.append(_load_once_each(host, port, mine, concurrency=concurrency))
    median = lambda loads: sorted(loads, key=lambda load: load.per_second)[len(loads) // 2]  # noqa: E731
    return print_figure(
        f"registry, distinct pages and filters, each once (uncached) ({label})",
        median(pages),
        median(bases),
    )


def _measure(host, port, label, *, requests, concurrency, distinct=False) -> list[dict]:
    figures = []
    if distinct:  # first, while no page of the registry is cached yet
        figures.append(
            _measure_distinct(host, port, label, requests=requests, concurrency=concurrency)
        )
    for name, path in PATHS:
        page, base = compare(host, port, path=path, requests=requests, concurrency=concurrency)
        figures.append(print_figure(f"{name} ({label})", page, base))
    return figures


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    if requests < SMOKE_REQUESTS:
        return _measure(host, port, "demo data", requests=requests, concurrency=concurrency)
    database = "postgres"
    with registry_server(database, DOCUMENTS) as (own_host, own_port):
        return _measure(
            own_host,
            own_port,
            f"{DOCUMENTS} documents, {database}",
            requests=requests,
            concurrency=concurrency,
            distinct=True,
        )
