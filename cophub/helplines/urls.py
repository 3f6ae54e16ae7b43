"""Addresses under /{lang}/ (see URLS.md)."""

app_name = "helplines"
urlpatterns = []
