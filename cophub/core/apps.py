from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
