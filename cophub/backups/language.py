from django.conf import settings
from django.utils import translation


def activate_operator_language() -> None:
    """Speak the language of the operator's locale (LC_ALL, LC_MESSAGES, LANG) when the site
    offers it; English otherwise."""
    import os

    codes = {code for code, _name in settings.LANGUAGES}
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split("_", 1)[0].split(".", 1)[0].lower()
            translation.activate(code if code in codes else settings.LANGUAGE_CODE)
            return
    translation.activate(settings.LANGUAGE_CODE)
