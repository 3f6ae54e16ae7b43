from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.views.i18n import JavaScriptCatalog


class CopHubAdminSite(admin.AdminSite):
    """Django's admin site, with its JavaScript strings also looked up in the core app, which
    carries them for `zh` (Django ships them only under `zh_Hans`), open only to sessions that
    have passed two-step sign-in (as django-otp's OTPAdminSite requires)."""

    def has_permission(self, request):
        from cophub.accounts.security import is_verified

        return super().has_permission(request) and is_verified(request.user)

    def i18n_javascript(self, request, extra_context=None):
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "cophub.core"])(request)


class CopHubAdminConfig(AdminConfig):
    default_site = "cophub.core.admin_site.CopHubAdminSite"
