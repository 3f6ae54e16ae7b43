from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from cophub.accounts import views as accounts_views
from cophub.api import api
from cophub.core import views as core_views

urlpatterns = [
    # /healthz is answered by core.middleware.healthz_middleware, before the host check.
    path("api/v1/", api.urls),
    # Machine-read addresses without a language prefix: feeds, OAI-PMH, the embeddable finder, SDMX.
    path("", include("cophub.workgroup.urls_root")),
    path("", include("cophub.resources.urls_root")),
    path("", include("cophub.helplines.urls_root")),
    path("", include("cophub.statistics.urls_root")),
    path("", include("cophub.trainings.urls_root")),
]
if settings.BENCH_VIEWS:
    urlpatterns.append(path("bench/bare", core_views.bench_bare))

urlpatterns += i18n_patterns(
    path("", include("cophub.core.urls")),
    # Named without a namespace: Django's LOGIN_URL and the admin look for "login".
    path("accounts/login/", accounts_views.LoginView.as_view(), name="login"),
    path("accounts/", include("cophub.accounts.urls")),
    path("", include("cophub.workgroup.urls")),
    path("", include("cophub.consultations.urls")),
    path("", include("cophub.resources.urls")),
    path("", include("cophub.helplines.urls")),
    path("", include("cophub.countries.urls")),
    path("", include("cophub.statistics.urls")),
    path("", include("cophub.coordination.urls")),
    path("", include("cophub.trainings.urls")),
    path("", include("cophub.audit.urls")),
    path("admin/", admin.site.urls),
)

handler400 = "cophub.core.views.bad_request"
handler403 = "cophub.core.views.permission_denied"
handler404 = "cophub.core.views.page_not_found"
handler500 = "cophub.core.dbfaults.server_error"
