"""Addresses without a language prefix (see URLS.md): machine-read, cited by other tools.

SDMX 2.1 REST (structures also under /sdmx/rest/structure/, as some clients write them): /sdmx/rest/{dataflow|datastructure|codelist|conceptscheme}/{agency}/{id}/{version},
/sdmx/rest/data/{flow}/{key}/{provider} and /sdmx/rest/availableconstraint/{flow}/{key}. Clients
write these addresses with or without a final slash; both answer.
"""

from django.conf import settings
from django.urls import path, re_path

from . import views

app_name = "statistics-root"
PART = r"[^/]+"
urlpatterns = [
    re_path(
        rf"^sdmx/rest/(?:structure/)?(?P<resource>dataflow|datastructure|codelist|conceptscheme)"
        rf"(?:/(?P<agency>{PART})(?:/(?P<resource_id>{PART})(?:/(?P<version>{PART}))?)?)?/?$",
        views.sdmx_structure,
        name="sdmx-structure",
    ),
    re_path(
        rf"^sdmx/rest/data/(?P<flow>{PART})(?:/(?P<key>[^/]*)(?:/(?P<provider>{PART}))?)?/?$",
        views.sdmx_data,
        name="sdmx-data",
    ),
    re_path(
        rf"^sdmx/rest/availableconstraint/(?P<flow>{PART})"
        rf"(?:/(?P<key>[^/]*)(?:/(?P<provider>{PART})(?:/(?P<component>{PART}))?)?)?/?$",
        views.sdmx_availability,
        name="sdmx-availability",
    ),
]
if settings.BENCH_VIEWS:
    urlpatterns.append(path("bench/statistics/aggregate", views.bench_aggregate))
