from django.core.management.base import BaseCommand

from cophub.consultations.services import raise_unhandled_disclosures


class Command(BaseCommand):
    help = "Tell the safeguarding contacts again of each disclosure still unhandled (from cron)."

    def handle(self, *args, **options):
        count = raise_unhandled_disclosures()
        self.stdout.write(f"raised again {count}")
