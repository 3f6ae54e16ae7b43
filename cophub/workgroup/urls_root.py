"""Addresses without a language prefix (see URLS.md): machine-read, cited by other tools."""

from django.urls import path

from . import feeds

app_name = "workgroup-root"
urlpatterns = [
    path("feeds/documents.atom", feeds.DocumentFeed(), name="documents-feed"),
    path("feeds/meetings.ics", feeds.meetings_calendar, name="meetings-calendar"),
    path("feeds/meetings/<str:code>/documents.atom", feeds.MeetingDocumentFeed(), name="meeting-feed"),
    path("feeds/types/<str:document_type>/documents.atom", feeds.TypeDocumentFeed(), name="type-feed"),
    path("feeds/<str:group>/documents.atom", feeds.GroupDocumentFeed(), name="group-feed"),
]  # fmt: skip
