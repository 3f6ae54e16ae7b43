from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from . import navigation


def site(request):
    current = translation.get_language()
    return {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "navigation": navigation.entries(),
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": translate_url(request.path, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
    }
