"""Statistics at scale: the cross-country comparison page and an SDMX data query, each against a
plain SQL aggregate over the same observations table (served by the same server, same run), and
the import of a large SDMX-CSV file with its rows per second.

The bench first seeds BENCH_STATISTICS_ROWS observations (10 million by default) straight into
the server's database, and imports BENCH_STATISTICS_IMPORT_ROWS rows (1 million).
"""

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import PROJECT_DIR, compare, print_figure, server_env

INDICATOR = "CHILD_DAILY_USE"
BREAKDOWNS = [
    (sex, age, urbanisation, disability)
    for sex in ("_T", "F", "M")
    for age in ("_T", "Y9T11", "Y12T14", "Y15T17")
    for urbanisation in ("_T", "U", "R")
    for disability in ("_T", "DIS", "NODIS")
]


def _server_database_url() -> str:
    """The database of the server the harness started for this run: read from the environment
    of the gunicorn process that this process started (Linux /proc)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent != os.getpid():
                continue
            environ = (stat.parent / "environ").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        for entry in environ:
            if entry.startswith(b"DATABASE_URL="):
                return entry.split(b"=", 1)[1].decode()
    raise RuntimeError("the bench server's database was not found")


def _seed_postgres(url: str, rows: int) -> int:
    """Fill the observations table up to `rows` with made-up values, in one INSERT ... SELECT:
    two extra indicators, every country, years 1990-2020 and every breakdown."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("SET session_replication_role = replica")  # no FK triggers on bulk load
        for code in ("BENCH_EXTRA_1", "BENCH_EXTRA_2"):
            connection.execute(
                "INSERT INTO statistics_indicator (code, name, name_en, definition, definition_en, unit, decimals, min_value, max_value, "
                "by_sex, by_age, by_urbanisation, by_disability, method_notes, comparability_notes, source_types, \"order\") "
                "VALUES (%s, %s, %s, 'bench', 'bench', 'PT', 1, 0, 100, true, true, true, true, '', '', '[]', 99) ON CONFLICT DO NOTHING",
                [code, code, code],
            )  # fmt: skip
        sexes, ages, areas, disabilities = (
            list(column) for column in zip(*BREAKDOWNS, strict=True)
        )
        connection.execute(
            "INSERT INTO statistics_observation (indicator_id, country_id, period, sex, age, urbanisation, "
            "disability, value, status, confidential, source, note, updated_at) SELECT i.id, c.iso2, p, b.s, "
            "b.a, b.u, b.d, round((random() * 100)::numeric, 1), 'A', false, 'bench', '', now() FROM "
            "statistics_indicator i CROSS JOIN core_country c CROSS JOIN generate_series(1990, 2020) p "
            "CROSS JOIN unnest(%s::text[], %s::text[], %s::text[], %s::text[]) AS b(s, a, u, d) "
            "LIMIT %s ON CONFLICT DO NOTHING",
            [sexes, ages, areas, disabilities, rows],
        )
        # As autovacuum would leave it: statistics, and the visibility map for index-only scans.
        connection.execute("VACUUM (ANALYZE) statistics_observation")
        return connection.execute("SELECT count(*) FROM statistics_observation").fetchone()[0]


def _import_file(path: Path, rows: int) -> int:
    """An SDMX-CSV file of `rows` observations for 2020-2026, every country and breakdown."""
    countries = [
        line.split(",")[0]
        for line in (PROJECT_DIR / "cophub/core/data/countries.csv").read_text().splitlines()[1:]
    ]
    indicators = ["CHILD_DAILY_USE", "STUDENT_HOME_ACCESS", "STUDENT_SCHOOL_ACCESS", "CYBERBULLYING",
                  "UNWANTED_SEXUAL_CONTENT", "UNWANTED_SEXUAL_REQUESTS"]  # fmt: skip
    written = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["DATAFLOW", "INDICATOR", "REF_AREA", "SEX", "AGE", "URBANISATION", "DISABILITY",
                         "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS", "COMMENT"])  # fmt: skip
        for year in range(2020, 2027):  # 2020 revises seeded values; up to the current year
            for indicator in indicators:
                for country in countries:
                    for sex, age, urbanisation, disability in BREAKDOWNS:
                        if written == rows:
                            return written
                        value = (hash((indicator, country, year, sex, age)) % 1000) / 10
                        writer.writerow(["ITU:DF_COP(1.0)", indicator, country, sex, age, urbanisation,
                                         disability, year, value, "PT", "A", ""])  # fmt: skip
                        written += 1
    return written


def _run_import(url: str, rows: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="cophub-bench-import-") as folder:
        path = Path(folder) / "observations.csv"
        written = _import_file(path, rows)
        env = server_env(Path(folder), url)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "cophub", "importobservations", str(path), "--no-progress"],
            env=env, cwd=PROJECT_DIR, capture_output=True, text=True,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        baseline_seconds = _plain_load(url, path)
    rate = written / seconds if seconds else 0.0
    baseline_rate = written / baseline_seconds if baseline_seconds else 0.0
    ok = result.returncode == 0
    print(f"import of {written:,} SDMX-CSV rows: {seconds:.1f} s, {rate:,.0f} rows/s vs a plain bulk "
          f"load of the same file {baseline_rate:,.0f} rows/s (goal: 1,000,000 rows under 60 s); "
          f"{result.stdout.strip() or result.stderr.strip()[-500:]}", flush=True)  # fmt: skip
    return {
        "figure": f"import of {written:,} SDMX-CSV rows",
        "rows": written,
        "seconds": round(seconds, 2),
        "req_per_s": round(rate, 1),  # rows per second, in the harness's field
        "baseline_req_per_s": round(baseline_rate, 1),
        "throughput_ratio": round(round(rate, 1) / round(baseline_rate, 1), 3)
        if baseline_rate
        else 0.0,
        "errors": 0 if ok else 1,
    }


def _plain_load(url: str, path: Path) -> float:
    """The baseline: read the same file with the csv module and bulk-load its rows into a scratch
    table with COPY, without checks or revisions."""
    started = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = [(r[1], r[2], int(r[7]), r[3], r[4], r[5], r[6], float(r[8])) for r in reader]
    columns = "indicator text, country text, period int, sex text, age text, urbanisation text, disability text, value float"
    import psycopg

    with psycopg.connect(url) as connection:
        connection.execute(f"CREATE TEMP TABLE bench_plain ({columns})")  # noqa: S608
        with connection.cursor().copy("COPY bench_plain FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    return time.perf_counter() - started


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    url = _server_database_url()
    rows = int(os.environ.get("BENCH_STATISTICS_ROWS", "10000000"))
    started = time.perf_counter()
    total = _seed_postgres(url, rows)
    print(
        f"seeded the observations table to {total:,} rows in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    period = 2020
    baseline = f"/bench/statistics/aggregate?indicator={INDICATOR}&period={period}"
    figures = []
    for name, path in [
        ("statistics comparison", f"/en/statistics/{INDICATOR}/?period={period}"),
        (
            "SDMX data query",
            f"/sdmx/rest/data/DF_COP/{INDICATOR}.KE+TZ+UG.._T._T._T?startPeriod={period - 4}",
        ),
    ]:
        page, base = compare(
            host, port, path=path, baseline=baseline, concurrency=concurrency,
            requests=requests, rounds=3,
        )  # fmt: skip
        figures.append(print_figure(f"{name} vs SQL aggregate", page, base))
    import_rows = int(os.environ.get("BENCH_STATISTICS_IMPORT_ROWS", "1000000"))
    figures.append(_run_import(url, import_rows))
    return figures


def _seed_kept_database(url: str, rows: int) -> None:
    """Migrate the database at `url` (created when missing) and seed it, so that the queries can be
    studied with psql and EXPLAIN without seeding again. The database is kept."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    with tempfile.TemporaryDirectory(prefix="cophub-bench-seed-") as folder:
        env = server_env(Path(folder), url)
        subprocess.run([sys.executable, "-m", "cophub", "migrate", "--noinput"], env=env,
                       cwd=PROJECT_DIR, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    started = time.perf_counter()
    total = _seed_postgres(url, rows)
    print(f"{url}: {total:,} observations ({time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    # python bench/bench_statistics.py seed postgres://postgres@127.0.0.1:5432/cophub_statistics_bench
    if len(sys.argv) != 3 or sys.argv[1] != "seed":
        sys.exit("usage: bench_statistics.py seed POSTGRES_URL")
    _seed_kept_database(sys.argv[2], int(os.environ.get("BENCH_STATISTICS_ROWS", "10000000")))
