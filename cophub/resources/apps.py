from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _load_vocabulary(sender, using, apps=None, **kwargs):
    """After every migrate and flush, as core loads its reference data."""
    from django.apps import apps as installed_apps

    from .vocabulary import load_vocabulary

    with transaction.atomic(using=using):  # one commit, not one per row
        load_vocabulary(apps or installed_apps, using=using)


class ResourcesConfig(AppConfig):
    name = "cophub.resources"
    label = "resources"
    verbose_name = _("Resources")

    def ready(self):
        from . import registrations

        post_migrate.connect(
            _load_vocabulary, sender=self, dispatch_uid="cophub.resources.vocabulary"
        )
        registrations.register_all()
