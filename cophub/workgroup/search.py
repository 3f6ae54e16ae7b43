"""Full-text search of the registry in the six languages, with core's text analysis (the same as
the repository's search, cophub/core/text.py).

Each text of a document (titles, abstracts, the text of its files) is reduced to terms in its own
language: stemmed (Arabic, English, French, Russian, Spanish), Arabic also without its joined
prepositions, Chinese cut into words by jieba. `search_text` keeps these terms, with the
document's number, and `search_vector` indexes them in PostgreSQL's `simple` configuration. A
query's language is not known: each of its words is looked for in every stemming, and a document
must hold every word.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, QuerySet, Value
from django.db.models.expressions import Combinable

from cophub.core import text
from cophub.core.i18n import LANGUAGE_CODES


def index_text(number: str, texts: dict[str, list[str]]) -> str:
    """The terms to index for a document numbered `number`, from its texts by language."""
    terms = [text.index_terms(number, "en")]
    terms += [text.index_terms(part, code) for code, parts in texts.items() for part in parts]
    return " ".join(t for t in terms if t)


def vector(terms: str | Combinable = "search_text") -> SearchVector:
    """The indexed vector of terms from `index_text` (by default, those a row holds already)."""
    return SearchVector(terms, config="simple")


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
    """Rebuild the document's indexed terms and vector."""
    terms = index_text(document.number, _texts_by_language(document))
    type(document).objects.filter(pk=document.pk).update(
        search_text=terms, search_vector=vector(Value(terms))
    )


def search(queryset: QuerySet, query: str) -> QuerySet:
    """The documents holding every word of the query, ranked by how well they match."""
    if not query.strip():
        return queryset
    terms = text.query_terms(query)
    if not terms:
        return queryset.none()
    tsquery = SearchQuery(text.tsquery(terms), config="simple", search_type="raw")
    return queryset.filter(search_vector=tsquery).annotate(
        rank=SearchRank(F("search_vector"), tsquery)
    )
