"""Text analysis in the six official languages of the Union (Arabic, Chinese, English, French,
Russian, Spanish): the one way every app normalises, splits, stems and matches words, with no
model to download.

- `normalise`: compatibility forms folded (NFKC), case folded, and Arabic written one way (alef
  forms, taa marbuta, alef maqsura, hamza seats, diacritics, tatweel), since texts write these
  letters one way or the other for the same word.
- `words`: runs of letters and digits; Chinese, written without spaces, is cut into words by
  jieba.
- `stem`: Snowball for Arabic, English, French, Russian and Spanish, then accents dropped;
  Chinese has no stemmer and is compared as written.
- Arabic writes its conjunctions and prepositions joined to the next word (و ف ب ل ك, with or
  without the article), and Snowball leaves some of them on: such a word is also taken without
  them (`arabic_without_proclitic`).
- `index_terms`, `query_terms` and `tsquery`: what a full-text index stores for a text, the forms
  a query's words may be indexed under, and the query in PostgreSQL's `to_tsquery` syntax. The
  database indexes the terms with its `simple` configuration, which changes them no further, so
  that every language is analysed here and the same way for every search.
"""

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import snowballstemmer

STEMMERS = {"ar": "arabic", "en": "english", "fr": "french", "ru": "russian", "es": "spanish"}
# Words of no meaning of their own (articles, prepositions, conjunctions), per language.
STOPWORDS = {
    "en": "a an and are as at be by for from in is it of on or the their to with",
    "fr": "a au aux avec d de des du en et l la le les leur par pour sur un une",
    "es": "a al con de del el en la las los para por su sus un una y",
    "ru": "в во для и к на о об от по с со у",
    "ar": "في من على الى عن مع و او ان",
    "zh": "的 和 与 在 对 及",
}
# A query's words past these are left out: each word may be indexed under seven forms, and a
# result must hold one form of every word.
MAX_QUERY_WORDS = 12
# Stems of this length or more also match as prefixes, which evens out the stemmers' slips
# (Russian "органы" → "орга", "органов" → "орган").
PREFIX_MIN_LENGTH = 4

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ء": None, "ـ": None}
)  # fmt: skip
_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
# Conjunctions and prepositions written joined to the next word, with the article or alone
# (longest first). An index takes the word without them too; a query also tries it without the
# article alone (the index is not changed for that).
ARABIC_PROCLITICS = ("وال", "بال", "كال", "فال", "لل", "و", "ف", "ب", "ل", "ك")
_ARABIC_ARTICLE = ("ال",)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"\w+")
# Scripts the six official languages are written in: Latin, Cyrillic, Arabic, Han.
_KNOWN_SCRIPT = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff\u0600-\u06ff\u0750-\u077f"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_local = threading.local()


def normalise_arabic(text: str) -> str:
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_LETTERS)


def normalise(text: str) -> str:
    return normalise_arabic(unicodedata.normalize("NFKC", text or "").casefold())


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# The 60,000 most frequent words of jieba's dictionary (data/zh-words.txt, cut from its 349,046):
# a worker keeps about 90 MB less than with the whole dictionary, and words it does not know are
# still cut by jieba's model of unknown words. Texts and queries are cut with the same words.
ZH_WORDS = Path(__file__).resolve().parent / "data" / "zh-words.txt"


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer(dictionary=str(ZH_WORDS))
    tokenizer.initialize()
    return tokenizer


def words(text: str, *, for_search: bool = False) -> list[str]:
    """The words of a normalised text. Runs of Chinese characters are cut into words by jieba:
    for a search, with the shorter words inside long ones too (`cut_for_search`), so that a
    query need not be cut exactly as the text was."""
    found = []
    for chunk in _WORD.findall(normalise(text)):
        if not _HAN.search(chunk):
            found.append(chunk.replace("_", ""))
            continue
        for piece in re.split(f"({_HAN.pattern})", chunk):
            if _HAN.fullmatch(piece):
                cut = _jieba().cut_for_search if for_search else _jieba().cut
                found.extend(w for w in cut(piece) if w.strip())
            elif piece:
                found.extend(_WORD.findall(piece))
    return [w for w in found if w]


@cache
def stopwords(language: str) -> frozenset[str]:
    return frozenset(normalise(STOPWORDS.get(language, "")).split())


def _stemmer(language: str):
    """One stemmer per thread and language: Snowball stemmers keep state while they work, so a
    server's threads must not share one."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMERS[language])
    return stemmers[language]


def stem(word: str, language: str) -> str:
    """A word (from `words`) reduced to its stem in `language`, accents dropped."""
    if language in STEMMERS and not _HAN.search(word):
        word = _stemmer(language).stemWord(word)
    return strip_accents(word)


def arabic_without_proclitic(
    word: str, proclitics: Iterable[str] = ARABIC_PROCLITICS
) -> str | None:
    """The stem of an Arabic word without the first of `proclitics` it starts with, if three
    letters or more are left."""
    for proclitic in proclitics:
        if word.startswith(proclitic) and len(word) - len(proclitic) >= 3:
            return stem(word[len(proclitic) :], "ar")
    return None


def index_terms(text: str, language: str) -> str:
    """The terms a full-text index holds for a text written in `language`, separated by spaces."""
    terms = []
    for word in words(text, for_search=True):
        terms.append(stem(word, language))
        if _ARABIC_WORD.match(word) and (bare := arabic_without_proclitic(word)):
            terms.append(bare)
    return " ".join(terms)


def query_terms(query: str) -> list[set[str]]:
    """Each word of a query with every form it may be indexed under.

    The language of a query is not known, so a word is stemmed by every stemmer; a result must
    hold one form of every word.
    """
    terms = []
    for word in words(query, for_search=True)[:MAX_QUERY_WORDS]:
        forms = {strip_accents(word)} | {stem(word, language) for language in STEMMERS}
        if _ARABIC_WORD.match(word):
            # The stemmer keeps the article on some words ("التوجيهية" → "توجيهيه", while
            # "توجيهية" → "توجيه"), so the word is also looked for without it and its proclitics.
            forms.add(arabic_without_proclitic(word))
            forms.add(arabic_without_proclitic(word, _ARABIC_ARTICLE))
        forms = {form for form in forms if form}
        if forms and forms not in terms:
            terms.append(forms)
    return terms


def _prefix(form: str) -> bool:
    return len(form) >= PREFIX_MIN_LENGTH and not _HAN.search(form)


def tsquery(terms: list[set[str]], *, any_word: bool = False) -> str:
    """`query_terms` as a query for PostgreSQL's `to_tsquery('simple', …)`: one form of every
    word (of any word, with `any_word`), long stems as prefixes."""
    return (" | " if any_word else " & ").join(
        "("
        + " | ".join(
            "'" + form.replace("'", "") + "'" + (":*" if _prefix(form) else "")
            for form in sorted(forms)
        )
        + ")"
        for forms in terms
    )


def is_in_a_known_script(text: str) -> bool:
    """Whether most of a text's letters are in the scripts of the six official languages.

    A text in Hindi, Japanese kana or Amharic, say, is in a language the platform does not know
    and cannot compare, search or translate."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    known = sum(1 for ch in letters if _KNOWN_SCRIPT.match(ch))
    return known / len(letters) >= 0.8
