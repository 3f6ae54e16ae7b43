"""Sections of the reports to Council, contributed by each module.

The working group's yearly report and draft final report (Council Resolution 1306) gather, besides
the group's own meetings and documents, what other modules did in the period: youth consultations
held and their participation, coordination with other organisations, and so on. A module registers
a ReportSection from its AppConfig.ready(); the report calls `blocks()` in the report's language
(inside translation.override) and renders the blocks as HTML, PDF and DOCX.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ReportParagraph:
    text: str


@dataclass(frozen=True)
class ReportTable:
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]  # str, int, float or date; the report formats by locale


ReportBlock = ReportParagraph | ReportTable


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str  # a lazy translation
    order: int
    blocks: Callable[[datetime.date, datetime.date], list[ReportBlock]]  # period start, end


_sections: dict[str, ReportSection] = {}


def register_section(section: ReportSection) -> None:
    _sections[section.key] = section


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


def sections() -> list[ReportSection]:
    return sorted(_sections.values(), key=lambda section: section.order)
