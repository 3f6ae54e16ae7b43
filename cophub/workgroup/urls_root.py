"""Addresses without a language prefix (see URLS.md): machine-read, cited by other tools."""

from django.urls import path

from cophub.core.pagecache import public_page

from . import feeds

# What the feeds show: the registry (and the meetings it is grouped by).
kept = public_page("workgroup", "core")

app_name = "workgroup-root"
urlpatterns = [
    path("feeds/documents.atom", kept(feeds.DocumentFeed()), name="documents-feed"),
    path("feeds/meetings.ics", kept(feeds.meetings_calendar), name="meetings-calendar"),
    path("feeds/meetings/<str:code>/documents.atom", kept(feeds.MeetingDocumentFeed()), name="meeting-feed"),
    path("feeds/types/<str:document_type>/documents.atom", kept(feeds.TypeDocumentFeed()), name="type-feed"),
    path("feeds/<str:group>/documents.atom", kept(feeds.GroupDocumentFeed()), name="group-feed"),
]  # fmt: skip
