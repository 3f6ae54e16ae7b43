"""The one cleaning step for every text a person typed and COP Hub stores: titles, names,
abstracts, notes, comments, reasons, whether they come through a page, the API or an import.

Removed: control characters other than tab and line breaks (NUL among them: PostgreSQL text
cannot hold it), and the invisible format characters (Unicode category Cf), among them the bidi
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make a stored
"report \u202egnp.exe" read as "report exe.png" ("Trojan Source"), zero-width spaces and byte
order marks. Kept: the zero-width joiner and non-joiner, which Arabic, Persian and emoji need to
be written correctly, and the plain direction marks (LRM, RLM, ALM), which only tell a neutral
character which way it goes and cannot reverse text. Then the text is put in Unicode's composed
form (NFC), so that the same word is stored one way.

It runs on every save of a COP Hub model (`clean_model_text`, connected in CoreConfig.ready):
every write path, forms, the API, imports, the admin and the demo loaders, ends in a save, so
none can forget it, and a new one cannot either. The youth consultations refuse direction
controls in an answer before this runs, to tell the young person (see consultations/services.py).
"""

import unicodedata

from django.db import models

KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}
KEPT_CONTROLS = {"\t", "\n", "\r"}
# Rows that must stay byte for byte as written: the sealed audit log.
EXEMPT_APPS = {"audit"}


def _kept(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cc":
        return char in KEPT_CONTROLS
    if category == "Cf":
        return char in KEPT_FORMAT_CHARACTERS
    return category != "Cs"


def clean_typed_text(text: str) -> str:
    """The text without invisible control and format characters, in composed form."""
    if text.isascii() and text.isprintable():
        return text
    return unicodedata.normalize("NFC", "".join(char for char in text if _kept(char)))


def clean_model_text(sender, instance, **kwargs) -> None:
    """pre_save: clean every text field of a COP Hub model before it is written."""
    meta = sender._meta
    if not sender.__module__.startswith("cophub.") or meta.app_label in EXEMPT_APPS:
        return
    stored = instance.__dict__
    for field in meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            # The raw value, not the attribute: modeltranslation's attribute for a translated
            # field reads another language's text as a fallback and writes the active one's.
            value = stored.get(field.attname)
            if isinstance(value, str):
                cleaned = clean_typed_text(value)
                if cleaned != value:
                    stored[field.attname] = cleaned
