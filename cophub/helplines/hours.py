"""Weekly opening hours: the text form used in imports, "open now", and what a child reads.

The text form is language-neutral: `mo-fr 08:00-20:00, sa 10:00-14:00`, or `24/7`. An opening
past midnight is written as two (`fr 22:00-24:00, sa 00:00-02:00`) so that every opening ends
after it starts. "Open now" is computed in the channel's own time zone, whatever the reader's.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, available_timezones

from babel import dates as babel_dates
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from cophub.core.errors import DomainError
from cophub.core.i18n import format_list

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
MIDNIGHT_END = datetime.time(23, 59, 59)
_OPENING = re.compile(
    r"^(?P<first>[a-z]{2})(?:-(?P<last>[a-z]{2}))?\s+(?P<opens>\d{1,2}:\d{2})-(?P<closes>\d{1,2}:\d{2})$"
)


@dataclass(frozen=True)
class Opening:
    weekday: int
    opens: datetime.time
    closes: datetime.time


def check_timezone(name: str) -> ZoneInfo:
    if name not in _timezones():
        raise DomainError(
            _("“%(zone)s” is not a known time zone (use a name such as Africa/Nairobi).")
            % {"zone": name},
            field="timezone",
        )
    return ZoneInfo(name)


def _timezones() -> set[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = available_timezones() | {"UTC"}
    return _ZONES


_ZONES: set[str] | None = None


def _time(text: str) -> datetime.time:
    hours, minutes = (int(part) for part in text.split(":"))
    if (hours, minutes) == (24, 0):
        return MIDNIGHT_END
    if hours > 23 or minutes > 59:
        raise DomainError(_("“%(time)s” is not a time of day.") % {"time": text}, field="hours")
    return datetime.time(hours, minutes)


def parse_hours(text: str) -> tuple[bool, list[Opening]]:
    """(always open, openings) from the text form; DomainError on a wrong, reversed or
    overlapping opening."""
    text = (text or "").strip().lower()
    if text in ("24/7", "24h"):
        return True, []
    if not text:
        return False, []
    openings = []
    for part in (piece.strip() for piece in text.split(",")):
        match = _OPENING.match(part)
        if not match or match["first"] not in DAYS or (match["last"] or "mo") not in DAYS:
            raise DomainError(
                _("“%(part)s” is not understood: write days and hours as in “mo-fr 08:00-20:00”.")
                % {"part": part},
                field="hours",
            )
        opens, closes = _time(match["opens"]), _time(match["closes"])
        if closes <= opens:
            raise DomainError(
                _("In “%(part)s” the hours end before they start.") % {"part": part},
                field="hours",
            )
        first = DAYS.index(match["first"])
        last = DAYS.index(match["last"]) if match["last"] else first
        if last < first:
            raise DomainError(
                _("In “%(part)s” the days run backwards.") % {"part": part}, field="hours"
            )
        openings += [Opening(day, opens, closes) for day in range(first, last + 1)]
    check_no_overlap(openings)
    return False, openings


def check_no_overlap(openings) -> None:
    by_day = sorted(openings, key=lambda o: (o.weekday, o.opens))
    for before, after in zip(by_day, by_day[1:], strict=False):
        if before.weekday == after.weekday and after.opens < before.closes:
            raise DomainError(
                _("The hours on %(day)s overlap.") % {"day": day_name(before.weekday)},
                field="hours",
            )


def format_hours_text(always_open: bool, openings) -> str:
    """The language-neutral text form (as imported and exported)."""
    if always_open:
        return "24/7"
    groups = _group_days(openings)
    return ", ".join(
        (DAYS[first] if first == last else f"{DAYS[first]}-{DAYS[last]}")
        + f" {_clock(opens)}-{_clock(closes)}"
        for first, last, opens, closes in groups
    )


def _clock(value: datetime.time) -> str:
    return "24:00" if value == MIDNIGHT_END else value.strftime("%H:%M")


def _group_days(openings) -> list[tuple[int, int, datetime.time, datetime.time]]:
    """Consecutive days with the same single opening, as (first, last, opens, closes)."""
    groups = []
    for opening in sorted(openings, key=lambda o: (o.opens, o.weekday)):
        last = groups[-1] if groups else None
        if (
            last
            and last[2] == opening.opens
            and last[3] == opening.closes
            and last[1] + 1 == opening.weekday
        ):
            groups[-1] = (last[0], opening.weekday, opening.opens, opening.closes)
        else:
            groups.append((opening.weekday, opening.weekday, opening.opens, opening.closes))
    return sorted(groups)


def day_name(weekday: int, width: str = "wide") -> str:
    locale = translation.get_language() or settings.LANGUAGE_CODE
    return babel_dates.get_day_names(width, locale=locale)[weekday]


def describe_hours(always_open: bool, openings, timezone: str) -> str:
    """What a child reads: "Open 24 hours, every day" or "Mon–Fri 08:00–20:00 (Africa/Nairobi time)"."""
    if always_open:
        return _("Open 24 hours, every day")
    if not openings:
        return ""
    parts = []
    for first, last, opens, closes in _group_days(openings):
        days = (
            day_name(first, "abbreviated")
            if first == last
            else f"{day_name(first, 'abbreviated')}–{day_name(last, 'abbreviated')}"
        )
        parts.append(f"{days} {_clock(opens)}–{_clock(closes)}")
    return _("%(hours)s (time in %(zone)s)") % {"hours": format_list(parts), "zone": timezone}


def is_open(always_open: bool, openings, timezone: str, now: datetime.datetime) -> bool | None:
    """Open at the moment `now` (aware), in the channel's own time zone; None when the hours are
    not known."""
    if always_open:
        return True
    if not openings:
        return None
    local = now.astimezone(ZoneInfo(timezone))
    moment, weekday = local.time().replace(tzinfo=None), local.weekday()
    return any(
        o.weekday == weekday
        and o.opens <= moment
        and (moment < o.closes or o.closes == MIDNIGHT_END)
        for o in openings
    )
