from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _load_checklist(sender, using, apps=None, **kwargs):
    """After every migrate and every flush between transactional tests, as core does."""
    from django.apps import apps as installed_apps

    from .checklist import load_checklist

    with transaction.atomic(using=using):  # one commit, not one per row
        load_checklist(apps or installed_apps, using=using)


class CountriesConfig(AppConfig):
    name = "cophub.countries"
    label = "countries"
    verbose_name = _("Countries")

    def ready(self):
        from . import registrations

        post_migrate.connect(
            _load_checklist, sender=self, dispatch_uid="cophub.countries.checklist"
        )
        registrations.register_all()
