from pathlib import Path

from django.core.management.base import BaseCommand

import cophub
from cophub.core.catalogs import compile_catalogs


class Command(BaseCommand):
    help = "Compile every app's .po catalogs into .mo files with Babel (no GNU gettext needed)."

    def handle(self, *args, **options):
        count = compile_catalogs(Path(cophub.__file__).parent)
        self.stdout.write(f"Compiled {count} catalogs.")
