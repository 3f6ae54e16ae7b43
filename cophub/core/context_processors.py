from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from . import navigation


def language_url(request, language: str) -> str:
    """The address of this page in another language, query string kept.

    Where the path does not resolve (an error page), the language prefix is swapped instead.
    """
    current = translation.get_language()
    full_path = request.get_full_path()
    translated = translate_url(full_path, language)
    if translated == full_path and language != current and full_path.startswith(f"/{current}/"):
        return f"/{language}/{full_path[len(current) + 2 :]}"
    return translated


def site(request):
    current = translation.get_language()
    return {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "navigation": navigation.entries(),
        "site_pages": navigation.site_pages(),
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": language_url(request, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
    }
