"""Youth consultations under a fault: kill -9 an app worker during a burst of submissions.

Every submission answered with success must be in the database afterwards, and none twice.
Clients do what a browser does when a connection drops: send the same form again (the
one-time form makes a retry count once). The check runs against the server's own database.
"""

import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_consultations_submit import app_command, seed, submit, worker_pids
from harness import Load, generate_load


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    data = seed(port, requests)
    base = generate_load(host, port, "/bench/bare", requests=requests, concurrency=concurrency)
    acknowledged, failed = [], []
    lock = threading.Lock()
    answered = 0
    killed = []

    def on_answer(token, status):
        nonlocal answered
        with lock:
            answered += 1
            (acknowledged if status == 200 else failed).append(token)
            if answered == requests // 3 and not killed:
                pids = worker_pids(port)
                if pids:
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(pids[0])

    burst = submit(host, port, data, concurrency=concurrency, on_answer=on_answer)
    time.sleep(2)  # the master starts a new worker
    # Retry what failed, as a browser would (same form); 409 means it had been stored.
    retried = Load(0, 0, [], 0)
    if failed:
        retried = submit(host, port, dict(data, tokens=failed), concurrency=2, on_answer=None)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(acknowledged))
    try:
        import json

        check = json.loads(app_command(port, "--check", handle.name))
    finally:
        Path(handle.name).unlink()
    lost = check["missing"] + check["duplicates"] + check["incomplete"]
    figure = {
        "figure": "consultation submissions with a worker killed (kill -9)",
        "killed_worker": killed[0] if killed else None,
        "sent": requests,
        "acknowledged": check["acknowledged"],
        "failed_then_retried": len(failed),
        "retry_errors": retried.errors,
        "acknowledged_stored": check["acknowledged_stored"],
        "missing": check["missing"],
        "duplicates": check["duplicates"],
        "incomplete": check["incomplete"],
        "req_per_s": round(burst.per_second, 1),
        "baseline_req_per_s": round(base.per_second, 1),
        # From the rounded rates, as printed, so that a reader can check the ratio.
        "throughput_ratio": round(round(burst.per_second, 1) / round(base.per_second, 1), 3)
        if round(base.per_second, 1)
        else 0.0,
        "errors": lost + (0 if killed else 1),
    }
    print(
        f"{figure['figure']}: worker {figure['killed_worker']} killed; {requests} sent, "
        f"{figure['acknowledged']} acknowledged, {len(failed)} failed and retried; stored "
        f"{figure['acknowledged_stored']}/{figure['acknowledged']} acknowledged, missing "
        f"{figure['missing']}, duplicates {figure['duplicates']}, incomplete {figure['incomplete']}",
        flush=True,
    )
    return [figure]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from harness import cophub_server

    database = os.environ.get("BENCH_DATABASE", "postgres")
    with cophub_server(database=database, workers=2, demo=False) as (host, port):
        run(host, port, requests=int(os.environ.get("BENCH_REQUESTS", "3000")), concurrency=16)
