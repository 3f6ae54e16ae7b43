from django.core.management.base import BaseCommand

from cophub.helplines import exchange, selectors


class Command(BaseCommand):
    help = "Write the helpline directory as CSV or JSON (the import format) to standard output."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, format, **options):
        rows = exchange.export_rows(selectors.helplines())
        self.stdout.write(
            exchange.rows_to_json(rows) if format == "json" else exchange.rows_to_csv(rows),
            ending="",
        )
