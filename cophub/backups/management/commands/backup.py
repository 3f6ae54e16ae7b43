"""`cophub backup ARCHIVE`: the database and every stored file, in one archive."""

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cophub.backups.archive import BackupError, create_backup
from cophub.backups.language import activate_operator_language


class Command(BaseCommand):
    help = "Back up the database and the file storage into one archive (see docs/deploy.md)."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="the archive to write (a .tar file)")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args, archive, database, **options):
        activate_operator_language()
        try:
            report = create_backup(
                archive, connection=connections[database], storage=default_storage
            )
        except BackupError as error:
            raise CommandError(error.message) from None
        for warning in report.warnings:
            self.stderr.write(warning)
        tables = len(report.manifest["database"]["tables"])
        files = len(report.manifest["files"])
        self.stdout.write(
            _("Backed up %(tables)s, %(rows)s and %(files)s to %(archive)s.")
            % {
                "tables": ngettext("%(n)s table", "%(n)s tables", tables) % {"n": tables},
                "rows": ngettext("%(n)s row", "%(n)s rows", report.rows) % {"n": report.rows},
                "files": ngettext("%(n)s file", "%(n)s files", files) % {"n": files},
                "archive": archive,
            }
        )
