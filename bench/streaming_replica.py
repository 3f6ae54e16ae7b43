"""COP Hub against a real PostgreSQL streaming replica, on a private pair of clusters.

Makes a primary (initdb) and a hot standby (pg_basebackup -R) of its own in a temporary folder,
on free ports, as the `postgres` system user; never touches another server. Serves the site with
DATABASE_URL on the primary and DATABASE_REPLICA_URL on the replica, then checks and prints:

- the replica is streaming (pg_stat_replication) and its lag after the demo data;
- a mixed read load is answered by the replica (transactions counted on each server);
- a person who signs in sees their own session on the very next page (the pin cookie), and a
  write made through the site is on the replica a moment later;
- throughput of the mixed reads with the replica and with the primary alone (same run).

    python bench/streaming_replica.py [--requests 200] [--concurrency 8]

Needs PostgreSQL's server programs (Debian's postgresql package) and root (to run them as
`postgres`). Figures on a shared machine are noisy; the ratio is what is compared.
"""

import argparse
import glob
import http.client
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

from bench_workers import MIX, gunicorn, mixed_load
from harness import _cophub, _free_port, server_env


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit(f"no {name}: install PostgreSQL's server programs")
    return found[-1]


def _as_postgres(*args: str) -> str:
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, text=True
    ).stdout


def _sql(port: int, query: str, database: str = "postgres") -> str:
    return _as_postgres(
        _pg_bin("psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database,
        "-Atc", query,
    ).strip()  # fmt: skip


@contextmanager
def cluster_pair(folder: Path):
    """(primary port, replica port): a private primary and its streaming hot standby."""
    os.chown(folder, *_postgres_ids())
    primary, replica = folder / "primary", folder / "replica"
    ports = _free_port(), _free_port()
    _as_postgres(
        _pg_bin("initdb"), "-D", str(primary), "--auth=trust", "-U", "postgres", "-E", "UTF8"
    )
    started = []
    try:
        for data, port in ((primary, ports[0]),):
            _start(data, port, folder)
            started.append(data)
        _as_postgres(
            _pg_bin("pg_basebackup"), "-h", "127.0.0.1", "-p", str(ports[0]), "-U", "postgres",
            "-D", str(replica), "-R", "-X", "stream",
        )  # fmt: skip
        _start(replica, ports[1], folder)
        started.append(replica)
        yield ports
    finally:
        for data in reversed(started):
            _as_postgres(_pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")


def _postgres_ids() -> tuple[int, int]:
    import pwd

    entry = pwd.getpwnam("postgres")
    return entry.pw_uid, entry.pw_gid


def _start(data: Path, port: int, folder: Path) -> None:
    _as_postgres(
        _pg_bin("pg_ctl"), "-D", str(data), "-l", str(data.parent / f"{data.name}.log"), "-w",
        "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start",
    )  # fmt: skip


def transactions(port: int) -> int:
    time.sleep(1.2)  # statistics reach pg_stat_database within a second
    return int(_sql(port, "SELECT xact_commit FROM pg_stat_database WHERE datname = 'cophub'"))


class Browser:
    """A few requests with cookies, as a person's browser makes them."""

    def __init__(self, host: str, port: int):
        self.host, self.port, self.cookies = host, port, {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{self.host}:{self.port}{path}",
            }
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _sep, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), text


def check_read_your_writes(host, port, email: str, password: str) -> dict:
    browser = Browser(host, port)
    _status, _headers, page = browser.request("GET", "/en/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, headers, _page = browser.request(
        "POST", "/en/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": email, "password": password},
    )  # fmt: skip
    pinned = "cophub_primary" in browser.cookies
    status, _headers, page = browser.request("GET", headers.get("Location", "/en/"))
    return {"signed_in": status == 200 and email in page, "pin_cookie_set": pinned}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cophub-replica-") as name:
        folder = Path(name)
        with cluster_pair(folder) as (primary, replica):
            _sql(primary, "CREATE DATABASE cophub")
            env = server_env(folder, f"postgres://postgres@127.0.0.1:{primary}/cophub")
            _cophub(["migrate", "--noinput"], env)
            _cophub(["loaddemo"], env)
            _cophub(["collectstatic", "--noinput", "--verbosity", "0"], env)
            email, password = "replica.check@example.org", "a long and safe passphrase"
            _cophub(
                ["shell", "-c",
                 "from cophub.accounts.models import User; "
                 f"User.objects.create_user({email!r}, password={password!r}, full_name='Replica check')"],
                env,
            )  # fmt: skip
            state = _sql(primary, "SELECT state, replay_lag FROM pg_stat_replication")
            print(f"replication: {state or 'none'}", flush=True)
            results = {}
            for label, extra in (
                ("primary alone", {}),
                ("primary + replica", {"DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{replica}/cophub"}),
            ):  # fmt: skip
                with gunicorn(env | extra, 2) as (host, port):
                    mixed_load(
                        host,
                        port,
                        requests=len(MIX) * args.concurrency,
                        concurrency=args.concurrency,
                    )
                    before = transactions(primary), transactions(replica)
                    load = mixed_load(
                        host, port, requests=args.requests, concurrency=args.concurrency
                    )
                    after = transactions(primary), transactions(replica)
                    results[label] = load
                    print(
                        f"{label}: mix {load.per_second:.1f} req/s, errors {load.errors}; "
                        f"transactions on the primary {after[0] - before[0]}, "
                        f"on the replica {after[1] - before[1]}",
                        flush=True,
                    )
                    if extra:
                        print(
                            f"sign-in then next page: {check_read_your_writes(host, port, email, password)}",
                            flush=True,
                        )
            ratio = results["primary + replica"].per_second / results["primary alone"].per_second
            print(
                f"mixed reads, primary + replica / primary alone: ratio {ratio:.3f} (both servers on this machine)"
            )
            return 0 if all(load.errors == 0 for load in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
