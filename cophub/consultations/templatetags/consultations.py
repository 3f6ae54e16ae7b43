from django import template
from django.utils.translation import gettext as _

from cophub.core import charts
from cophub.core.i18n import format_number

register = template.Library()


@register.simple_tag
def bar_chart(cells, title):
    """The answers to one question as bars; a count too small to publish shows as "<5"."""
    bars = [
        charts.Bar(
            cell.label, cell.count or 0, "<5" if cell.count is None else format_number(cell.count)
        )
        for cell in cells
    ]
    return charts.bar_chart(bars, title=title)


@register.filter
def dimension_label(dimension):
    return {
        "age_band": _("By age"),
        "sex": _("By sex"),
        "country": _("By country"),
        "region": _("By ITU region"),
    }.get(dimension, dimension)
