"""A backup restored into a new database and new file storage holds every row and every byte.

The source is the test database with data made in every app (each factory, uploaded files in
the working group and the repository). `cophub backup` runs here; `cophub restore` runs as an
operator runs it, in a process of its own pointed at a NEW database and an empty media folder.
Then every table of both databases is read whole, ordered by its primary key, and compared row
by row, every sequence too, and every file byte for byte.
"""

from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from .support import pg_params, run_cophub

pytestmark = pytest.mark.django_db(transaction=True)


# --- the data ----------------------------------------------------------------------------------


def build_data_in_every_app() -> None:
    """Rows in every app's tables, made by the apps' own factories and services."""
    from cophub.accounts.tests import factories as accounts
    from cophub.consultations.tests.factories import consultation, respond
    from cophub.coordination.tests.factories import make_activity
    from cophub.countries.tests import factories as countries
    from cophub.helplines.tests import factories as helplines
    from cophub.jobs.services import queue_mail
    from cophub.resources.tests.factories import docx_upload, make_resource
    from cophub.statistics.tests import factories as statistics
    from cophub.trainings.tests.factories import schedule
    from cophub.workgroup.tests import factories as workgroup
    from cophub.workgroup.tests.helpers import registered_documents

    accounts.UserFactory()
    accounts.SecretariatFactory()
    accounts.DelegateFactory()
    accounts.AccountRequestFactory()
    answered = consultation()
    respond(answered, text="More lessons about privacy at school, please.")
    make_activity()
    countries.EvidenceFactory()
    countries.MilestoneFactory()
    helplines.ChannelFactory()
    statistics.ObservationFactory()
    schedule()
    make_resource(
        links={},
        files={"en": docx_upload("Moderators trained in Nairobi schools", name="rapport-é.docx")},
    )
    workgroup.AgendaItemFactory()
    registered_documents(workgroup.MeetingFactory(), 3)
    queue_mail(to="focal.point@example.org", subject="Your account", body="Welcome to COP Hub.")


# --- reading a database whole ------------------------------------------------------------------


def _open(params: dict):
    return psycopg.connect(**params)


def _source_params():
    return pg_params(connection.settings_dict["NAME"])


def _tables(db) -> list[str]:
    query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
    return [row[0] for row in db.execute(query).fetchall()]


def _primary_key(db, table: str) -> list[str]:
    rows = db.execute(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
        [f'"{table}"'],
    ).fetchall()
    return [row[0] for row in rows]


def _rows(db, table: str) -> list[tuple]:
    key = _primary_key(db, table)
    order = ", ".join(f'"{column}"' for column in key) if key else "1"
    cursor = db.execute(f'SELECT * FROM "{table}" ORDER BY {order}')  # noqa: S608
    columns = [d[0] for d in cursor.description]
    rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor]
    if not key:
        rows.sort(key=repr)
    return [columns, *rows]


def _sequences(db) -> dict:
    return dict(db.execute("SELECT sequencename, last_value FROM pg_sequences").fetchall())


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- the round trip ---------------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_a_restored_backup_holds_every_row_of_every_table_and_every_file(
    tmp_path, media, new_database
):
    build_data_in_every_app()
    archive = tmp_path / "cophub.tar"
    call_command("backup", str(archive))

    url, params = new_database
    restored_media_dir = tmp_path / "restored"
    result = run_cophub("restore", str(archive), database_url=url, data_dir=restored_media_dir)
    assert result.returncode == 0, result.stderr
    assert "every row count and file checksum matches" in result.stdout

    with _open(_source_params()) as source, _open(params) as restored:
        tables = _tables(source)
        assert _tables(restored) == tables
        for app in apps.get_app_configs():
            models = list(app.get_models())
            if app.name.startswith("cophub.") and models:
                # The data set reaches every app of the project, so no app goes untested.
                assert any(_rows(source, m._meta.db_table)[1:] for m in models), app.label
        compared = 0
        for table in tables:
            expected = _rows(source, table)
            assert _rows(restored, table) == expected, table
            compared += len(expected) - 1
        assert compared > 500  # the reference data and every app's rows
        assert _sequences(restored) == _sequences(source)

    source_files = _files(media)
    assert len(source_files) >= 4  # the resource's file and three documents' files
    assert _files(restored_media_dir / "media") == source_files


def test_a_restore_that_fails_half_way_leaves_the_new_database_empty(tmp_path, media, new_database):
    """The archive passes its checks (the checksum was made to match), but its database dump is
    cut short: the restore stops at the first error and, being one transaction, leaves not one
    table behind."""
    import hashlib
    import json
    import tarfile

    build_data_in_every_app()
    archive = tmp_path / "cophub.tar"
    call_command("backup", str(archive))
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    manifest = json.loads((unpacked / "manifest.json").read_text())
    dump = unpacked / manifest["database"]["file"]
    data = dump.read_bytes()
    dump.write_bytes(data[: len(data) * 2 // 3])
    manifest["database"]["sha256"] = hashlib.sha256(dump.read_bytes()).hexdigest()
    (unpacked / "manifest.json").write_text(json.dumps(manifest))
    broken = tmp_path / "broken.tar"
    with tarfile.open(broken, "w") as tar:
        for path in sorted(unpacked.rglob("*")):
            if path.is_file():
                tar.add(path, arcname=str(path.relative_to(unpacked)))

    url, params = new_database
    result = run_cophub("restore", str(broken), database_url=url, data_dir=tmp_path / "restored")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "pg_restore failed, and nothing was restored into the database" in result.stderr
    with _open(params) as restored:
        assert _tables(restored) == []
