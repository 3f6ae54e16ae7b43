from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


def _load_reference_data(sender, using, apps=None, **kwargs):
    """After every migrate (and the flush between transactional tests), as contenttypes and
    permissions do: the data files are the truth, loaded with the models as they are now."""
    from django.apps import apps as installed_apps

    from .reference import load_reference_data

    with transaction.atomic(using=using):  # one commit, not one per row
        load_reference_data(apps or installed_apps, using=using)


class CoreConfig(AppConfig):
    name = "cophub.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self):
        # COP Hub's code for Chinese is plain `zh`, as the UN writes it; Django knows only the
        # script-tagged codes (zh-hans), so tell it what `zh` is.
        from django.conf.locale import LANG_INFO

        LANG_INFO.setdefault(
            "zh", {"bidi": False, "code": "zh", "name": "Chinese", "name_local": "中文"}
        )
        from . import pagecache

        pagecache.watch_project_apps()
        post_migrate.connect(
            _load_reference_data, sender=self, dispatch_uid="cophub.core.reference"
        )
        from .typed_text import clean_model_text

        # Storage hygiene, not a business rule: one place that every write passes (typed_text).
        pre_save.connect(clean_model_text, dispatch_uid="cophub.core.typed_text")
