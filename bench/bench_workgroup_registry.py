"""The public document registry with 50,000 documents: list, a later page, filters and search,
each against the bare Django view in the same run.

The figures need a registry of 50,000 documents, which the shared bench server does not have;
this bench starts a server of its own on a database of its own (SQLite by default,
BENCH_WORKGROUP_DATABASE=postgres for PostgreSQL), seeded with `cophub seedregistry`.
"""

import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from harness import (
    PROJECT_DIR,
    _cophub,
    _free_port,
    _wait_until_up,
    bench_database,
    compare,
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
        port = _free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cophub.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--threads", "4", "--worker-class", "gthread", "--log-level", "error"],
            env=env, cwd=PROJECT_DIR,
        )  # fmt: skip
        try:
            _wait_until_up("127.0.0.1", port)
            yield "127.0.0.1", port
        finally:
            process.terminate()
            process.wait(timeout=30)


def _measure(host, port, label, *, requests, concurrency) -> list[dict]:
    figures = []
    for name, path in PATHS:
        page, base = compare(host, port, path=path, requests=requests, concurrency=concurrency)
        figures.append(print_figure(f"{name} ({label})", page, base))
    return figures


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    if requests < SMOKE_REQUESTS:
        return _measure(host, port, "demo data", requests=requests, concurrency=concurrency)
    database = os.environ.get("BENCH_WORKGROUP_DATABASE", "sqlite")
    with registry_server(database, DOCUMENTS) as (own_host, own_port):
        return _measure(
            own_host,
            own_port,
            f"{DOCUMENTS} documents, {database}",
            requests=requests,
            concurrency=concurrency,
        )
