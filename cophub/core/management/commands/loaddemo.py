from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo data set: each app's `demo` module adds its part. Demo records are "
        "marked as demo data on their pages. Refuses to run in production without --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even when DJANGO_ENV is production."
        )

    def handle(self, *args, force, **options):
        if settings.PRODUCTION and not force:
            raise CommandError(
                "This is a production settings profile; demo data would be public. Use --force to load it anyway."
            )
        for app in apps.get_app_configs():
            module_name = f"{app.name}.demo"
            if not app.name.startswith("cophub.") or find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load_demo(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
