"""An app worker killed (kill -9) during a burst of writes on two paths at once: youth-consultation
submissions and statistics submissions through the API. Every acknowledged write is stored, none
twice or in part; what the dead worker never answered is sent again by the client; the master
starts a new worker and the site goes on without an operator.

bench_consultations_fault.py does this for consultations alone on the shared bench server; this
one runs on the cluster of bench_faults_restart.py with both paths, so that the figures of every
fault come from the same setup. Run: .venv/bin/python bench/bench_faults_kill.py
"""

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_consultations_submit import worker_pids  # noqa: E402
from bench_faults_restart import private_cluster, scenario, served_from  # noqa: E402


def kill_a_worker(port: int):
    def fault():
        pids = worker_pids(port)
        if not pids:
            raise RuntimeError("no gunicorn worker to kill")
        os.kill(pids[0], signal.SIGKILL)
        return {"fault": "kill -9 of an app worker", "killed_worker": pids[0]}

    return fault


def run(host=None, port=None, *, requests: int = 1200, concurrency: int = 8) -> list[dict]:
    """The server bench/run.py passes is not used: this bench kills the workers of its own."""
    with private_cluster() as cluster, served_from(cluster) as (h, p, env, log):
        # A dropped connection (None) is what the killed worker's clients see.
        return scenario(
            "an app worker killed (kill -9)", h, p, env, kill_a_worker(p),
            requests=requests, concurrency=concurrency, log=log, index=2,
            clean=(200, 201, 503, None),
        )  # fmt: skip


if __name__ == "__main__":
    results = run(requests=int(os.environ.get("BENCH_REQUESTS", "1200")), concurrency=8)
    sys.exit(0 if all(figure["errors"] == 0 for figure in results) else 1)
