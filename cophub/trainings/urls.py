"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path

from . import views

app_name = "trainings"
urlpatterns = [
    path("trainings/", views.training_list, name="list"),
    path("trainings/new/", views.schedule, name="schedule"),
    path("trainings/<str:slug>/", views.training_detail, name="detail"),
]
