from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from cophub.core.reference import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh the reference data: ITU regions, countries, organisations, the mandate."

    def handle(self, *args, **options):
        with transaction.atomic():
            load_reference_data(apps)
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
