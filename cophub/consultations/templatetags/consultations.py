from django import template
from django.utils.translation import gettext as _

from cophub.consultations import charts

register = template.Library()


@register.simple_tag
def bar_chart(cells, title):
    return charts.bar_chart(cells, title=title)


@register.filter
def dimension_label(dimension):
    return {
        "age_band": _("By age"),
        "sex": _("By sex"),
        "country": _("By country"),
        "region": _("By ITU region"),
    }.get(dimension, dimension)
