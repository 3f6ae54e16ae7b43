"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path

from . import views

app_name = "resources"
urlpatterns = [
    path("resources/", views.resource_list, name="list"),
    path("resources/guidelines/", views.guideline_sets, name="guideline-sets"),
    path("resources/guidelines/<slug:code>/", views.guideline_set_parity, name="parity"),
    path("resources/submit/", views.submit, name="submit"),
    path("resources/submissions/", views.submissions, name="submissions"),
    path("resources/submissions/<slug:slug>/", views.resubmit, name="resubmit"),
    path("resources/review/", views.review_queue, name="review-queue"),
    path("resources/review/<slug:slug>/", views.review, name="review"),
    path("resources/<slug:slug>/", views.resource_detail, name="detail"),
    path("resources/<slug:slug>/editions/", views.resource_editions, name="editions"),
    path("resources/<slug:slug>/files/<str:language>", views.version_file, name="file"),
]
