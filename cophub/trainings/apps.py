from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "cophub.trainings"
    label = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        from . import registrations

        registrations.register_all()
