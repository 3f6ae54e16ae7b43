"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path

from . import views

app_name = "countries"
urlpatterns = [
    path("countries/", views.country_list, name="list"),
    path("countries/compare/", views.compare, name="compare"),
    path("countries/compare.csv", views.compare_csv, name="compare-csv"),
    path("countries/compare/map.svg", views.compare_map, name="compare-map"),
    path("countries/checklist/", views.checklist, name="checklist"),
    path("countries/proposals/", views.proposal_queue, name="proposals"),
    path("countries/assistance/", views.assistance_list, name="assistance"),
    path("countries/assistance/<int:pk>/", views.assistance_detail, name="assistance-request"),
    path("countries/proposals/<int:pk>/", views.proposal_review, name="proposal-review"),
    path("countries/<str:iso2>/", views.profile, name="profile"),
    path("countries/<str:iso2>/history/", views.history, name="history"),
    path("countries/<str:iso2>/assistance/", views.request_assistance, name="request-assistance"),
    path("countries/<str:iso2>/propose/<str:kind>/", views.propose, name="propose"),
]
