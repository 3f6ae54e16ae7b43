"""Addresses under /{lang}/ (see URLS.md)."""

app_name = "statistics"
urlpatterns = []
