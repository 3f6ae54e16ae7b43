"""How long a new user waits: a fresh clone of this repository, `make run`, until the home page
answers in English and Arabic. Goal: under 3 minutes on a quiet 2-core machine with a warm
package cache.

    python3 bench/first_run.py [--cold] [--repo PATH]

`--cold` gives pip and uv empty caches of their own, so every package is downloaded. The clone uses the
embedded PostgreSQL (DATABASE_URL unset) as a new user's machine does. Prints the seconds to each
step `make run` reports (install, migrate, demo data, first answer).
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = {  # a line of `make run`'s output that marks the end of a step
    "installed": "touch .venv/.installed",
    "translations compiled": "Compiled",
    "migrated": "cophub loaddemo",
    "demo data loaded": "collectstatic",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - loopback only
            return answer.status == 200
    except OSError:
        return False


def first_run(repo: Path, cold: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "cophub"
        subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ENV"}}
        env["COPHUB_BIND"] = f"127.0.0.1:{port}"
        if cold:
            env["PIP_CACHE_DIR"] = str(Path(folder) / "pip-cache")
            env["PIP_NO_CACHE_DIR"] = ""
            env["UV_CACHE_DIR"] = str(Path(folder) / "uv-cache")
        started = time.monotonic()
        run = subprocess.Popen(
            ["make", "run"], cwd=clone, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
        marks: dict[str, float] = {}
        os.set_blocking(run.stdout.fileno(), False)
        try:
            while run.poll() is None and time.monotonic() - started < 1200:
                for line in iter(run.stdout.readline, ""):
                    for step, marker in STEPS.items():
                        if marker in line and step not in marks:
                            marks[step] = time.monotonic() - started
                base = f"http://127.0.0.1:{port}"
                if _answers(f"{base}/en/") and _answers(f"{base}/ar/"):
                    marks["home page answers in en and ar"] = time.monotonic() - started
                    break
                time.sleep(0.5)
        finally:
            os.killpg(run.pid, signal.SIGTERM)
            run.wait(60)
        return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="an empty package cache")
    parser.add_argument("--repo", type=Path, default=ROOT)
    args = parser.parse_args()
    marks = first_run(args.repo, args.cold)
    cache = "cold" if args.cold else "warm"
    for step, seconds in marks.items():
        print(f"fresh clone, {cache} package cache: {step} after {seconds:.0f} s")
    if "home page answers in en and ar" not in marks:
        print("the site did not answer")
        sys.exit(1)


if __name__ == "__main__":
    main()
