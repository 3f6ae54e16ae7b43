"""schema.org JSON-LD embedded in a page, as every module's detail pages do."""

import json

from django.utils.safestring import SafeString, mark_safe

# The three characters that could end the <script> element or start markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_text(data: dict) -> SafeString:
    """JSON safe to stand inside <script type="application/ld+json">: no text can close it."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308 - <, > and & escaped
