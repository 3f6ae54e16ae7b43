"""Translation helpers: translated model fields with a visible fallback, CLDR formatting."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from django.conf import settings
from django.utils import timezone, translation

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class TranslatedValue:
    text: str
    language: str
    is_fallback: bool

    def __str__(self):
        return self.text


def translated_value(obj, field: str, language: str | None = None) -> TranslatedValue:
    """The field in the language asked for, else in the record's original language, else any.

    Records written in one language and translated later keep an `original_language`; a reader
    who asks for a language not done yet gets the original, marked as such by the caller.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    order = [
        language,
        getattr(obj, "original_language", None),
        settings.LANGUAGE_CODE,
        *LANGUAGE_CODES,
    ]
    for candidate in dict.fromkeys(code for code in order if code):
        text = getattr(obj, f"{field}_{candidate}", None)
        if text:
            return TranslatedValue(text, candidate, candidate != language)
    return TranslatedValue("", language, False)


def translations_of(obj, field: str) -> dict[str, str]:
    """Every language's text of a translated field, empty strings left out."""
    return {code: text for code in LANGUAGE_CODES if (text := getattr(obj, f"{field}_{code}", ""))}


def _locale() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def format_date(value: date | datetime | None, fmt: str = "long") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return babel_dates.format_datetime(timezone.localtime(value), fmt, locale=_locale())
    return babel_dates.format_date(value, fmt, locale=_locale())


def format_in_zone(value: datetime | None, zone: str) -> str:
    """A moment as its day and time (without seconds) in the named time zone, in the page's
    language: a consultation that opens at 06:00 in Geneva says 06:00, whatever the server's
    zone."""
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(zone))
    locale = _locale()
    return (
        babel_dates.get_datetime_format("medium", locale=locale)
        .replace("{1}", babel_dates.format_date(local, "medium", locale=locale))
        .replace("{0}", babel_dates.format_time(local, "short", locale=locale))
    )


def zone_city(zone: str) -> str:
    """The name of a time zone's city in the page's language, from CLDR ("Zurich", "زيورخ",
    "苏黎世"), as people name a zone ("Zurich time")."""
    return babel_dates.get_timezone_location(zone, locale=_locale(), return_city=True)


def language_name(code: str) -> str:
    """A language's name in the page's language, from CLDR ("الإنجليزية" for en on an Arabic
    page): settings.LANGUAGES name each language in itself, for the language menu only."""
    return Locale.parse(_locale()).languages.get(code, code)


def format_number(value, decimals: int | None = None) -> str:
    if value is None:
        return ""
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=_locale())
    return babel_numbers.format_decimal(
        value, format=f"#,##0.{'0' * decimals}" if decimals else "#,##0", locale=_locale()
    )


def format_list(items, style: str = "standard") -> str:
    """Items joined as the page's language joins a list (CLDR): "A, B and C", "A وB وC"."""
    return babel_lists.format_list([str(item) for item in items], style=style, locale=_locale())


def list_separators(count: int, style: str = "standard") -> list[str]:
    """What stands after each of `count` items of a list in the page's language (CLDR): for
    three items ", ", ", and ", "" in English; " و", " و", "" in Arabic; "、", "和", "" in Chinese.
    For a list whose items a template draws one by one (each a link, say)."""
    if count < 1:
        return []
    marks = [f"\ue000{index}\ue001" for index in range(count)]
    pieces = re.split("\ue000\\d+\ue001", format_list(marks, style))
    return pieces[1:]
