"""Addresses under /{lang}/ (see URLS.md)."""

from django.urls import path

from . import views

app_name = "consultations"
urlpatterns = [
    path("safeguarding/", views.disclosures, name="disclosures"),
    path("safeguarding/contacts/", views.safeguarding_contacts, name="safeguarding-contacts"),
    path("safeguarding/<int:pk>/", views.disclosure, name="disclosure"),
    path("consultations/", views.consultation_list, name="list"),
    path("consultations/<slug:slug>/", views.consultation_detail, name="detail"),
    path("consultations/<slug:slug>/take-part/", views.take_part, name="take-part"),
    path("consultations/<slug:slug>/questions/", views.questions, name="questions"),
    path("consultations/<slug:slug>/preview/", views.preview, name="preview"),
    path("consultations/<slug:slug>/qr.svg", views.qr_code, name="qr"),
    path("consultations/<slug:slug>/results/", views.results, name="results"),
    path("consultations/<slug:slug>/results.csv", views.results_csv, name="results-csv"),
    path("consultations/<slug:slug>/results.xlsx", views.results_xlsx, name="results-xlsx"),
    path("consultations/<slug:slug>/summary.pdf", views.summary_pdf, name="summary-pdf"),
]
