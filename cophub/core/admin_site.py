from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.views.i18n import JavaScriptCatalog

# Checks a signed-in staff user must also pass to open the admin, registered by the apps that own
# them from their AppConfig.ready() (accounts: two-step sign-in), so that core imports none of them.
_access_checks: list[Callable[[Any], bool]] = []


def require_for_admin(check: Callable[[Any], bool]) -> None:
    """Open the admin only to users for whom `check(user)` is true as well."""
    if check not in _access_checks:
        _access_checks.append(check)


class CopHubAdminSite(admin.AdminSite):
    """Django's admin site, with its JavaScript strings also looked up in the core app, which
    carries them for `zh` (Django ships them only under `zh_Hans`), open only to users who pass
    every registered access check; with none registered, it is open to no one."""

    def has_permission(self, request):
        return (
            super().has_permission(request)
            and bool(_access_checks)
            and all(check(request.user) for check in _access_checks)
        )

    def i18n_javascript(self, request, extra_context=None):
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "cophub.core"])(request)


class CopHubAdminConfig(AdminConfig):
    default_site = "cophub.core.admin_site.CopHubAdminSite"
