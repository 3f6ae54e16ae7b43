"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path

from . import views

app_name = "helplines"
urlpatterns = [
    path("help/", views.finder, name="finder"),
    path("help/embed/", views.embed_snippet, name="embed-snippet"),
    path("help/export.<str:file_format>", views.export, name="export"),
    path("help/numbers/", views.dedicated_numbers, name="numbers"),
    path("help/manage/", views.manage, name="manage"),
    path("help/manage/numbers/", views.manage_numbers, name="manage-numbers"),
    path("help/manage/import/", views.import_page, name="import"),
    path("help/manage/to-confirm/", views.to_confirm, name="to-confirm"),
    path("help/manage/impact.csv", views.impact, name="impact"),
    path("help/manage/propose/<slug:key>/", views.propose, name="propose"),
    path("help/manage/proposals/<int:pk>/", views.review, name="review"),
    path("help/<str:iso2>/", views.finder_country, name="finder-country"),
    path("help/<str:iso2>/tap/<int:channel_id>/", views.tap, name="tap"),
]
