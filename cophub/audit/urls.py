from django.urls import path

from cophub.audit import views

app_name = "audit"
urlpatterns = [
    path("audit/", views.entry_list, name="entries"),
    path("audit/export.<str:file_format>", views.export, name="export"),
]
