"""What every bench figure shares: a real COP Hub server and a load generator.

The server is gunicorn with the project's settings (production-like: DEBUG off, whitenoise),
on a fresh PostgreSQL database of its own, with the bare Django view
that serves as the baseline mounted at /bench/bare. Figures are measured against that baseline
in the same run, so that the ratio, not the machine, is what is compared.
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass
class Load:
    requests: int
    seconds: float
    latencies_ms: list[float]
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return (
            ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
            if ordered
            else 0.0
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Where `--database postgres` makes its temporary database (never an existing one).
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# A migrated database on that server to copy instead of migrating a new one (the suite's tests of
# the bench pass theirs); when unset, the bench migrates its database.
TEMPLATE_DATABASE = os.environ.get("BENCH_TEMPLATE_DATABASE", "")


@contextmanager
def bench_database(kind: str, data_dir: Path):
    """A database of the bench's own, dropped afterwards: a fresh PostgreSQL database on the
    local server (`kind` is "postgres", the only database COP Hub runs on)."""
    import psycopg

    name = f"cophub_bench_{os.getpid()}_{int(time.time())}"
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as admin:
        template = f' TEMPLATE "{TEMPLATE_DATABASE}"' if TEMPLATE_DATABASE else ""
        admin.execute(f'CREATE DATABASE "{name}"{template}')
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Every bench sends thousands of requests from one address, which the rate limits (per
# address, cophub/core/ratelimit.py) would refuse after a few dozen. They stay on, so that their
# cost is in the figures, with rates no bench reaches; `cophub_server` says so when it starts.
BENCH_RATE = "1000000/m"
RATE_LIMIT_ENV = {
    "RATELIMIT_ENABLE": "1",
    "RATELIMIT_SIGNIN": BENCH_RATE,
    "RATELIMIT_WRITE": BENCH_RATE,
    "RATELIMIT_SEARCH": BENCH_RATE,
    "RATELIMIT_CONSULTATION": BENCH_RATE,
}


def server_env(data_dir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env |= RATE_LIMIT_ENV
    env |= {
        "DATABASE_URL": database_url,
        "DJANGO_ENV": "development",
        "COPHUB_ENV_FILE": str(data_dir / "none.env"),
        "COPHUB_DATA_DIR": str(data_dir),
        "COPHUB_BENCH_VIEWS": "1",
        "SECRET_KEY": "bench-" + "k" * 50,
        "LOG_LEVEL": "ERROR",
    }
    return env


def _cophub(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "cophub", *args],
        env=env,
        check=True,
        cwd=PROJECT_DIR,
        stdout=subprocess.DEVNULL,
    )


@contextmanager
def cophub_server(
    *, database: str = "postgres", workers: int = 2, threads: int = 4, demo: bool = True
):
    """Migrate a fresh database, load the demo data, serve it, and yield (host, port)."""
    with (
        tempfile.TemporaryDirectory(prefix="cophub-bench-") as folder,
        bench_database(database, Path(folder)) as url,
    ):
        data_dir = Path(folder)
        env = server_env(data_dir, url)
        _cophub(["migrate", "--noinput"], env)
        if demo:
            _cophub(["loaddemo"], env)
        _cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
        print(
            f"rate limits: on, {BENCH_RATE} per class and client for the bench "
            "(RATELIMIT_SIGNIN, _WRITE, _SEARCH, _CONSULTATION)",
            flush=True,
        )
        with gunicorn(env, workers=workers, threads=threads) as address:
            yield address


@contextmanager
def gunicorn(env: dict, *, workers: int, threads: int = 4):
    """COP Hub under gunicorn on a free local port, as production serves it; (host, port)."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cophub.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
         "--log-level", "error"],
        env=env, cwd=PROJECT_DIR,
    )  # fmt: skip
    try:
        _wait_until_up("127.0.0.1", port)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(host: str, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(host, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the bench server did not start")


def generate_load(
    host: str, port: int, path: str, *, requests: int, concurrency: int, headers=None
) -> Load:
    """Send `requests` GETs over `concurrency` keep-alive connections; every answer must be 200."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_worker = [
        requests // concurrency + (1 if i < requests % concurrency else 0)
        for i in range(concurrency)
    ]

    def worker(count: int) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(host, port, timeout=30)
        mine, failed = [], 0
        for _ in range(count):
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers or {})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except OSError:
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=worker, args=(count,)) for count in per_worker]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Load(
        requests=requests,
        seconds=time.perf_counter() - started,
        latencies_ms=latencies,
        errors=errors,
    )


def compare(
    host,
    port,
    *,
    path: str,
    baseline: str = "/bench/bare",
    requests: int,
    concurrency: int,
    rounds: int = 3,
):
    """Measure a page and the baseline in alternating rounds; return the median of each."""
    generate_load(
        host, port, path, requests=max(20, requests // 10), concurrency=concurrency
    )  # warm up
    generate_load(host, port, baseline, requests=max(20, requests // 10), concurrency=concurrency)
    pages, bases = [], []
    for _ in range(rounds):
        bases.append(
            generate_load(host, port, baseline, requests=requests, concurrency=concurrency)
        )
        pages.append(generate_load(host, port, path, requests=requests, concurrency=concurrency))
    median = lambda loads: sorted(loads, key=lambda load: load.per_second)[len(loads) // 2]  # noqa: E731
    return median(pages), median(bases)


def print_figure(name: str, page: Load, base: Load) -> dict:
    # The ratio is taken from the rates as printed, so a reader can check it from the line.
    rate, base_rate = round(page.per_second, 1), round(base.per_second, 1)
    figure = {
        "figure": name,
        "req_per_s": rate,
        "baseline_req_per_s": base_rate,
        "throughput_ratio": round(rate / base_rate, 3) if base_rate else 0.0,
        "p95_ms": round(page.percentile(95), 2),
        "baseline_p95_ms": round(base.percentile(95), 2),
        "p95_ratio": round(page.percentile(95) / base.percentile(95), 3)
        if base.percentile(95)
        else 0.0,
        "errors": page.errors + base.errors,
    }
    print(
        f"{name}: {figure['req_per_s']} req/s vs bare view {figure['baseline_req_per_s']} req/s "
        f"(ratio {figure['throughput_ratio']}); p95 {figure['p95_ms']} ms vs {figure['baseline_p95_ms']} ms "
        f"(ratio {figure['p95_ratio']}); median latency {statistics.median(page.latencies_ms):.2f} ms; "
        f"errors {figure['errors']}",
        flush=True,
    )
    return figure
