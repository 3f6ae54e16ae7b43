"""`cophub restore ARCHIVE`: put a backup back, into an empty database and file storage."""

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cophub.backups.archive import BackupError, restore_backup
from cophub.backups.language import activate_operator_language


class Command(BaseCommand):
    help = (
        "Restore an archive made by `cophub backup` into an empty database and file storage; "
        "checks every checksum first and every row count and file afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="the archive made by `cophub backup`")
        parser.add_argument("--database", default="default", help="the database alias")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace what a database or storage that is not empty holds",
        )

    def handle(self, *args, archive, database, force, **options):
        activate_operator_language()
        try:
            report = restore_backup(
                archive, connection=connections[database], storage=default_storage, force=force
            )
        except BackupError as error:
            raise CommandError(error.message) from None
        for warning in report.warnings:
            self.stderr.write(warning)
        tables = len(report.manifest["database"]["tables"])
        files = len(report.manifest["files"])
        self.stdout.write(
            _(
                "Restored %(tables)s, %(rows)s and %(files)s from the backup of %(date)s; "
                "every row count and file checksum matches the archive."
            )
            % {
                "tables": ngettext("%(n)s table", "%(n)s tables", tables) % {"n": tables},
                "rows": ngettext("%(n)s row", "%(n)s rows", report.rows) % {"n": report.rows},
                "files": ngettext("%(n)s file", "%(n)s files", files) % {"n": files},
                "date": report.manifest["created_at"],
            }
        )
