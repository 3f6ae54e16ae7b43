"""Compile the translation catalogs (.po to .mo) with Babel: no GNU gettext needed to build.

Used by `cophub compiletranslations` (in a source checkout) and by the package build (setup.py),
so that an installed COP Hub carries compiled catalogs. Needs no Django settings.
"""

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

# Django ships its own catalogs for Chinese under the script subtag; COP Hub's language code is
# plain `zh`, for which Django finds none. Their messages (form errors, the admin) are merged into
# the core app's `zh` catalog so that Chinese pages have no English left in them.
DJANGO_CATALOGS_FOR = {"zh": "zh_Hans"}


def _read(path: Path, locale: str) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def _django_catalogs(django_locale: str, domain: str = "django") -> list[Path]:
    import django

    root = Path(django.__file__).parent
    return sorted(root.glob(f"conf/locale/{django_locale}/LC_MESSAGES/{domain}.po")) + sorted(
        root.glob(f"contrib/*/locale/{django_locale}/LC_MESSAGES/{domain}.po")
    )


def _merge_django(catalog: Catalog, django_locale: str, domain: str = "django") -> None:
    for path in _django_catalogs(django_locale, domain):
        for message in _read(path, catalog.locale_identifier):
            if not (message.id and message.string) or message.fuzzy:
                continue
            if catalog.get(message.id, context=message.context) is None:
                catalog[message.id] = message


def compile_catalogs(package_dir: Path) -> int:
    """Write a .mo beside every app's .po under `package_dir` (the `cophub` folder)."""
    count = 0
    for po_path in sorted(package_dir.glob("*/locale/*/LC_MESSAGES/django.po")):
        app, locale = po_path.parents[3].name, po_path.parents[1].name
        catalog = _read(po_path, locale)
        if app == "core" and locale in DJANGO_CATALOGS_FOR:
            _merge_django(catalog, DJANGO_CATALOGS_FOR[locale])
        with open(po_path.with_suffix(".mo"), "wb") as mo_file:
            write_mo(mo_file, catalog)
        count += 1
    for locale, django_locale in DJANGO_CATALOGS_FOR.items():
        # The admin's JavaScript strings ("0 of 3 selected"), served by the admin site's
        # JavaScript catalog from the core app (cophub.core.admin_site).
        javascript = Catalog(locale=locale)
        _merge_django(javascript, django_locale, domain="djangojs")
        folder = package_dir / "core" / "locale" / locale / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "djangojs.mo", "wb") as mo_file:
            write_mo(mo_file, javascript)
        count += 1
    return count
