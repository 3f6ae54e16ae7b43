"""Youth consultations: where the time of one submission goes, in one process.

Calls the WSGI application directly, as a gunicorn worker does, with the bench's form (CSRF
cookie and token, signed one-time form, a free-text answer with a phone number). Prints the CPU
and wall time per submission, the SQL statements per submission, and with `--profile` the
functions that take the most time (cProfile). Runs on a fresh database of its own, PostgreSQL
with the bench server's settings profile.

    .venv/bin/python bench/bench_consultations_profile.py [--posts 500] [--profile]
"""

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path


def _environ(method: str, path: str, *, query: str = "", body: bytes = b"", cookie: str = ""):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_USER_AGENT": "cophub-bench",
        "HTTP_ORIGIN": "http://127.0.0.1:8000",
        "HTTP_REFERER": f"http://127.0.0.1:8000{path}",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    if body:
        environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        environ["CONTENT_LENGTH"] = str(len(body))
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    return environ


def _call(application, environ) -> tuple[str, dict, bytes]:
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    body = b"".join(application(environ, start_response))
    return answer["status"], dict(answer["headers"]), body


def measure(posts: int, profile: bool) -> dict:
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    application = get_wsgi_application()
    from cophub.consultations.management.commands.bench_consultation import Command

    out = io.StringIO()
    Command(stdout=out).run_from_argv(["cophub", "bench_consultation", "--tokens", str(posts + 60)])
    data = json.loads(out.getvalue())
    slug = data["slug"]
    status, headers, body = _call(
        application, _environ("GET", f"/en/consultations/{slug}/take-part/")
    )
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    token = body.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    fields = [("csrfmiddlewaretoken", token)] + [
        (key, value) for key, values in data["answers"].items() for value in values
    ]
    path = f"/en/consultations/{slug}/questions/"

    def body_of(form_token):
        return urllib.parse.urlencode([("p", form_token), *fields]).encode()

    def post(body):
        status, _headers, _body = _call(
            application, _environ("POST", path, body=body, cookie=cookie)
        )
        if not status.startswith("200"):
            raise RuntimeError(f"submission answered {status}: {_body[:300]!r}")

    tokens = list(data["tokens"])
    for _ in range(50):  # warm the caches and the connection
        post(body_of(tokens.pop()))
    with CaptureQueriesContext(connection) as queries:
        post(body_of(tokens.pop()))
    sql = [query["sql"] for query in queries.captured_queries]
    # The question page answers the consent post; the page measured is the consent step's.
    question_page = f"/en/consultations/{slug}/take-part/"
    with CaptureQueriesContext(connection) as page_queries:
        _call(application, _environ("GET", question_page, cookie=cookie))
    # CPU time, not wall time: waiting for PostgreSQL's commit costs no CPU of the worker.
    profiler = cProfile.Profile(time.process_time) if profile else None
    cpu, wall = [], []
    for body in [body_of(form_token) for form_token in tokens[:posts]]:
        started_cpu, started = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        post(body)
        if profiler:
            profiler.disable()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    page_profiler = cProfile.Profile(time.process_time) if profile else None
    page_cpu = []
    for _ in range(200):
        started_cpu = time.process_time()
        if page_profiler:
            page_profiler.enable()
        _call(application, _environ("GET", question_page, cookie=cookie))
        if page_profiler:
            page_profiler.disable()
        page_cpu.append((time.process_time() - started_cpu) * 1000)
    bare_cpu = []
    for _ in range(500):
        started_cpu = time.process_time()
        _call(application, _environ("GET", "/bench/bare"))
        bare_cpu.append((time.process_time() - started_cpu) * 1000)
    result = {
        "database": connection.vendor,
        "posts": posts,
        "cpu_ms_per_submission": round(statistics.mean(cpu), 3),
        "cpu_ms_median": round(statistics.median(cpu), 3),
        "wall_ms_median": round(statistics.median(wall), 3),
        "queries_per_submission": len(sql),
        "queries": sql,
        # Not in the list: with CONN_HEALTH_CHECKS, Django checks the connection with a
        # round trip of its own once per request, before the first query.
        "health_check_per_request": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
        "question_page_cpu_ms": round(statistics.mean(page_cpu), 3),
        "question_page_queries": len(page_queries.captured_queries),
        "bare_view_cpu_ms": round(statistics.mean(bare_cpu), 3),
        # The bench server's limits (bench/harness.py): on, so that their cost is measured.
        "rate_limits": getattr(settings, "RATELIMITS", None),
        "min_answer_seconds": getattr(settings, "CONSULTATION_MIN_ANSWER_SECONDS", None),
    }
    if profiler:
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(40)
        stream.write("\nThe question page (GET):\n")
        pstats.Stats(page_profiler, stream=stream).sort_stats("cumulative").print_stats(50)
        result["profile"] = stream.getvalue()
    return result


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    """For bench/run.py: the CPU time of a submission in one process, on the server's own
    database, as submissions per CPU-second beside the bare view's requests per CPU-second."""
    from bench_consultations_submit import server_environment
    from harness import PROJECT_DIR

    env = server_environment(port) | {"DJANGO_SETTINGS_MODULE": "cophub.settings"}
    command = [sys.executable, __file__, "--inner", "--posts", str(min(requests, 1000))]
    completed = subprocess.run(
        command, env=env, cwd=PROJECT_DIR, check=True, capture_output=True, text=True
    )
    result = json.loads(completed.stdout)
    rate = round(1000 / result["cpu_ms_per_submission"], 1)
    base = round(1000 / result["bare_view_cpu_ms"], 1)
    figure = {
        "figure": "consultation submissions per CPU-second, one process",
        "req_per_s": rate,
        "baseline_req_per_s": base,
        "throughput_ratio": round(rate / base, 3),
        "cpu_ms_per_submission": result["cpu_ms_per_submission"],
        "queries_per_submission": result["queries_per_submission"],
        "errors": 0,
    }
    print(
        f"{figure['figure']}: {rate} vs bare view {base} (ratio {figure['throughput_ratio']}); "
        f"{result['cpu_ms_per_submission']} ms CPU and {result['queries_per_submission']} SQL "
        "statements per submission",
        flush=True,
    )
    return [figure]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        import django

        django.setup()
        result = measure(args.posts, args.profile)
        profile = result.pop("profile", "")
        print(json.dumps(result, indent=1))
        print(profile)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from harness import PROJECT_DIR, _cophub, bench_database, server_env

    database = os.environ.get("BENCH_DATABASE", "postgres")
    existing = os.environ.get("PROFILE_DATABASE_URL")  # reuse a database of one's own
    with (
        tempfile.TemporaryDirectory(prefix="cophub-profile-") as folder,
        contextlib.nullcontext(existing)
        if existing
        else bench_database(database, Path(folder)) as url,
    ):
        env = server_env(Path(folder), url) | {"DJANGO_SETTINGS_MODULE": "cophub.settings"}
        _cophub(["migrate", "--noinput"], env)
        _cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
        command = [sys.executable, __file__, "--inner", "--posts", str(args.posts)]
        subprocess.run(
            command + (["--profile"] if args.profile else []), env=env, cwd=PROJECT_DIR, check=True
        )


if __name__ == "__main__":
    main()
