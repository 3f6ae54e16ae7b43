"""Addresses without a language prefix (see URLS.md): machine-read, cited by other tools."""

from django.urls import path

from . import views

app_name = "helplines-root"
urlpatterns = [
    path("embed/help/<str:iso2>/", views.embed, name="embed"),
]
