"""Text analysis for search in the six official languages, done in Python so that the database
indexes and matches exactly these terms.

Every text is reduced to plain terms separated by spaces: Arabic is normalised (alef forms, taa
marbuta, alef maqsura, diacritics and tatweel), Chinese is segmented with jieba, and the words of
the languages that have a Snowball stemmer (Arabic, English, French, Russian, Spanish) are stemmed.
The database only ever sees these terms, through PostgreSQL's `simple` configuration, which
changes them no further.
"""

import logging
import re
import threading
import unicodedata
from functools import cache

import snowballstemmer

STEMMERS = {"ar": "arabic", "en": "english", "fr": "french", "ru": "russian", "es": "spanish"}
MAX_QUERY_TERMS = 12

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ء": None,
        "ـ": None,
    }
)
_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
# Conjunctions and prepositions written joined to the next word (و ف ب ل ك, with or without the
# article); the Snowball stemmer leaves some of them, so the word is also indexed without them.
_ARABIC_PROCLITICS = ("وال", "بال", "كال", "فال", "لل", "و", "ف", "ب", "ل", "ك")
# A query also tries the word without the article alone (only the query: the index is unchanged).
_QUERY_PROCLITICS = ("ال",)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"\w+")


def normalise_arabic(text: str) -> str:
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_LETTERS)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return normalise_arabic(text)


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


_local = threading.local()


def _stemmer(language: str):
    """One stemmer per thread and language: Snowball stemmers keep state while they work, so a
    server's threads must not share one."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMERS[language])
    return stemmers[language]


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    """Words of a text; runs of Chinese characters are cut into words by jieba."""
    words = []
    for chunk in _WORD.findall(_normalise(text)):
        if _HAN.search(chunk):
            for piece in re.split(f"({_HAN.pattern})", chunk):
                if not piece:
                    continue
                if _HAN.fullmatch(piece):
                    words.extend(w for w in _jieba().cut_for_search(piece) if w.strip())
                else:
                    words.extend(_WORD.findall(piece))
        else:
            words.append(chunk.replace("_", ""))
    return [w for w in words if w]


def _stem(word: str, language: str) -> str:
    if language in STEMMERS and not _HAN.search(word):
        word = _stemmer(language).stemWord(word)
    return _strip_accents(word)


def _arabic_variants(word: str, proclitics=_ARABIC_PROCLITICS) -> list[str]:
    for proclitic in proclitics:
        if word.startswith(proclitic) and len(word) - len(proclitic) >= 3:
            return [_stem(word[len(proclitic) :], "ar")]
    return []


def index_terms(text: str, language: str) -> str:
    """The terms to index for a text written in `language`."""
    terms = []
    for word in _words(text):
        terms.append(_stem(word, language))
        if _ARABIC_WORD.match(word):
            terms.extend(_arabic_variants(word))
    return " ".join(terms)


def query_terms(query: str) -> list[set[str]]:
    """Each word of a query with every form it may be indexed under.

    The language of a query is not known, so a word is stemmed by every stemmer; a result must
    contain one form of every word.
    """
    terms = []
    for word in _words(query)[:MAX_QUERY_TERMS]:
        forms = {_strip_accents(word)} | {_stem(word, language) for language in STEMMERS}
        if _ARABIC_WORD.match(word):
            # The stemmer keeps the article on some words ("التوجيهية" → "توجيهيه", while
            # "توجيهية" → "توجيه"), so the word is also looked for without it and its proclitics.
            forms.update(_arabic_variants(word), _arabic_variants(word, _QUERY_PROCLITICS))
        forms = {form for form in forms if form}
        if forms and forms not in terms:
            terms.append(forms)
    return terms


# Stems of this length or more also match as prefixes, which evens out the stemmers' slips
# (Russian "органы" → "орга", "органов" → "орган").
PREFIX_MIN_LENGTH = 4


def _prefix(form: str) -> bool:
    return len(form) >= PREFIX_MIN_LENGTH and not _HAN.search(form)


def tsquery(terms: list[set[str]]) -> str:
    return " & ".join(
        "("
        + " | ".join(
            "'" + form.replace("'", "") + "'" + (":*" if _prefix(form) else "")
            for form in sorted(forms)
        )
        + ")"
        for forms in terms
    )
