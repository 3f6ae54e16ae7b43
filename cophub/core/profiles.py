"""The country profile page is filled by the modules that own each part, through this interface.

Each module registers one ProfileSection from its AppConfig.ready(). The countries module renders
the sections in order; a section whose `data` is empty is shown with its `empty_message`, so that
a missing part is said plainly rather than hidden. `gaps` returns plain-language gap flags
(e.g. "No data by sex since 2019") that the profile shows together at the top.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Country


@dataclass(frozen=True)
class ProfileSection:
    key: str
    title: str  # a lazy translation
    order: int
    template: str  # rendered with {"country": country, "data": data, "section": section}
    data: Callable[[Country], object]  # falsy when the module has nothing for the country
    empty_message: str  # a lazy translation, e.g. "No helpline is listed for this country yet."
    gaps: Callable[[Country], list[str]] | None = None


_sections: dict[str, ProfileSection] = {}


def register_section(section: ProfileSection) -> None:
    _sections[section.key] = section


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


def sections() -> list[ProfileSection]:
    return sorted(_sections.values(), key=lambda section: section.order)
