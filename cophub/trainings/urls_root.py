"""Addresses without a language prefix (see URLS.md): machine-read, cited by other tools."""

from django.urls import path

from cophub.core.pagecache import public_page

from . import feeds

kept = public_page("trainings", "core")

app_name = "trainings-root"
urlpatterns = [
    path("feeds/trainings.atom", kept(feeds.TrainingFeed()), name="feed"),
    path("feeds/trainings.ics", kept(feeds.trainings_calendar), name="calendar"),
]
