from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from cophub.core import i18n

register = template.Library()


@register.filter
def ldate(value, fmt="long"):
    """A date or date-time in the page's language, from CLDR."""
    return i18n.format_date(value, fmt)


@register.filter
def lday(value, fmt="medium"):
    """The day of a date-time in the site's time zone, without the time, in the page's language
    (lists of documents say the day; the document's own page gives the time)."""
    if value is None:
        return ""
    return i18n.format_date(timezone.localdate(value), fmt)


@register.filter
def in_zone(value, zone):
    """A date-time's day and time in the time zone named (`zone`), in the page's language."""
    return i18n.format_in_zone(value, zone)


@register.filter
def zone_city(zone):
    """A time zone's city in the page's language ("Zurich" for Europe/Zurich)."""
    return i18n.zone_city(zone)


@register.filter
def language_name(code):
    """A language's name in the page's language ("Anglais" for en on a French page)."""
    return i18n.language_name(code)


@register.filter
def lnumber(value, decimals=None):
    """A number in the page's language, from CLDR."""
    return i18n.format_number(value, None if decimals is None else int(decimals))


@register.simple_tag
def translated(obj, field):
    """A translated field; where it falls back to another language, says so and marks the language."""
    value = i18n.translated_value(obj, field)
    if not value.is_fallback:
        return value.text
    direction = "rtl" if value.language in settings.LANGUAGES_BIDI else "ltr"
    return format_html(
        '<span lang="{}" dir="{}">{}</span> <span class="untranslated">({})</span>',
        value.language,
        direction,
        value.text,
        _("not translated yet"),
    )
