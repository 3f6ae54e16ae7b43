from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _load_topics(sender, using, apps=None, **kwargs):
    """After every migrate and flush, as core loads its reference data."""
    from django.apps import apps as installed_apps

    from .vocabulary import load_topics

    with transaction.atomic(using=using):  # one commit, not one per row
        load_topics(apps or installed_apps, using=using)


class CoordinationConfig(AppConfig):
    name = "cophub.coordination"
    label = "coordination"
    verbose_name = _("Coordination")

    def ready(self):
        from . import registrations

        post_migrate.connect(_load_topics, sender=self, dispatch_uid="cophub.coordination.topics")
        registrations.register_all()
