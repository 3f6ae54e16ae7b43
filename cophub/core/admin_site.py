from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.views.i18n import JavaScriptCatalog


class CopHubAdminSite(admin.AdminSite):
    """Django's admin site, with its JavaScript strings also looked up in the core app, which
    carries them for `zh` (Django ships them only under `zh_Hans`)."""

    def i18n_javascript(self, request, extra_context=None):
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "cophub.core"])(request)


class CopHubAdminConfig(AdminConfig):
    default_site = "cophub.core.admin_site.CopHubAdminSite"
