from django.urls import path

from . import navigation, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    *(
        path(f"{page}/", views.site_page, {"page": page}, name=page)
        for page in navigation.SITE_PAGES
    ),
    path("mandate/", views.mandate_list, name="mandate"),
    path("mandate/<str:slug>/", views.mandate_detail, name="mandate-paragraph"),
]
