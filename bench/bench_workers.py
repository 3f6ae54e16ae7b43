"""Throughput of a mixed read load with one app worker and with two, same database, same run.

App servers are stateless (docs/deploy.md), so capacity is added by adding gunicorn workers or
hosts behind the load balancer. This bench serves one database with gunicorn at 1 worker, then at
2 workers, and measures the requests per second of a mix of read pages (home page, registry, a
resource search, a country profile, the API) beside the bare Django view under the same two
servers. The figure is the ratio 2 workers / 1 worker for the mix, beside the same ratio for
the bare view: on a machine with N cores, where the load generator shares the cores, neither
reaches 2; what the mix should do is scale about as well as the bare view does.

    python bench/bench_workers.py [--requests 600] [--concurrency 8] [--database postgres]
"""

import argparse
import json
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from harness import (
    Load,
    _cophub,
    bench_database,
    generate_load,
    gunicorn,
    server_env,
)

MIX = [
    ("home page", "/en/"),
    ("registry", "/en/documents/"),
    ("resource search", "/en/resources/?q=online+safety"),
    ("country profile", "/en/countries/KE/"),
    ("API, resources", "/api/v1/resources?limit=10"),
]
BARE = "/bench/bare"
THREADS = 4


@contextmanager
def prepared_database(database: str, demo: bool):
    """A fresh database with the demo data, and the environment to serve it."""
    with (
        tempfile.TemporaryDirectory(prefix="cophub-bench-workers-") as folder,
        bench_database(database, Path(folder)) as url,
    ):
        env = server_env(Path(folder), url)
        _cophub(["migrate", "--noinput"], env)
        if demo:
            _cophub(["loaddemo"], env)
        _cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
        yield env


def mixed_load(host, port, *, requests: int, concurrency: int, show: bool = False) -> Load:
    """The mix, each page an equal share of the requests; one Load for the whole of it."""
    share = max(concurrency, requests // len(MIX))
    loads = [
        generate_load(host, port, path, requests=share, concurrency=concurrency)
        for _name, path in MIX
    ]
    if show:
        print(
            "    "
            + "; ".join(
                f"{name} {load.per_second:.1f} req/s"
                for (name, _), load in zip(MIX, loads, strict=True)
            ),
            flush=True,
        )
    return Load(
        requests=sum(load.requests for load in loads),
        seconds=sum(load.seconds for load in loads),
        latencies_ms=[ms for load in loads for ms in load.latencies_ms],
        errors=sum(load.errors for load in loads),
    )


def measure(host, port, *, requests: int, concurrency: int, rounds: int) -> tuple[Load, Load]:
    """Median of alternating rounds of the mix and of the bare view, after a warm-up."""
    mixed_load(
        host,
        port,
        requests=max(len(MIX) * concurrency, requests // 5),
        concurrency=concurrency,
        show=True,
    )
    generate_load(host, port, BARE, requests=max(20, requests // 5), concurrency=concurrency)
    mixes, bares = [], []
    for _ in range(rounds):
        bares.append(generate_load(host, port, BARE, requests=requests, concurrency=concurrency))
        mixes.append(mixed_load(host, port, requests=requests, concurrency=concurrency))
    median = lambda loads: sorted(loads, key=lambda load: load.per_second)[len(loads) // 2]  # noqa: E731
    return median(mixes), median(bares)


def scaling_figure(one: tuple[Load, Load], two: tuple[Load, Load]) -> dict:
    (mix1, bare1), (mix2, bare2) = one, two
    rates = [round(load.per_second, 1) for load in (mix1, mix2, bare1, bare2)]
    ratio = round(rates[1] / rates[0], 3) if rates[0] else 0.0
    bare_ratio = round(rates[3] / rates[2], 3) if rates[2] else 0.0
    figure = {
        "figure": "mixed reads, 2 app workers / 1 app worker",
        "req_per_s": rates[1],
        "one_worker_req_per_s": rates[0],
        "throughput_ratio": ratio,
        "baseline_req_per_s": rates[3],
        "baseline_one_worker_req_per_s": rates[2],
        "baseline_ratio": bare_ratio,
        "errors": sum(load.errors for load in (mix1, mix2, bare1, bare2)),
    }
    print(
        f"{figure['figure']}: mix {rates[0]} -> {rates[1]} req/s (ratio {ratio}); "
        f"bare view {rates[2]} -> {rates[3]} req/s (ratio {bare_ratio}); "
        f"mix p95 {mix1.percentile(95):.1f} -> {mix2.percentile(95):.1f} ms; "
        f"errors {figure['errors']}",
        flush=True,
    )
    return figure


def measure_workers(
    *,
    requests: int,
    concurrency: int,
    database: str = "postgres",
    demo: bool = True,
    rounds: int = 3,
) -> list[dict]:
    results = {}
    with prepared_database(database, demo) as env:
        for workers in (1, 2):
            with gunicorn(env, workers=workers, threads=THREADS) as (host, port):
                results[workers] = measure(
                    host, port, requests=requests, concurrency=concurrency, rounds=rounds
                )
            mix, bare = results[workers]
            print(
                f"  {workers} worker(s) x {THREADS} threads: mix {mix.per_second:.1f} req/s, "
                f"bare view {bare.per_second:.1f} req/s",
                flush=True,
            )
    return [scaling_figure(results[1], results[2])]


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    """For bench/run.py: this figure starts its own servers (1 and 2 workers) on its own database;
    the runner's server is not used."""
    return measure_workers(requests=requests, concurrency=concurrency)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=600, help="requests per measured round")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database", choices=["postgres"], default="postgres")
    parser.add_argument("--no-demo", action="store_true", help="reference data only (quick check)")
    parser.add_argument("--json", type=Path, help="also write the figure to this file")
    args = parser.parse_args(argv)
    figures = measure_workers(
        requests=args.requests,
        concurrency=args.concurrency,
        database=args.database,
        demo=not args.no_demo,
        rounds=args.rounds,
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0 if all(figure["errors"] == 0 for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
