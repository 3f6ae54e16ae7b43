"""One archive holds all of COP Hub: the database and every file in the default file storage.

The archive is a tar file:
  manifest.json      what it holds: versions, migrations applied, rows per table, every file
                     with its size and SHA-256
  database.dump      pg_dump's custom format, taken from one snapshot
  files/<name>       each file of the default storage, read through Django's storage API, so
                     that files kept on S3-compatible storage are backed up the same way

The database is dumped from one REPEATABLE READ snapshot (pg_dump --snapshot), in which the
row counts and migrations of the manifest are read too: they describe exactly what was dumped.
Files are read after the snapshot was taken: a file is saved before the row that names it
commits, so every file the dump refers to is already in storage (a file deleted in between is
reported and left out).

A restore checks the whole archive (every checksum) before it writes anything, refuses a
database that is not empty (unless forced), writes the files first and the database last, in
one transaction (pg_restore --single-transaction): if anything fails, the database is as it was,
and files written already are not referred to by any row; a second attempt overwrites them.
"""

import datetime
import glob
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
from django.core.files import File
from django.db import transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

import cophub

FORMAT = "cophub-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "database.dump"
# The database an archive holds, as its manifest names it (Django's name for the backend).
VENDOR = "postgresql"
FILES = "files/"
CHUNK = 1024 * 1024

# libpq's own connection keywords that Django's OPTIONS may carry; others are psycopg's.
LIBPQ_OPTIONS = {
    "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "connect_timeout",
    "application_name", "options", "target_session_attrs", "service", "passfile",
    "host",  # a Unix socket's folder given as ?host= in DATABASE_URL (the embedded server's)
}  # fmt: skip


class BackupError(Exception):
    """A backup or restore could not be done; the message is translated and says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


@dataclass
class Report:
    manifest: dict
    warnings: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.manifest["database"]["tables"].values())


# --- what both directions share ---------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _binary(name: str, connection=None) -> str:
    """A PostgreSQL client program: from COPHUB_PG_BIN if set; else, of those on PATH, in the
    embedded server's wheel and in Debian's /usr/lib/postgresql/*/bin, the one of the server's
    major version, or else the newest (a dump needs a pg_dump at least as new as the server; a
    newer one writes settings an older server refuses on restore)."""
    folder = os.environ.get("COPHUB_PG_BIN", "")
    if folder:
        found = shutil.which(name, path=folder)
    else:
        folders = [None, *glob.glob("/usr/lib/postgresql/*/bin")]
        try:
            from cophub.core.embedded_db import server

            folders.append(str(server.bin_dir()))
        except (ImportError, FileNotFoundError):
            pass
        programs = {p for p in (shutil.which(name, path=f) for f in folders) if p}
        server = connection.pg_version // 10000 if connection is not None else None
        same = [p for p in programs if _version(p)[0] == server]
        found = max(same or programs, key=_version, default=None)
    if not found:
        raise BackupError(
            _(
                "%(program)s was not found. Install the PostgreSQL client programs of the "
                "server's version (for example the postgresql-client package), or set "
                "COPHUB_PG_BIN to the folder that holds them."
            )
            % {"program": name}
        )
    return found


def _version(program: str) -> tuple[int, ...]:
    """The version a PostgreSQL program says it is ("pg_dump (PostgreSQL) 18.1" → (18, 1))."""
    said = subprocess.run(  # noqa: S603 - a PostgreSQL program found above
        [program, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"(\d+)(?:\.(\d+))?", said)
    return tuple(int(part) for part in match.groups() if part) if match else (0,)


def _libpq(settings_dict: dict) -> tuple[str, dict[str, str]]:
    """The database name and the libpq environment for the client programs (the password in
    the environment, not on the command line where any user of the machine could read it)."""
    env = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    options = {k: v for k, v in settings_dict.get("OPTIONS", {}).items() if k in LIBPQ_OPTIONS}
    from psycopg.conninfo import make_conninfo

    return make_conninfo(dbname=settings_dict["NAME"], **options), env


def _tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def _row_counts(connection, tables: list[str]) -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - a table name from introspection, quoted
            counts[table] = cursor.fetchone()[0]
    return counts


def _applied_migrations(cursor) -> list[list[str]]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [list(row) for row in cursor.fetchall()]


def _storage_names(storage, folder: str = "") -> list[str]:
    """Every file in the storage, walked through its API (FileSystemStorage, S3, ...)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []  # a file system storage whose folder was never created holds nothing
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names.extend(_storage_names(storage, f"{folder}/{sub}" if folder else sub))
    return sorted(names)


# --- backup ------------------------------------------------------------------------------------


def _dump_postgresql(connection, target: Path) -> dict:
    pg_dump = _binary("pg_dump", connection)
    dbname, env = _libpq(connection.settings_dict)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
        snapshot, server_version = cursor.fetchone()
        result = subprocess.run(  # noqa: S603 - a PostgreSQL client program, no shell
            [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}", "--dbname", dbname],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise BackupError(
                _("pg_dump failed: %(error)s") % {"error": result.stderr.strip()[-2000:]}
            )
        # Read in the snapshot pg_dump used: the counts are those of the dump.
        tables = _tables(connection)
        counts = _row_counts(connection, tables)
        migrations = _applied_migrations(cursor)
    version = [pg_dump, "--version"]
    tool = subprocess.run(version, capture_output=True, text=True).stdout.strip()  # noqa: S603
    return {
        "vendor": VENDOR,
        "server_version": server_version,
        "dump_program": tool,
        "tables": counts,
        "migrations": migrations,
    }


def _add(tar: tarfile.TarFile, name: str, handle, size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    info.mode = 0o600
    tar.addfile(info, handle)


def create_backup(path: Path, *, connection, storage) -> Report:
    """Write the archive to `path` (first under a temporary name beside it, then renamed, so
    that an archive at `path` is always whole)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise BackupError(_("There is no folder %(folder)s.") % {"folder": path.parent})
    partial = path.with_name(f".{path.name}.partial")
    warnings = []
    try:
        with tempfile.TemporaryDirectory(prefix="cophub-backup-") as work:
            dump_path = Path(work) / DATABASE_MEMBER
            dump = _dump_postgresql(connection, dump_path)
            dump["file"] = DATABASE_MEMBER
            dump["sha256"] = _sha256_file(dump_path)
            files = []
            with tarfile.open(partial, "w") as tar:
                with open(dump_path, "rb") as handle:
                    _add(tar, DATABASE_MEMBER, handle, dump_path.stat().st_size)
                for name in _storage_names(storage):
                    try:
                        files.append(_add_stored_file(tar, storage, name))
                    except FileNotFoundError:
                        warnings.append(
                            _("%(name)s was deleted while the backup ran; left out.")
                            % {"name": name}
                        )
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
                    "cophub_version": cophub_version(),
                    "django_version": django.get_version(),
                    "database": dump,
                    "files": files,
                }
                data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
                _add(tar, MANIFEST, io.BytesIO(data), len(data))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return Report(manifest=manifest, warnings=warnings)


def _add_stored_file(tar, storage, name: str) -> dict:
    digest = hashlib.sha256()
    with tempfile.SpooledTemporaryFile(max_size=16 * CHUNK) as spool:
        with storage.open(name, "rb") as source:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                spool.write(chunk)
        size = spool.tell()
        spool.seek(0)
        _add(tar, FILES + name, spool, size)
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


def cophub_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cophub")
    except PackageNotFoundError:
        return getattr(cophub, "__version__", "unknown")


# --- restore -----------------------------------------------------------------------------------


def _damaged(reason) -> BackupError:
    return BackupError(
        _("The archive is damaged or is not a COP Hub backup: %(reason)s") % {"reason": reason}
    )


def read_archive(path: Path, work: Path) -> dict:
    """Unpack the archive into `work` and check it whole: its manifest, its version and the
    checksum of every member. Returns the manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("There is no archive at %(path)s.") % {"path": path})
    try:
        with tarfile.open(path, "r:") as tar:
            tar.extractall(work, filter="data")  # refuses absolute names, "..", links out
    except (tarfile.TarError, EOFError, OSError) as error:
        raise _damaged(error) from None
    try:
        manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
        database = manifest["database"]
        files = manifest["files"]
        kind = manifest["format"]
        version = manifest["format_version"]
    except (OSError, ValueError, KeyError, TypeError):
        raise _damaged(_("its manifest is missing or unreadable.")) from None
    if kind != FORMAT:
        raise _damaged(_("its manifest is not a COP Hub backup's."))
    if version != FORMAT_VERSION:
        raise BackupError(
            _(
                "The archive is in backup format %(found)s; this version of COP Hub reads "
                "format %(expected)s. Restore it with the COP Hub version that made it "
                "(%(made_by)s)."
            )
            % {
                "found": version,
                "expected": FORMAT_VERSION,
                "made_by": manifest.get("cophub_version"),
            }
        )
    members = [(database.get("file", ""), database.get("sha256"))] + [
        (FILES + entry["name"], entry["sha256"]) for entry in files
    ]
    for name, expected in members:
        member = work / PurePosixPath(name)
        if not name or not member.is_file():
            raise _damaged(_("%(name)s is missing.") % {"name": name or "database"})
        if _sha256_file(member) != expected:
            raise _damaged(_("%(name)s does not match its checksum.") % {"name": name})
    return manifest


def _check_migrations(manifest: dict) -> None:
    """An archive from a newer COP Hub holds migrations this code does not know."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, name in manifest["database"]["migrations"]]
    unknown = [m for m in unknown if tuple(m.split(".", 1)) not in known]
    if unknown:
        raise BackupError(
            _(
                "The archive was made by a newer version of COP Hub (%(made_by)s): this one "
                "does not know its migrations %(migrations)s. Upgrade COP Hub, then restore."
            )
            % {
                "made_by": manifest.get("cophub_version"),
                "migrations": ", ".join(unknown[:5]) + ("…" if len(unknown) > 5 else ""),
            }
        )


def _refuse_unless_forced(connection, storage, manifest, force: bool) -> None:
    tables = _tables(connection)
    if tables and not force:
        raise BackupError(
            _(
                "The database is not empty: it holds %(count)s tables (%(examples)s). Restore "
                "into a new, empty database, or pass --force to replace what it holds."
            )
            % {"count": len(tables), "examples": ", ".join(tables[:3])}
        )
    present = [e["name"] for e in manifest["files"] if _stored_differently(storage, e)]
    if present and not force:
        raise BackupError(
            _(
                "The file storage already holds %(count)s of the archive's files (%(examples)s). "
                "Restore into empty storage, or pass --force to overwrite them."
            )
            % {"count": len(present), "examples": ", ".join(present[:3])}
        )


def _stored_sha256(storage, name: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with storage.open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
    except FileNotFoundError:
        return None
    return digest.hexdigest()


def _stored_differently(storage, entry: dict) -> bool:
    """A file of that name is in storage with other content (the same content is no conflict:
    it is what an interrupted restore left, and a second attempt goes on)."""
    return (
        storage.exists(entry["name"]) and _stored_sha256(storage, entry["name"]) != entry["sha256"]
    )


def _write_files(work: Path, manifest: dict, storage) -> None:
    for entry in manifest["files"]:
        name = entry["name"]
        if storage.exists(name):
            if not _stored_differently(storage, entry):
                continue
            storage.delete(name)  # only with --force (checked before)
        with open(work / PurePosixPath(FILES + name), "rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(
                _("The storage saved %(name)s as %(saved)s; the restore stopped.")
                % {"name": name, "saved": saved}
            )


def _restore_postgresql(connection, dump: Path, force: bool) -> None:
    pg_restore = _binary("pg_restore", connection)
    dbname, env = _libpq(connection.settings_dict)
    connection.close()
    # One transaction: a failure at any statement leaves the database as it was.
    command = [pg_restore, "--single-transaction", "--exit-on-error", "--no-owner", "--no-acl"]
    if force:
        command += ["--clean", "--if-exists"]
    result = subprocess.run(  # noqa: S603 - a PostgreSQL client program, no shell
        [*command, "--dbname", dbname, str(dump)], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(
            _("pg_restore failed, and nothing was restored into the database: %(error)s")
            % {"error": result.stderr.strip()[-2000:]}
        )


def _verify(connection, storage, manifest: dict) -> list[str]:
    """What the restored database and storage hold differs from the manifest: say what."""
    problems = []
    expected = manifest["database"]["tables"]
    counts = _row_counts(connection, [t for t in _tables(connection) if t in expected])
    for table, rows in expected.items():
        if counts.get(table) != rows:
            problems.append(
                _("table %(table)s has %(found)s rows, the archive %(expected)s")
                % {"table": table, "found": counts.get(table, "no"), "expected": rows}
            )
    with connection.cursor() as cursor:
        if _applied_migrations(cursor) != manifest["database"]["migrations"]:
            problems.append(_("the migrations applied differ from the archive's"))
    for entry in manifest["files"]:
        stored = _stored_sha256(storage, entry["name"])
        if stored is None:
            problems.append(_("file %(name)s is missing") % {"name": entry["name"]})
        elif stored != entry["sha256"]:
            problems.append(_("file %(name)s differs from the archive") % {"name": entry["name"]})
    return problems


def restore_backup(path: Path, *, connection, storage, force: bool = False) -> Report:
    with tempfile.TemporaryDirectory(prefix="cophub-restore-") as folder:
        work = Path(folder)
        manifest = read_archive(path, work)
        vendor = manifest["database"]["vendor"]
        if vendor != VENDOR:
            # Archives of versions that ran on another database hold no PostgreSQL dump.
            raise BackupError(
                _("The archive holds a %(archive)s database; this site uses %(site)s.")
                % {"archive": vendor, "site": VENDOR}
            )
        _check_migrations(manifest)
        _binary("pg_restore", connection)  # before anything is written
        _refuse_unless_forced(connection, storage, manifest, force)
        _write_files(work, manifest, storage)
        _restore_postgresql(connection, work / manifest["database"]["file"], force)
        problems = _verify(connection, storage, manifest)
    if problems:
        raise BackupError(
            _("The restore finished but does not match the archive: %(problems)s.")
            % {"problems": "; ".join(problems)}
        )
    warnings = []
    extra = sorted(set(_tables(connection)) - set(manifest["database"]["tables"]))
    if extra:
        warnings.append(
            _("Tables not in the archive were left as they were: %(tables)s.")
            % {"tables": ", ".join(extra)}
        )
    return Report(manifest=manifest, warnings=warnings)
