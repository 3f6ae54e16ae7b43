"""PostgreSQL restarted during a write burst: nothing acknowledged is lost, nothing is stored
twice, the requests during the outage get a clean 503, and the site recovers by itself.

The bench starts a PostgreSQL cluster of its own (initdb in a temporary folder, on a free port:
the server other work uses is never touched), migrates it, serves COP Hub from it with gunicorn
(two workers, as bench/harness.py does), and sends two kinds of writes at once:
  - youth-consultation submissions (the question form, as a browser posts it), and
  - statistics submissions through the JSON API (one CSV cell per request, as an office sends),
while `pg_ctl restart` runs (-m fast, then -m immediate: a crash and its recovery). A browser
or client sends again what failed; then every acknowledged write is looked up in the database.
A probe reads /healthz every 50 ms to time the outage and the recovery. The app servers are not
restarted: CONN_HEALTH_CHECKS and the 503 handler (cophub.core.dbfaults) are what is measured.

Run: .venv/bin/python bench/bench_faults_restart.py   (BENCH_REQUESTS, default 1200 per path)
"""

import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_consultations_submit import csrf  # noqa: E402
from harness import PROJECT_DIR, _free_port, _wait_until_up, server_env  # noqa: E402

from cophub.core.tests.private_cluster import Cluster, private_cluster  # noqa: E402, F401


@contextmanager
def served_from(cluster: Cluster, *, workers: int = 2, threads: int = 4):
    """COP Hub migrated into the cluster and served by gunicorn; yields (host, port, env)."""
    with tempfile.TemporaryDirectory(prefix="cophub-bench-") as folder:
        env = server_env(Path(folder), cluster.url)
        cophub(["migrate", "--noinput"], env)
        cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
        port = _free_port()
        log = open(Path(folder) / "gunicorn.log", "w+")  # noqa: SIM115 - read at the end
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cophub.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread", "--log-level", "warning"],
            env=env, cwd=PROJECT_DIR, stderr=log,
        )  # fmt: skip
        try:
            _wait_until_up("127.0.0.1", port)
            yield "127.0.0.1", port, env, Path(log.name)
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()


def cophub(args: list[str], env: dict, *, stdin: str | None = None) -> str:
    return subprocess.run(
        [sys.executable, "-m", "cophub", *args],
        env=env, cwd=PROJECT_DIR, check=True, capture_output=True, text=True, input=stdin,
    ).stdout  # fmt: skip


# --- the two write paths -----------------------------------------------------------------------

STATISTICS_SETUP = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from cophub.accounts.models import Role, User
from cophub.core.models import Country
user, _ = User.objects.get_or_create(email="bench-office@example.org", defaults={"role": Role.SECRETARIAT})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "countries": sorted(Country.objects.values_list("iso2", flat=True))}))
"""

STATISTICS_CHECK = """
import json
from django.db.models import Count
from cophub.statistics.models import Observation, Submission
sent = json.load(open({path!r}))
cells = {{(o.country_id, o.period): o.value for o in Observation.objects.filter(indicator__code="CYBERBULLYING")}}
ids = set(Submission.objects.filter(pk__in=[s["id"] for s in sent]).values_list("pk", flat=True))
per_cell = Observation.objects.values("indicator", "country", "period", "sex", "age").annotate(n=Count("id")).filter(n__gt=1).count()
missing = [s for s in sent if (s["country"], s["year"]) not in cells or s["id"] not in ids]
wrong = [s for s in sent if (s["country"], s["year"]) in cells and cells[(s["country"], s["year"])] != s["value"]]
print(json.dumps({{"acknowledged": len(sent), "acknowledged_stored": len(sent) - len(missing), "missing": len(missing), "duplicates": per_cell, "incomplete": len(wrong)}}))
"""


@dataclass
class Writes:
    """What a write path sent and what came back."""

    name: str
    acknowledged: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, item, status, body=None):
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status in (200, 201):
                self.acknowledged.append(body if body is not None else item)
            else:
                self.failed.append(item)


def _post(connection, host, port, path, body, headers):
    """(connection, status, body); status None when the connection failed."""
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return connection, response.status, response.read()
    except OSError:
        connection.close()
        return http.client.HTTPConnection(host, port, timeout=30), None, b""


def consultation_writer(host, port, env, count):
    data = json.loads(cophub(["bench_consultation", "--tokens", str(count)], env))
    cookie, form_token = csrf(host, port, data["slug"])
    path = f"/en/consultations/{data['slug']}/questions/"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
        "Origin": f"http://{host}:{port}", "Referer": f"http://{host}:{port}{path}",
        "User-Agent": "cophub-bench",
    }  # fmt: skip
    fields = [("csrfmiddlewaretoken", form_token)] + [
        (key, value) for key, values in data["answers"].items() for value in values
    ]
    writes = Writes("consultation submissions")

    def send(connection, token, *, retry=False):
        body = urllib.parse.urlencode([("p", token), *fields])
        connection, status, _ = _post(connection, host, port, path, body, headers)
        if retry and status == 409:  # already stored: the first attempt had been committed
            status = 200
        writes.answer(token, status)
        return connection

    def check():
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
            handle.write("\n".join(writes.acknowledged))
        try:
            return json.loads(cophub(["bench_consultation", "--check", handle.name], env))
        finally:
            Path(handle.name).unlink()

    return writes, list(data["tokens"]), send, check


def statistics_writer(host, port, env, count, *, offset: int = 0):
    """Each request sends one cell no other request sends (a country and a year); `offset`
    moves a later scenario to cells of its own."""
    setup = json.loads(cophub(["shell", "--verbosity", "0", "-c", STATISTICS_SETUP], env))
    cells = [(c, y) for y in range(1990, 2026) for c in setup["countries"]][offset : offset + count]
    if len(cells) < count:
        raise RuntimeError(f"only {len(cells)} statistics cells for {count} writes")
    csrf_token = "b" * 32
    headers = {
        "Content-Type": "text/csv", "Cookie": f"sessionid={setup['session']}; csrftoken={csrf_token}",
        "X-CSRFToken": csrf_token, "Origin": f"http://{host}:{port}", "Referer": f"http://{host}:{port}/",
    }  # fmt: skip
    writes = Writes("statistics submissions (API)")

    def send(connection, cell, *, retry=False):
        country, year = cell
        value = float(hash(cell) % 97) + 0.5
        body = (
            f"indicator,country,year,sex,age,value\nCYBERBULLYING,{country},{year},_T,_T,{value}\n"
        )
        connection, status, raw = _post(
            connection, host, port, "/api/v1/statistics/submissions", body, headers
        )
        record = None
        if status == 201:
            record = {"id": json.loads(raw)["id"], "country": country, "year": year, "value": value}
        writes.answer(cell, status, record)
        return connection

    def check():
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(writes.acknowledged, handle)
        try:
            return json.loads(
                cophub(
                    ["shell", "--verbosity", "0", "-c", STATISTICS_CHECK.format(path=handle.name)],
                    env,
                )
            )
        finally:
            Path(handle.name).unlink()

    return writes, cells, send, check


def burst(host, port, paths, *, concurrency: int):
    """Send every item of every path, `concurrency` connections per path."""
    threads = []
    for _writes, items, send, _check in paths:
        queue = list(items)
        lock = threading.Lock()

        def worker(queue=queue, lock=lock, send=send):
            connection = http.client.HTTPConnection(host, port, timeout=30)
            while True:
                with lock:
                    if not queue:
                        break
                    item = queue.pop()
                connection = send(connection, item)
            connection.close()

        threads += [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    return threads, started


def retry_failed(host, port, paths, *, attempts: int = 5) -> int:
    """Send again what failed, as a browser or client does; returns what still failed."""
    left = 0
    for writes, _items, send, _check in paths:
        for _ in range(attempts):
            with writes.lock:
                failed, writes.failed = writes.failed, []
            if not failed:
                break
            connection = http.client.HTTPConnection(host, port, timeout=30)
            for item in failed:
                connection = send(connection, item, retry=True)
            connection.close()
            if writes.failed:
                time.sleep(1)
        left += len(writes.failed)
    return left


class HealthProbe:
    """Reads /healthz every 50 ms; the times of the first failure and of the recovery."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.samples: list[tuple[float, int | None]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop.is_set():
            status = None
            try:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=5)
                connection.request("GET", "/healthz")
                status = connection.getresponse().status
                connection.close()
            except OSError:
                pass
            self.samples.append((time.monotonic(), status))
            time.sleep(0.05)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def recovery(self, since: float) -> tuple[float | None, float | None]:
        """(seconds the site answered other than 200, seconds from `since` to the first 200
        after the outage)."""
        down = [t for t, s in self.samples if t >= since and s != 200]
        if not down:
            return 0.0, 0.0
        back = [t for t, s in self.samples if t > down[-1] and s == 200]
        if not back:
            return None, None
        return back[0] - down[0], back[0] - since


def scenario(
    name,
    host,
    port,
    env,
    fault,
    *,
    requests,
    concurrency,
    log: Path,
    index=0,
    clean=(200, 201, 503),
):
    """Run both write paths, apply `fault` once a third has been answered, check, and print.
    `clean` are the answers a client may get during the fault (anything else is an error)."""
    paths = [
        consultation_writer(host, port, env, requests),
        statistics_writer(host, port, env, requests, offset=index * requests),
    ]
    log_start = log.stat().st_size
    with HealthProbe(host, port) as probe:
        threads, started = burst(host, port, paths, concurrency=concurrency)
        while sum(len(p[0].acknowledged) for p in paths) < (2 * requests) // 3:
            time.sleep(0.01)
            if not any(t.is_alive() for t in threads):
                break
        fault_at = time.monotonic()
        fault_info = fault()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        time.sleep(0.5)
    # The answers to the burst itself, before anything was sent again.
    during = {id(writes): dict(writes.statuses) for writes, *_ in paths}
    retry_failed(host, port, paths)
    outage, recovered_in = probe.recovery(fault_at)
    tracebacks = log.read_text(errors="replace")[log_start:].count("Traceback")
    figures = []
    for writes, _items, _send, check in paths:
        result = check()
        answers = during[id(writes)]
        lost = result["missing"] + result["duplicates"] + result["incomplete"]
        figure = {
            "figure": f"{writes.name} with {name}",
            **fault_info,
            "sent": requests,
            "acknowledged": result["acknowledged"],
            "acknowledged_stored": result["acknowledged_stored"],
            "missing": result["missing"],
            "duplicates": result["duplicates"],
            "incomplete": result["incomplete"],
            "answers_to_the_burst": {str(k): v for k, v in sorted(answers.items(), key=str)},
            "unclean_answers": sum(n for s, n in answers.items() if s not in clean),
            "still_failing_after_retries": len(writes.failed),
            "outage_seconds": None if outage is None else round(outage, 2),
            "seconds_to_recovery": None if recovered_in is None else round(recovered_in, 2),
            # From the moment the database accepted connections again (pg_ctl -w returned).
            "seconds_after_database_back": None
            if recovered_in is None or "restart_seconds" not in fault_info
            else round(max(0.0, recovered_in - fault_info["restart_seconds"]), 2),
            "writes_per_s": round(2 * requests / elapsed, 1),
            "tracebacks_in_server_log": tracebacks,
        }
        figure["errors"] = (
            lost
            + figure["unclean_answers"]
            + len(writes.failed)
            + tracebacks
            + (1 if recovered_in is None else 0)
        )
        print(
            f"{figure['figure']}: {requests} sent, {figure['acknowledged']} acknowledged, stored "
            f"{figure['acknowledged_stored']}/{figure['acknowledged']}, missing {figure['missing']}, "
            f"duplicates {figure['duplicates']}, incomplete {figure['incomplete']}; answers to "
            f"the burst {figure['answers_to_the_burst']} (None: connection dropped), "
            f"{figure['unclean_answers']} unclean; outage {figure['outage_seconds']} s, site back "
            f"{figure['seconds_to_recovery']} s after the fault began"
            + (
                f" ({figure['seconds_after_database_back']} s after the database was back)"
                if figure["seconds_after_database_back"] is not None
                else ""
            )
            + "; "
            f"{figure['tracebacks_in_server_log']} tracebacks in the server log",
            flush=True,
        )
        figures.append(figure)
    return figures


def restart(cluster: Cluster, mode: str):
    def fault():
        seconds = cluster.pg_ctl("restart", "-m", mode)
        return {"fault": f"pg_ctl restart -m {mode}", "restart_seconds": round(seconds, 2)}

    return fault


def run(host=None, port=None, *, requests: int = 1200, concurrency: int = 8) -> list[dict]:
    """The server bench/run.py passes is not used: this bench needs a database it may restart."""
    figures = []
    with private_cluster() as cluster, served_from(cluster) as (h, p, env, log):
        for index, mode in enumerate(("fast", "immediate")):
            figures += scenario(
                f"PostgreSQL restarted (-m {mode})", h, p, env, restart(cluster, mode),
                requests=requests, concurrency=concurrency, log=log, index=index,
            )  # fmt: skip
    return figures


if __name__ == "__main__":
    results = run(requests=int(os.environ.get("BENCH_REQUESTS", "1200")), concurrency=8)
    sys.exit(0 if all(figure["errors"] == 0 for figure in results) else 1)
