"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path, re_path

from . import views

app_name = "statistics"
CODE = r"(?P<code>[A-Z][A-Z0-9_]*)"
urlpatterns = [
    path("statistics/", views.index, name="index"),
    path("statistics/submit/", views.submit, name="submit"),
    re_path(rf"^statistics/{CODE}/$", views.indicator_detail, name="indicator"),
    re_path(rf"^statistics/{CODE}/data\.csv$", views.download_csv, name="download-csv"),
    re_path(rf"^statistics/{CODE}/data\.json$", views.download_json, name="download-json"),
]
