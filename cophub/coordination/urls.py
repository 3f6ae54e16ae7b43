"""Addresses under /{lang}/ (see URLS.md)."""

app_name = "coordination"
urlpatterns = []
