"""The site's main navigation, to which each module adds its own entries.

`core` depends on no other app, so the other apps register here from their AppConfig.ready().
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str  # a lazy translation
    order: int
    description: str = ""  # a lazy translation, shown on the home page

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_entries: dict[str, NavEntry] = {}


def register(entry: NavEntry) -> None:
    _entries[entry.url_name] = entry


def entries() -> list[NavEntry]:
    return sorted(_entries.values(), key=lambda entry: entry.order)


# The pages every footer links to, each written in the six languages
# (core/templates/core/pages/<page>/<language>.html).
SITE_PAGES = {
    "privacy": _("Privacy notice"),
    "accessibility": _("Accessibility statement"),
    "contact": _("Contact"),
    "terms": _("Terms of use"),
}


def site_pages() -> list[dict]:
    return [
        {"name": name, "title": title, "url": reverse(f"core:{name}")}
        for name, title in SITE_PAGES.items()
    ]
