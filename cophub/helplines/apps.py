from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplinesConfig(AppConfig):
    name = "cophub.helplines"
    label = "helplines"
    verbose_name = _("Helplines")
