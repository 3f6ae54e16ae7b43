"""A restore refuses what it cannot restore whole, says why in the operator's language, and
writes nothing: no row, no file."""

import hashlib
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from cophub.backups import archive as backups
from cophub.helplines.tests.factories import HelplineFactory
from cophub.resources.tests.factories import docx_upload, make_resource

from .support import run_cophub

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def good_archive(tmp_path, media):
    make_resource(links={}, files={"en": docx_upload("Safer chat rooms", name="chat.docx")})
    HelplineFactory()
    path = tmp_path / "good.tar"
    call_command("backup", str(path))
    return path


def _state(media: Path) -> tuple:
    """What a failed restore must leave as it was: the row count of every table, every file."""
    counts = backups._row_counts(connection, backups._tables(connection))
    files = sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())
    return counts, files


def _restore(path, **options) -> str:
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), **options)
    return str(refused.value)


def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of the archive with `change(folder, manifest)` applied to its unpacked members."""
    folder = target.with_suffix(".d")
    with tarfile.open(source) as tar:
        tar.extractall(folder, filter="data")
    manifest = json.loads((folder / "manifest.json").read_text())
    change(folder, manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with tarfile.open(target, "w") as tar:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tar.add(path, arcname=str(path.relative_to(folder)))
    return target


def test_the_archive_lists_every_file_with_its_checksum_and_every_table_with_its_rows(
    good_archive, media
):
    with tarfile.open(good_archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        stored = tar.extractfile(backups.FILES + manifest["files"][0]["name"]).read()
    assert manifest["format"] == "cophub-backup" and manifest["format_version"] == 1
    assert manifest["database"]["vendor"] == "postgresql"
    assert ["helplines", "0001_initial"] in manifest["database"]["migrations"]
    assert manifest["database"]["tables"]["helplines_helpline"] == 1
    assert manifest["database"]["tables"]["core_country"] > 190
    [entry] = manifest["files"]
    assert entry["name"].startswith("resources/") and entry["name"].endswith(".docx")
    assert hashlib.sha256(stored).hexdigest() == entry["sha256"]
    assert stored == (media / entry["name"]).read_bytes()


def test_no_archive_at_the_path(tmp_path, media):
    before = _state(media)
    message = _restore(tmp_path / "nowhere.tar")
    assert message == f"There is no archive at {tmp_path / 'nowhere.tar'}."
    assert _state(media) == before


def test_a_file_that_is_not_an_archive(tmp_path, media):
    path = tmp_path / "notes.tar"
    path.write_bytes(b"these are not the backups you are looking for" * 40)
    before = _state(media)
    assert _restore(path).startswith("The archive is damaged or is not a COP Hub backup")
    assert _state(media) == before


def test_a_truncated_archive(good_archive, tmp_path, media):
    data = good_archive.read_bytes()
    cut = tmp_path / "cut.tar"
    cut.write_bytes(data[: len(data) // 2])
    before = _state(media)
    assert _restore(cut).startswith("The archive is damaged or is not a COP Hub backup")
    assert _state(media) == before


def test_a_corrupt_member_is_caught_by_its_checksum(good_archive, tmp_path, media):
    def flip_a_byte(folder, manifest):
        stored = folder / backups.FILES / manifest["files"][0]["name"]
        data = bytearray(stored.read_bytes())
        data[len(data) // 2] ^= 0xFF
        stored.write_bytes(bytes(data))

    corrupt = _rewrite(good_archive, tmp_path / "corrupt.tar", flip_a_byte)
    before = _state(media)
    message = _restore(corrupt, force=True)  # even forced: nothing is written
    assert message.startswith("The archive is damaged or is not a COP Hub backup")
    assert "does not match its checksum" in message
    assert _state(media) == before


def test_an_archive_without_a_manifest(good_archive, tmp_path, media):
    folder = tmp_path / "unpacked"
    with tarfile.open(good_archive) as tar:
        tar.extractall(folder, filter="data")
    (folder / "manifest.json").unlink()
    bare = tmp_path / "bare.tar"
    with tarfile.open(bare, "w") as tar:
        tar.add(folder, arcname=".")
    assert "its manifest is missing or unreadable" in _restore(bare)


def test_an_archive_of_another_format_version(good_archive, tmp_path, media):
    def future(folder, manifest):
        manifest["format_version"] = 2
        manifest["cophub_version"] = "9.0"

    message = _restore(_rewrite(good_archive, tmp_path / "v2.tar", future))
    assert message.startswith("The archive is in backup format 2; this version of COP Hub")
    assert "(9.0)" in message


def test_an_archive_from_a_newer_cophub_with_unknown_migrations(good_archive, tmp_path, media):
    def newer(folder, manifest):
        manifest["database"]["migrations"].append(["helplines", "9999_from_the_future"])

    before = _state(media)
    message = _restore(_rewrite(good_archive, tmp_path / "newer.tar", newer))
    assert "made by a newer version of COP Hub" in message
    assert "helplines.9999_from_the_future" in message
    assert _state(media) == before


def test_a_database_that_is_not_empty_is_refused_in_the_operators_language(
    good_archive, media, monkeypatch
):
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()  # empty storage: the refusal is the database's
    before = _state(media)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    message = _restore(good_archive)
    assert message.startswith("La base de données n'est pas vide")
    assert "--force" in message
    assert _state(media) == before


def test_storage_that_holds_other_files_of_the_same_names_is_refused(
    good_archive, tmp_path, new_database
):
    url, params = new_database
    data_dir = tmp_path / "restored"
    name = _manifest(good_archive)["files"][0]["name"]
    (data_dir / "media" / name).parent.mkdir(parents=True)
    (data_dir / "media" / name).write_bytes(b"another file under the same name")
    result = run_cophub("restore", str(good_archive), database_url=url, data_dir=data_dir)
    assert result.returncode == 1
    assert "The file storage already holds 1 of the archive's files" in result.stderr
    assert (data_dir / "media" / name).read_bytes() == b"another file under the same name"
    assert [p for p in (data_dir / "media").rglob("*") if p.is_file()] == [
        data_dir / "media" / name
    ]
    # Nothing was restored into the database either.
    result = run_cophub(
        "restore", str(good_archive), "--force", database_url=url, data_dir=data_dir
    )
    assert result.returncode == 0, result.stderr
    assert (data_dir / "media" / name).read_bytes() != b"another file under the same name"


def test_a_missing_pg_restore_is_named_before_anything_is_written(
    good_archive, media, monkeypatch, tmp_path
):
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("COPHUB_PG_BIN", str(empty))
    before = _state(media)
    message = _restore(good_archive, force=True)
    assert message.startswith("pg_restore was not found.")
    assert "COPHUB_PG_BIN" in message
    assert _state(media) == before


def test_an_archive_of_another_database_kind_is_refused(good_archive, tmp_path, media):
    def other(folder, manifest):
        manifest["database"]["vendor"] = "mysql"

    before = _state(media)
    message = _restore(_rewrite(good_archive, tmp_path / "other.tar", other), force=True)
    assert message == "The archive holds a mysql database; this site uses postgresql."
    assert _state(media) == before


def test_a_backup_into_a_folder_that_does_not_exist(tmp_path, media):
    with pytest.raises(CommandError) as refused:
        call_command("backup", str(tmp_path / "missing" / "b.tar"))
    assert str(refused.value) == f"There is no folder {tmp_path / 'missing'}."
    assert not (tmp_path / "missing").exists()


def _manifest(path: Path) -> dict:
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile("manifest.json"))


def test_force_replaces_what_a_database_holds(good_archive, tmp_path, new_database):
    url, params = new_database
    data_dir = tmp_path / "restored"
    first = run_cophub("restore", str(good_archive), database_url=url, data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    refused = run_cophub("restore", str(good_archive), database_url=url, data_dir=data_dir)
    assert refused.returncode == 1
    assert "The database is not empty" in refused.stderr
    forced = run_cophub(
        "restore", str(good_archive), "--force", database_url=url, data_dir=data_dir
    )
    assert forced.returncode == 0, forced.stderr
    assert "every row count and file checksum matches the archive" in forced.stdout
    helplines = run_cophub(
        "shell", "--verbosity", "0", "-c",
        "from cophub.helplines.models import Helpline; print(Helpline.objects.count())",
        database_url=url, data_dir=data_dir,
    )  # fmt: skip
    assert helplines.stdout.strip() == "1"
