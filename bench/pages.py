"""The public pages beside a bare Django project, measured with a compiled load generator.

    python bench/pages.py [--seconds 10] [--rounds 3] [--connections 32] [--workers 2]
                          [--scale 1]

What runs, on this machine, in one go:
- the baseline: bench/bare, a Django project of its own with one view and no middleware, no
  apps and no database, under gunicorn with sync workers;
- COP Hub with its production settings (DEBUG off, Redis cache and queue, every middleware) on a fresh
  PostgreSQL database holding the demo data, under the same gunicorn, worker
  kind and worker count; rate limits off, no access log (neither server writes one);
- wrk (Debian's package) for the load: `wrk -t2 -c32 -d10s` by default, one run of the bare view,
  then one of the page, alternating for `--rounds` rounds, since the machine is shared and noisy.
  Each line prints the page's median round: req/s, p50 and p99 latency, and the ratio to the bare
  view's median round of the same pairs.

With `--scale N`, the demo data that the pages read is multiplied by N first (bench/grow.py, Kenya's
share with it), and the grown tables' rows before and after are printed; every figure says the
scale it was measured at. At any scale, 1 too, grow.py first builds the resources' search entries
that loaddemo leaves to the task queue (no worker runs here), and refreshes the planner's
statistics.

Then, in one process against the same database (bench/pages_inprocess.py): the queries a page runs
on its first request after a data change and on the next, the p95 of the first request after a data
change (the cache emptied before each; and, the worst app's, after one app's data changed), and the
memory of the servers' workers after every page was visited.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import PROJECT_DIR, _free_port, _wait_until_up, bench_database  # noqa: E402

# The pages of the public, as a visitor or a program asks for them; {document} is a registered
# contribution of the demo data.
PAGES = [
    "/en/",
    "/en/documents/",
    "/en/documents/{document}/",
    "/sdmx/rest/data/DF_COP/CHILD_DAILY_USE.KE+TZ+UG.._T._T._T?startPeriod=2021",
    "/en/help/KE/",
    "/feeds/documents.atom",
    "/en/statistics/",
    "/en/resources/?q=children",
    "/api/v1/documents",
    "/en/countries/KE/",
    "/ar/countries/KE/",
    "/healthz",
    "/favicon.ico",
]

WRK_REPORT = """
done = function(summary, latency, requests)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"non_2xx_3xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.status, failed))
end
"""


def wrk(url: str, *, seconds: int, connections: int, threads: int, script: Path) -> dict:
    """One wrk run; its figures (req/s, latencies in ms, failures) from the script's report."""
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    ).stdout  # fmt: skip
    report = json.loads(out.strip().splitlines()[-1])
    return {
        "req_per_s": report["requests"] / (report["duration_us"] / 1e6),
        "p50_ms": report["p50_us"] / 1000,
        "p95_ms": report["p95_us"] / 1000,
        "p99_ms": report["p99_us"] / 1000,
        "failed": report["non_2xx_3xx"] + report["socket_errors"],
    }


def _gunicorn(
    app: str, *, cwd: Path, env: dict, workers: int, config: tuple[str, ...] = ()
) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers",
         str(workers), "--worker-class", "sync", "--log-level", "error", *config],
        cwd=cwd, env=env,
    )  # fmt: skip
    return process, port


def _wait(port: int, path: str) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answers on port {port}")


def _drain(port: int) -> None:
    """Wait until the server has answered what wrk left in its queue when it stopped: a slow
    page leaves sync workers busy for seconds after, which the next run would be charged for."""
    _wait(port, "/healthz")


def _memory_mb(master: subprocess.Popen) -> list[dict[str, float]]:
    """Each worker of a gunicorn master, in MB: its resident memory (RSS), its proportional share
    of what it shares with the master and the other workers (PSS), and what is its own alone
    (USS)."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()

        def kb(field: str, rollup: str = rollup) -> int:
            return int(re.search(rf"^{field}:\s+(\d+)", rollup, re.M).group(1))

        own = kb("Private_Clean") + kb("Private_Dirty")
        sizes.append({"rss": kb("Rss") / 1024, "pss": kb("Pss") / 1024, "uss": own / 1024})
    return sizes


def cophub_env(database_url: str, data_dir: Path, redis_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "RATELIMIT_"))}
    return env | {
        "DJANGO_ENV": "production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": "bench-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "0",
        "RATELIMIT_ENABLE": "0",
        "LOG_LEVEL": "ERROR",
        "EMAIL_URL": "consolemail://",  # the pages send no mail
        # A task queue, as in production (what pages put off, such as the help finder's count,
        # is queued, not done on the request path); no worker takes it: it is emptied at the end.
        "TASK_BROKER_URL": os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/10"),
        "COPHUB_ENV_FILE": str(data_dir / "none.env"),
        "COPHUB_DATA_DIR": str(data_dir),
    }


def _cophub(args: list[str], env: dict) -> None:
    subprocess.run(
        [sys.executable, "-m", "cophub", *args], env=env, check=True, cwd=PROJECT_DIR,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


@contextmanager
def demo_site():
    """A fresh database with the demo data, and the environment that serves it with the
    production settings."""
    with (
        tempfile.TemporaryDirectory(prefix="cophub-bench-pages-") as folder,
        bench_database("postgres", Path(folder)) as url,
    ):
        data_dir = Path(folder)
        redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
        env = cophub_env(url, data_dir, redis_url)
        setup = env | {"DJANGO_ENV": "development"}  # loaddemo refuses production
        started = time.monotonic()
        _cophub(["migrate", "--noinput"], setup)
        _cophub(["loaddemo"], setup)
        _cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
        for url in (redis_url, env["TASK_BROKER_URL"]):
            subprocess.run(["redis-cli", "-u", url, "FLUSHDB"], check=True, capture_output=True)
        print(f"demo data ready in {time.monotonic() - started:.0f} s", flush=True)
        try:
            yield env
        finally:
            subprocess.run(["redis-cli", "-u", env["TASK_BROKER_URL"], "FLUSHDB"], check=False)


def _in_process(env: dict, pages: list[str]) -> dict:
    run = subprocess.run(
        [sys.executable, str(HERE / "pages_inprocess.py"), *pages],
        env=env, cwd=PROJECT_DIR, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode:
        sys.exit(f"the in-process measures failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def _document(env: dict) -> str:
    return _in_process(env, ["--document"])["document"]


def grow(env: dict, scale: int) -> dict:
    """The demo data multiplied by `scale` (bench/grow.py), the cache and queue emptied after;
    prints the grown tables' rows before and after on one line."""
    run = subprocess.run(
        [sys.executable, str(HERE / "grow.py"), "--factor", str(scale)],
        env=env | {"DJANGO_ENV": "development"},  # the seed commands refuse production
        cwd=PROJECT_DIR, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode:
        sys.exit(f"growing the demo data failed:\n{run.stderr[-3000:]}")
    rows = json.loads(run.stdout.strip().splitlines()[-1])
    for url in (env["REDIS_URL"], env["TASK_BROKER_URL"]):
        subprocess.run(["redis-cli", "-u", url, "FLUSHDB"], check=True, capture_output=True)
    print(
        f"scale {scale}: rows before -> after ({rows['seconds']:.0f} s; "
        f"{rows['resources_indexed']} resources indexed): "
        + ", ".join(
            f"{name} {rows['before'][name]} -> {rows['after'][name]}" for name in rows["after"]
        ),
        flush=True,
    )
    return rows


def measure(args) -> list[dict]:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    figures = []
    with demo_site() as env, tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "report.lua"
        script.write_text(WRK_REPORT)
        # A contribution of the demo data itself, at every scale.
        pages = [page.format(document=_document(env)) for page in args.page or PAGES]
        # At scale 1 too: the search entries that loaddemo leaves to the task queue are built.
        figures.append({"figure": "rows", "scale": args.scale} | grow(env, args.scale))
        bare_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        bare, bare_port = _gunicorn("wsgi:application", cwd=HERE / "bare", env=bare_env,
                                    workers=args.workers)  # fmt: skip
        # COP Hub with its own gunicorn configuration (`cophub serve`'s: the app preloaded in
        # the master), in sync workers like the bare view.
        site, site_port = _gunicorn("cophub.wsgi:application", cwd=PROJECT_DIR, env=env,
                                    workers=args.workers,
                                    config=("--config", "python:cophub.core.serving"))  # fmt: skip
        try:
            _wait(bare_port, "/")
            _wait_until_up("127.0.0.1", site_port)
            load = {"seconds": args.seconds, "connections": args.connections,
                    "threads": args.threads, "script": script}  # fmt: skip
            bare_url = f"http://127.0.0.1:{bare_port}/"
            print(
                f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s, {args.rounds} "
                f"alternating rounds; gunicorn, {args.workers} sync workers each; "
                f"bare view: bench/bare; demo data at scale {args.scale}",
                flush=True,
            )
            for page in pages:
                url = f"http://127.0.0.1:{site_port}{page}"
                wrk(url, **(load | {"seconds": 2}))  # warm: the cache, the connections
                pairs = [(wrk(bare_url, **load), wrk(url, **load)) for _round in range(args.rounds)]
                figures.append(_figure(page, pairs, args.scale))
            memory = {"cophub": _memory_mb(site), "bare": _memory_mb(bare)}
        finally:
            for process in (site, bare):
                process.terminate()
                process.wait(30)
        print(
            "worker memory after every page (MB, RSS/PSS/USS per worker): COP Hub "
            + ", ".join(_sizes(size) for size in memory["cophub"])
            + "; bare "
            + ", ".join(_sizes(size) for size in memory["bare"]),
            flush=True,
        )
        inprocess = _in_process(env, pages)
    for figure in figures:
        if "page" not in figure:
            continue
        figure |= inprocess["pages"][figure["page"]]
        print(
            f"{figure['page']} (scale {args.scale}), in one process: cold p95 "
            f"{figure['cold_p95_ms']:.1f} ms with the cache emptied, "
            f"{figure['one_change_p95_ms']:.1f} ms after one app's data changed (worst: "
            f"{figure['one_change_worst_app']}); queries {figure['queries_cold']} cold / "
            f"{figure['queries_warm']} warm",
            flush=True,
        )
    figures.append({"figure": "worker memory", "scale": args.scale, "mb": memory})
    return figures


def _sizes(size: dict[str, float]) -> str:
    return f"{size['rss']:.0f}/{size['pss']:.0f}/{size['uss']:.0f}"


def _figure(page: str, pairs: list[tuple[dict, dict]], scale: int = 1) -> dict:
    # The median round of each, by throughput; the ratio is taken from the printed rates.
    def median(runs):
        return sorted(runs, key=lambda run: run["req_per_s"])[len(runs) // 2]

    base, mine = median([b for b, _ in pairs]), median([p for _, p in pairs])
    rate, base_rate = round(mine["req_per_s"], 1), round(base["req_per_s"], 1)
    figure = {
        "figure": f"page {page}",
        "page": page,
        "scale": scale,
        "req_per_s": rate,
        "p50_ms": round(mine["p50_ms"], 2),
        "p99_ms": round(mine["p99_ms"], 2),
        "baseline_req_per_s": base_rate,
        "baseline_p50_ms": round(base["p50_ms"], 2),
        "baseline_p99_ms": round(base["p99_ms"], 2),
        "throughput_ratio": round(rate / base_rate, 3) if base_rate else 0.0,
        "errors": sum(b["failed"] + p["failed"] for b, p in pairs),
        "rounds": [round(p["req_per_s"] / b["req_per_s"], 3) for b, p in pairs],
    }
    print(
        f"{page} (scale {scale}): {rate} req/s, p50 {figure['p50_ms']} ms, p99 "
        f"{figure['p99_ms']} ms | bare view {base_rate} req/s, p50 {figure['baseline_p50_ms']} "
        f"ms, p99 {figure['baseline_p99_ms']} ms | ratio {figure['throughput_ratio']} "
        f"(rounds {figure['rounds']}); failed requests {figure['errors']}",
        flush=True,
    )
    return figure


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        help="multiply the demo data the pages read by this factor first (bench/grow.py)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--page", action="append", help="measure this address only (repeatable); default: all"
    )
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale is a whole number from 1")
    figures = measure(args)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    ratios = [f["throughput_ratio"] for f in figures if "throughput_ratio" in f]
    print(f"median ratio over the pages (scale {args.scale}): {statistics.median(ratios):.3f}")
    return 0 if all(f.get("errors", 0) == 0 for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
