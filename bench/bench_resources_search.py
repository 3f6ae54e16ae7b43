"""Resource search at scale: nDCG@10 of the relevance test set and the search page's latency,
with 100,000 generated resources besides the demo repository, against a bare Django view.

Seeding needs the database, so this figure runs a COP Hub server of its own (built with the
harness's pieces) rather than the shared one. Its size follows the requests asked for, so that
the short run of bench/test_bench.py stays short: 50 resources per request, 100,000 at most
(the default 2,000 requests). Search pages are measured with a tenth of the requests; a short run
(under 500 requests) measures one search page instead of three. `BENCH_RESOURCES_DATABASE=postgres`
measures on PostgreSQL.
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


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    size = min(MAX_RESOURCES, requests * 50)
    database = os.environ.get("BENCH_RESOURCES_DATABASE", "sqlite")
    figures = []
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
            ndcg, api_p95 = _relevance("127.0.0.1", own_port)
            print(
                f"resource search relevance ({database}, {size:,} generated resources + demo): "
                f"nDCG@10 {ndcg:.3f} over {len(QUERIES)} queries; API p95 {api_p95:.1f} ms",
                flush=True,
            )
            for language, query in PROBES if requests >= 500 else PROBES[:1]:
                page, base = compare(
                    "127.0.0.1", own_port, path=f"/{language}/resources/?q={quote(query)}",
                    requests=max(20, requests // 10), concurrency=concurrency,
                )  # fmt: skip
                figure = print_figure(
                    f"resource search /{language}/resources/?q=… ({size:,} resources)", page, base
                )
                figure |= {"ndcg_at_10": round(ndcg, 3), "resources": size, "database": database}
                figures.append(figure)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return figures
