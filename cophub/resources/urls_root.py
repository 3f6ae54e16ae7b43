"""Addresses without a language prefix (see URLS.md): machine-read, cited by other tools."""

app_name = "resources-root"
urlpatterns = []
