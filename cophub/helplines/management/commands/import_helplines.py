from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cophub.accounts.permissions import SYSTEM
from cophub.helplines import services
from cophub.helplines.exchange import ImportRejected


class Command(BaseCommand):
    help = "Import helplines from a CSV or JSON file: all rows or none, with a report by row."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", choices=["csv", "json"], default=None)

    def handle(self, *args, path, format, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No file at {path}")
        file_format = format or ("json" if file.suffix.lower() == ".json" else "csv")
        try:
            result = services.import_directory(
                content=file.read_bytes(), file_format=file_format, by=SYSTEM
            )
        except ImportRejected as rejected:
            for error in rejected.errors:
                where = f"row {error.row}" if error.row else "file"
                self.stderr.write(f"{where}, {error.column or '-'}: {error.message}")
            raise CommandError(rejected.message) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.created} new, {result.updated} updated services, "
                f"{result.channels} contact channels."
            )
        )
