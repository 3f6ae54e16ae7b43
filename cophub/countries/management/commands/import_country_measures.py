import csv

from django.core.management.base import BaseCommand, CommandError

from cophub.accounts.permissions import SYSTEM
from cophub.core.errors import DomainError
from cophub.countries import services


class Command(BaseCommand):
    help = (
        "Import country measures from a CSV file with the columns "
        + ", ".join(services.IMPORT_COLUMNS)
        + ". All rows or none: the first bad row stops the import and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the CSV file (UTF-8, header row first)")
        parser.add_argument(
            "--by", help="e-mail of the secretariat member who makes the import", default=None
        )

    def handle(self, *args, path, by, **options):
        from cophub.accounts.models import User

        user = None
        if by:
            user = User.objects.filter(email__iexact=by).first()
            if user is None:
                raise CommandError(f"No account with the address {by}.")
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = {"country", "item", "status"} - set(reader.fieldnames or [])
                if missing:
                    raise CommandError(f"Missing columns: {', '.join(sorted(missing))}.")
                rows = list(reader)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            count = services.import_measures(rows=rows, by=user or SYSTEM)
        except DomainError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{count} measures imported."))
