"""Addresses without a language prefix (see URLS.md): machine-read, cited by other tools."""

from django.urls import path

from cophub.core.pagecache import public_page

from . import feeds, oai

app_name = "resources-root"
urlpatterns = [
    path("oai", oai.endpoint, name="oai"),
    path(
        "feeds/resources.atom",
        public_page("resources", "core")(feeds.NewResourcesFeed()),
        name="feed",
    ),
]
