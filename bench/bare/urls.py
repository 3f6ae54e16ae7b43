from django.http import HttpResponse
from django.urls import path

# A small HTML page, built once: what the framework costs to route a request and answer it.
PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Bare</title></head>"
    "<body><h1>Bare Django</h1><p>One view, no middleware.</p></body></html>"
)


def bare(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", bare)]
