from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
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


@register.filter
def isolate(value):
    """The text in a <bdi>: a run whose direction may differ from the page's (a name, an
    acronym, a note in another language) neither takes nor gives order to its neighbours."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def list_join(items, style="standard"):
    """Items joined as the page's language joins a list (CLDR, through Babel), each isolated:
    "Kenya, UNICEF and Brazil" in English, "كينيا وUNICEF والبرازيل" in Arabic."""
    items = [item for item in items if item not in (None, "")]
    marks = [f"\ue000{index}\ue001" for index in range(len(items))]
    joined = conditional_escape(i18n.format_list(marks, style))
    for mark, item in zip(marks, items, strict=True):
        joined = joined.replace(mark, str(isolate(item)), 1)
    return mark_safe(joined)  # noqa: S308 - the pattern and every item are escaped above


@register.simple_tag
def list_separator(forloop, before=0, after=0):
    """What follows this item of a list drawn by a {% for %} loop, as the page's language joins
    a list (CLDR): ", " or ", and " in English, " و" in Arabic, "、" or "和" in Chinese; nothing
    after the last. `before` and `after` count the items of the same list that other loops draw
    before and after this one (countries, then organisations)."""
    index = before + forloop["counter0"]
    count = before + forloop["counter0"] + forloop["revcounter"] + after
    return i18n.list_separators(count)[index]


@register.simple_tag
def list_of(*parts):
    """`list_join` of several lists and single items in a row: each record as its name, e.g.
    {% list_of document.countries.all document.organisations.all %}."""
    items = []
    for part in parts:
        if isinstance(part, str):
            items.append(part)
        else:
            items += [getattr(item, "acronym", "") or str(item) for item in part]
    return list_join(items)
