from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("mandate/", views.mandate_list, name="mandate"),
    path("mandate/<str:slug>/", views.mandate_detail, name="mandate-paragraph"),
]
