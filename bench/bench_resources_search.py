"""Resource search at scale: nDCG@10 of the relevance test set and the search page's latency,
with 100,000 generated resources besides the demo repository, against a bare Django view.

Seeding needs the server's database: the figure reads it from the environment of the shared
server (a child of this process, on Linux) and adds the generated resources there, so it measures
on the database run.py was asked for (`--database postgres`). Where that cannot be read, it runs a
server of its own (built with the harness's pieces; `BENCH_RESOURCES_DATABASE=postgres` for
PostgreSQL). The number of generated resources follows the requests asked for, so that the short
run of bench/test_bench.py stays short: 50 per request, 100,000 at most (the default 2,000
requests). Search pages are measured with a tenth of the requests; a short run (under 500
requests) measures one search page instead of four.
"""

import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from harness import (
    PROJECT_DIR,
    _free_port,
    _wait_until_up,
    bench_database,
    compare,
    print_figure,
    server_env,
)

sys.path.insert(0, str(PROJECT_DIR))
from cophub.resources.relevance import QUERIES, ndcg_at_10  # noqa: E402

MAX_RESOURCES = 100_000
PROBES = [
    ("en", "guidelines for parents 2020"),
    ("ar", "المبادئ التوجيهية للآباء"),
    ("zh", "未成年人保护法"),
    # Broad words that thousands of the generated resources share: the facet counts and the
    # ranking then work over a large match.
    ("fr", "sécurité enfants"),
]


def _cophub(args, env):
    subprocess.run(
        [sys.executable, "-m", "cophub", *args],
        env=env,
        check=True,
        cwd=PROJECT_DIR,
        stdout=subprocess.DEVNULL,
    )


def _relevance(host: str, port: int) -> tuple[float, float]:
    """Mean nDCG@10 over the relevance set through the API, and the p95 of those requests."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    scores, latencies = [], []
    for _language, query, expected in QUERIES:
        started = time.perf_counter()
        connection.request("GET", f"/api/v1/resources?limit=10&q={quote(query)}")
        body = connection.getresponse().read()
        latencies.append((time.perf_counter() - started) * 1000)
        ranked = [item["slug"] for item in json.loads(body)["items"]]
        scores.append(ndcg_at_10(ranked, expected))
    latencies.sort()
    return sum(scores) / len(scores), latencies[int(round(0.95 * (len(latencies) - 1)))]


def _search_pages_cold(host: str, port: int) -> float:
    """The p95 of the relevance set's queries as search pages, each in its own language, asked
    once: the page counts the matches and every facet's values, and ranks its first page."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    latencies = []
    for language, query, _expected in QUERIES:
        started = time.perf_counter()
        connection.request("GET", f"/{language}/resources/?q={quote(query)}")
        response = connection.getresponse()
        response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"/{language}/resources/?q={query}: {response.status}")
    latencies.sort()
    return latencies[int(round(0.95 * (len(latencies) - 1)))]


def _shared_server_env(port: int) -> dict[str, str] | None:
    """The environment of the shared bench server listening on `port`, if it is our child."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if parent != os.getpid():
                continue
            if f"127.0.0.1:{port}".encode() not in (entry / "cmdline").read_bytes().split(b"\0"):
                continue
            pairs = (entry / "environ").read_bytes().split(b"\0")
            return dict(pair.decode().split("=", 1) for pair in pairs if b"=" in pair)
        except (OSError, ValueError, IndexError):
            continue
    return None


# One query per language, not from the relevance set, asked of each worker through the API and
# the search page before the figures: a worker's first query in a language loads what analyses
# it (Chinese: jieba's dictionary, about 150 ms) and its first page its templates, once in the
# worker's life. Their times are printed apart.
WARM_UP = [
    ("ar", "حماية"), ("zh", "网络安全"), ("en", "safety"), ("fr", "sécurité"),
    ("ru", "безопасность"), ("es", "seguridad"),
]  # fmt: skip


def _warm_up(host: str, port: int, workers: int = 2) -> dict[str, float]:
    """Each warm-up query asked on a new connection per worker (the server spreads connections
    over its workers); the slowest time per language."""
    slowest: dict[str, float] = {}
    for language, query in WARM_UP:
        for path in (f"/api/v1/resources?limit=10&q={quote(query)}",
                     f"/{language}/resources/?q={quote(query)}") * (workers * 2):  # fmt: skip
            connection = http.client.HTTPConnection(host, port, timeout=60)
            started = time.perf_counter()
            connection.request("GET", path)
            connection.getresponse().read()
            elapsed = (time.perf_counter() - started) * 1000
            connection.close()
            slowest[language] = max(slowest.get(language, 0.0), elapsed)
    return slowest


def _measure(host, port, *, size, database, requests, concurrency) -> list[dict]:
    figures = []
    first = _warm_up(host, port)
    print(
        "resource search, a worker's first query per language (loads its analysers and the "
        "page's templates): "
        + ", ".join(f"{language} {ms:.0f} ms" for language, ms in first.items()),
        flush=True,
    )
    ndcg, api_p95 = _relevance(host, port)
    page_p95 = _search_pages_cold(host, port)
    print(
        f"resource search relevance ({database}, {size:,} generated resources + demo): "
        f"nDCG@10 {ndcg:.3f} over {len(QUERIES)} queries; API p95 {api_p95:.1f} ms; search "
        f"pages (with their facet counts) p95 {page_p95:.1f} ms (each query asked once, not "
        "cached)",
        flush=True,
    )
    for language, query in PROBES if requests >= 500 else PROBES[:1]:
        page, base = compare(
            host, port, path=f"/{language}/resources/?q={quote(query)}",
            requests=max(20, requests // 10), concurrency=concurrency,
        )  # fmt: skip
        figure = print_figure(
            f"resource search /{language}/resources/?q=… ({size:,} resources)", page, base
        )
        figure |= {"ndcg_at_10": round(ndcg, 3), "resources": size, "database": database}
        figures.append(figure)
    return figures


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    size = min(MAX_RESOURCES, requests * 50)
    shared = _shared_server_env(port)
    if shared and shared.get("DATABASE_URL"):
        _cophub(["seedresources", "--count", str(size)], shared)
        database = "postgres"
        return _measure(
            host, port, size=size, database=database, requests=requests, concurrency=concurrency
        )
    database = "postgres"
    with (
        tempfile.TemporaryDirectory(prefix="cophub-bench-resources-") as folder,
        bench_database(database, Path(folder)) as url,
    ):
        env = server_env(Path(folder), url)
        _cophub(["migrate", "--noinput"], env)
        _cophub(["seedresources", "--demo", "--count", str(size)], env)
        _cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
        own_port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cophub.wsgi:application", "--bind", f"127.0.0.1:{own_port}",
             "--workers", "2", "--threads", "4", "--worker-class", "gthread", "--log-level", "error"],
            env=env, cwd=PROJECT_DIR,
        )  # fmt: skip
        try:
            _wait_until_up("127.0.0.1", own_port)
            return _measure(
                "127.0.0.1",
                own_port,
                size=size,
                database=database,
                requests=requests,
                concurrency=concurrency,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
