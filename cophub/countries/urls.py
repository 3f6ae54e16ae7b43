"""Addresses under /{lang}/ (see URLS.md)."""

app_name = "countries"
urlpatterns = []
