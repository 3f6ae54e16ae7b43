from pathlib import Path

import django
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.core.management.base import BaseCommand

# Django ships its own catalogs for Chinese under the script subtag; COP Hub's language code is
# plain `zh`, for which Django finds none. Their messages (form errors, the admin) are merged into
# the core app's `zh` catalog so that Chinese pages have no English left in them.
DJANGO_CATALOGS_FOR = {"zh": "zh_Hans"}


def _read(path: Path, locale: str) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def _django_catalogs(django_locale: str) -> list[Path]:
    root = Path(django.__file__).parent
    return sorted(root.glob(f"conf/locale/{django_locale}/LC_MESSAGES/django.po")) + sorted(
        root.glob(f"contrib/*/locale/{django_locale}/LC_MESSAGES/django.po")
    )


class Command(BaseCommand):
    help = "Compile every app's .po catalogs into .mo files with Babel: no GNU gettext needed to build COP Hub."

    def handle(self, *args, **options):
        count = 0
        for app in apps.get_app_configs():
            if not app.name.startswith("cophub."):
                continue
            for po_path in sorted(Path(app.path, "locale").glob("*/LC_MESSAGES/django.po")):
                locale = po_path.parent.parent.name
                catalog = _read(po_path, locale)
                if app.label == "core" and locale in DJANGO_CATALOGS_FOR:
                    self._merge_django(catalog, DJANGO_CATALOGS_FOR[locale])
                with open(po_path.with_suffix(".mo"), "wb") as mo_file:
                    write_mo(mo_file, catalog)
                count += 1
        self.stdout.write(f"Compiled {count} catalogs.")

    def _merge_django(self, catalog: Catalog, django_locale: str) -> None:
        for path in _django_catalogs(django_locale):
            for message in _read(path, catalog.locale_identifier):
                if not (message.id and message.string) or message.fuzzy:
                    continue
                if catalog.get(message.id, context=message.context) is None:
                    catalog[message.id] = message
