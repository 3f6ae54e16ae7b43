"""Phone numbers in one canonical form, checked with phonenumbers (Google's libphonenumber data).

A full number is stored in E.164 (`+441234567890`). A national short code (`116111`, `1098`) is
stored as its digits together with the countries where it works, because it means nothing
outside them (ITU-T E.1100 lists such numbers; 116 111 is harmonised in Europe). A short code is
accepted where libphonenumber says it is a possible short number for each of those countries:
its "valid" list lags behind the child helpline codes that regulators assign.

Some child helplines have short numbers libphonenumber does not know at all (Morocco's 2511,
Cambodia's 1280). Such a number is accepted only from an entry whose public source quotes it
(the source's name carries the digits), with 3 to 6 digits, not starting with 0, and working in
the service's own country alone: it is stored as written and dialled as written (`tel:2511`),
and the finder says it works only from a phone in that country. Nothing is guessed: a short
number that no source quotes is refused.
"""

import re

import phonenumbers
from django.utils.translation import gettext as _
from phonenumbers import shortnumberinfo

from cophub.core.errors import DomainError

_SEPARATORS = re.compile(r"[\s\-./()\u00a0]")


_SOURCED_SHORT = re.compile(r"[1-9]\d{2,5}")


def quoted_by(source: str, digits: str) -> bool:
    """The source's name quotes the number (in any grouping: "116 111", "116111")."""
    text = re.sub(r"[\s\-.\u00a0]", "", source or "")
    return re.search(rf"(?<!\d){re.escape(digits)}(?!\d)", text) is not None


def canonical_number(
    raw: str, *, country: str | None, works_in: list[str], source: str = ""
) -> tuple[str, list[str]]:
    """The number in canonical form and the countries a short code works in; DomainError if the
    number is not valid for its country. `source` is the name of the entry's public source: a
    national short number libphonenumber does not know is accepted when the source quotes it."""
    text = _SEPARATORS.sub("", raw or "")
    if not text:
        raise DomainError(_("Enter a number."), field="value")
    if text.startswith("00"):
        text = "+" + text[2:]
    if not re.fullmatch(r"\+?\d{2,17}", text):
        raise DomainError(
            _("“%(number)s” is not a phone number: use digits only.") % {"number": raw},
            field="value",
        )
    if text.startswith("+"):
        return _full_number(text, None, raw), []
    regions = [code.upper() for code in works_in] or ([country] if country else [])
    if not regions:
        raise DomainError(
            _("Say in which countries the short code %(number)s works.") % {"number": raw},
            field="works_in",
        )
    try:
        parsed = phonenumbers.parse(text, regions[0])
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), []
    if (
        regions == [country]
        and _SOURCED_SHORT.fullmatch(text)
        and quoted_by(source, text)
        and not _known_short(text, country)
    ):
        return text, regions
    for region in regions:
        try:
            short = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            short = None
        if short is None or not shortnumberinfo.is_possible_short_number_for_region(short, region):
            raise DomainError(
                _("%(number)s is not a valid number or short code in %(country)s.")
                % {"number": raw, "country": region},
                field="value",
            )
    return text, regions


def _known_short(text: str, region: str) -> bool:
    try:
        short = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return shortnumberinfo.is_possible_short_number_for_region(short, region)


def _full_number(text: str, region: str | None, raw: str) -> str:
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise DomainError(
            _("%(number)s is not a valid international number.") % {"number": raw},
            field="value",
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def display_number(value: str) -> str:
    """How a child reads the number: international format, or a short code in groups of three."""
    if value.startswith("+"):
        try:
            parsed = phonenumbers.parse(value, None)
        except phonenumbers.NumberParseException:
            return value
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if len(value) == 6:
        return f"{value[:3]} {value[3:]}"
    return value
