"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path

from . import views

app_name = "trainings"
urlpatterns = [
    path("trainings/", views.training_list, name="list"),
    path("trainings/new/", views.schedule, name="schedule"),
    path("trainings/requests/", views.request_list, name="requests"),
    path("trainings/requests/new/", views.request_training, name="request-new"),
    path("trainings/requests/<int:pk>/", views.request_detail, name="request"),
    path("trainings/<str:slug>/", views.training_detail, name="detail"),
]
