from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cophub.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from cophub.core.admin_site import require_for_admin

        from . import security, signals  # noqa: F401 - signals connects the sign-in receivers

        # As django-otp's OTPAdminSite: the admin opens only to sessions past two-step sign-in.
        require_for_admin(security.is_verified)
