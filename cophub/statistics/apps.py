from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _seed_core_indicators(sender, using, apps=None, **kwargs):
    """After every migrate (and the flush between transactional tests), as core does for its
    reference data: the core indicators are there in every database."""
    from django.apps import apps as installed_apps

    from .framework import seed_core_indicators

    with transaction.atomic(using=using):  # one commit, not one per row
        seed_core_indicators(apps or installed_apps, using=using)


class StatisticsConfig(AppConfig):
    name = "cophub.statistics"
    label = "statistics"
    verbose_name = _("Statistics")

    def ready(self):
        from . import registration

        post_migrate.connect(
            _seed_core_indicators, sender=self, dispatch_uid="cophub.statistics.indicators"
        )
        registration.register_all()
        _connect_figure_changes()


def _figures_changed(sender, **kwargs):
    from .services import figures_changed

    figures_changed()


def _connect_figure_changes():
    """An edit in the admin to an observation, an indicator or a country's name changes what the
    pages show: raise the data version (submissions raise it themselves)."""
    from django.db.models.signals import post_delete, post_save

    from cophub.core.models import Country

    from .models import Indicator, Observation

    for model in (Observation, Indicator, Country):
        for signal in (post_save, post_delete):
            signal.connect(
                _figures_changed, sender=model, dispatch_uid=f"statistics.figures.{model.__name__}"
            )
