"""Addresses under /{lang}/ (see URLS.md): /{lang}/coordination/ is the activity register."""

from django.urls import path

from . import views

app_name = "coordination"
urlpatterns = [
    path("coordination/", views.register, name="register"),
    path("coordination/add/", views.add_activity, name="add"),
    path("coordination/timeline/", views.timeline, name="timeline"),
    path("coordination/organisations/", views.organisation_list, name="organisations"),
    path("coordination/organisations/<slug:code>/", views.organisation_detail, name="organisation"),
    path("coordination/topics/", views.topic_list, name="topics"),
    path("coordination/topics/<slug:code>/", views.topic_detail, name="topic"),
    path("coordination/<slug:slug>/", views.activity_detail, name="activity"),
    path("coordination/<slug:slug>/edit/", views.edit_activity, name="edit"),
    path("coordination/<slug:slug>/overlaps/", views.overlaps, name="overlaps"),
]
