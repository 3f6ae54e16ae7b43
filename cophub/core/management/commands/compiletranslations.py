from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile every app's .po catalogs into .mo files with Babel, so that no GNU gettext "
        "is needed to build COP Hub."
    )

    def handle(self, *args, **options):
        count = 0
        for app in apps.get_app_configs():
            if not app.name.startswith("cophub."):
                continue
            for po_path in sorted(Path(app.path, "locale").glob("*/LC_MESSAGES/*.po")):
                with open(po_path, "rb") as po_file:
                    catalog = read_po(po_file, locale=po_path.parent.parent.name)
                with open(po_path.with_suffix(".mo"), "wb") as mo_file:
                    write_mo(mo_file, catalog)
                count += 1
        self.stdout.write(f"Compiled {count} catalogs.")
