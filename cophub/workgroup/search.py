"""Full-text search of the registry in the six languages.

PostgreSQL: each text is indexed with the stemming of its own language (Arabic, English, French,
Russian, Spanish; Chinese has no stemmer and is indexed as written) and once more unstemmed, and
a query is matched in every language's stemming. Chinese has no spaces between words, so a query
in Chinese characters also matches as a substring. SQLite (development): substring search of the
same text.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet, Value

from cophub.core.i18n import LANGUAGE_CODES

CONFIGS = {
    "ar": "arabic",
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
    "zh": "simple",
}
HAN = re.compile(r"[\u3400-\u9fff]")


def _texts_by_language(document) -> dict[str, list[str]]:
    texts = {code: [] for code in LANGUAGE_CODES}
    for code in LANGUAGE_CODES:
        for field in ("title", "abstract"):
            if value := getattr(document, f"{field}_{code}", ""):
                texts[code].append(value)
    for file in document.files.all():
        if file.text:
            texts[file.language].append(file.text)
    return texts


def refresh(document) -> None:
    """Rebuild the document's searchable text (and, on PostgreSQL, its vector)."""
    texts = _texts_by_language(document)
    everything = "\n".join([document.number, *(text for parts in texts.values() for text in parts)])
    type(document).objects.filter(pk=document.pk).update(search_text=everything)
    if connection.vendor != "postgresql":
        return
    vector = SearchVector(Value(everything), config="simple", weight="B")
    for code, parts in texts.items():
        if parts and CONFIGS[code] != "simple":
            vector = vector + SearchVector(
                Value("\n".join(parts)), config=CONFIGS[code], weight="A"
            )
    type(document).objects.filter(pk=document.pk).update(search_vector=vector)


def vector_for_bulk(texts: dict[str, str]):
    """The same vector for bulk loads (demo data, bench): `texts` maps language to text."""
    everything = "\n".join(texts.values())
    vector = SearchVector(Value(everything), config="simple", weight="B")
    for code, text in texts.items():
        if text and CONFIGS[code] != "simple":
            vector = vector + SearchVector(Value(text), config=CONFIGS[code], weight="A")
    return vector


def search(queryset: QuerySet, query: str) -> QuerySet:
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        condition = Q()
        for word in query.split():
            condition &= Q(search_text__icontains=word)
        return queryset.filter(condition)
    tsquery = SearchQuery(query, config="simple", search_type="websearch")
    for config in sorted(set(CONFIGS.values()) - {"simple"}):
        tsquery = tsquery | SearchQuery(query, config=config, search_type="websearch")
    condition = Q(search_vector=tsquery)
    if HAN.search(query):
        condition |= Q(search_text__contains=query)
    return queryset.filter(condition).annotate(rank=SearchRank(F("search_vector"), tsquery))
