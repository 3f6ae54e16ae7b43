from django.core.management.base import BaseCommand

from cophub.consultations.services import close_due_consultations


class Command(BaseCommand):
    help = "Destroy the duplicate keys, device tallies and receipts of consultations that closed."

    def handle(self, *args, **options):
        count = close_due_consultations()
        self.stdout.write(f"closed {count}")
