"""Addresses under /{lang}/ (see URLS.md)."""

app_name = "resources"
urlpatterns = []
