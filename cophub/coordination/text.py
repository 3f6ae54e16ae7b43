"""Text analysis for the overlap finder, in the six official languages, with no model to download.

An activity written in French and one written in English share few words, but they share the
topics of a controlled vocabulary: each text is mapped onto the topics (data/topics.json) by the
keywords of its own language. English, French, Spanish and Russian words are stemmed with
Snowball and compared as bags of stems; Arabic is normalised (alef forms, taa marbuta, alef
maqsura, diacritics, tatweel) and Chinese is compared as written, since both attach what
European languages write as separate words (Arabic's article and prepositions, Chinese's lack of
spaces). Chinese is segmented with jieba for the word overlap.
"""

import json
import logging
import re
import threading
import unicodedata
from functools import cache
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).resolve().parent / "data"
STEMMERS = {"ar": "arabic", "en": "english", "fr": "french", "ru": "russian", "es": "spanish"}
# Words too common to say anything about a COP activity's topic, per language.
STOPWORDS = {
    "en": "a an and are as at be by for from in is it of on or the their to with child children online protection cop",
    "fr": "a au aux avec d de des du en et l la le les leur par pour sur un une enfant enfants protection",
    "es": "a al con de del el en la las los para por su sus un una y niños niñas infancia protección",
    "ru": "в во для и к на о об от по с со у детей дети ребенка защиты защита интернете",
    "ar": "في من على الى عن مع و او ان حمايه الاطفال الانترنت",
    "zh": "的 和 与 在 对 及 儿童 保护 在线 网络",
}
_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ء": None, "ـ": None}
)  # fmt: skip
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\w+")
# Scripts the six official languages are written in: Latin, Cyrillic, Arabic, Han.
_KNOWN_SCRIPT = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff\u0600-\u06ff\u0750-\u077f"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_local = threading.local()


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_LETTERS)


def _strip_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _stemmer(language: str):
    """One stemmer per thread and language: Snowball stemmers keep state while they work."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMERS[language])
    return stemmers[language]


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(normalise(STOPWORDS.get(language, "")).split())


def words(text: str, language: str) -> list[str]:
    """The words of a text, Chinese cut by jieba, common words left out."""
    text = normalise(text)
    if _HAN.search(text):
        found = [w.strip() for w in _jieba().cut(text)]
        found = [w for w in found if w and _WORD.fullmatch(w)]
    else:
        found = _WORD.findall(text)
    stop = _stopwords(language)
    return [w for w in found if w not in stop and not w.isdigit()]


def stems(text: str, language: str) -> list[str]:
    result = []
    for word in words(text, language):
        if language in STEMMERS and not _HAN.search(word):
            word = _stemmer(language).stemWord(word)
        result.append(_strip_accents(word))
    return result


def is_in_a_known_script(text: str) -> bool:
    """Whether most of a text's letters are in the scripts of the six official languages.

    A description in Hindi, Japanese kana or Amharic, say, is in a language the platform does not
    know and cannot be compared or translated; the register says so rather than store it."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    known = sum(1 for ch in letters if _KNOWN_SCRIPT.match(ch))
    return known / len(letters) >= 0.8


# --- the topic vocabulary -----------------------------------------------------------------------


@cache
def vocabulary() -> list[dict]:
    with open(DATA / "topics.json", encoding="utf-8") as handle:
        return json.load(handle)["topics"]


@cache
def _keyword_index() -> dict[str, list[tuple[str, tuple[str, ...] | str]]]:
    """Per language, (topic, keyword) pairs: a tuple of stems to find as a bag, or, for Arabic
    and Chinese, a normalised string to find as written."""
    index: dict[str, list] = {}
    for topic in vocabulary():
        for language, keywords in topic["keywords"].items():
            for keyword in keywords:
                if language in ("ar", "zh"):
                    index.setdefault(language, []).append((topic["code"], normalise(keyword)))
                else:
                    phrase = tuple(stems(keyword, language))
                    if phrase:
                        index.setdefault(language, []).append((topic["code"], phrase))
    return index


def topics_in(text: str, language: str) -> set[str]:
    """The vocabulary's topics a text written in `language` is about, found by their keywords."""
    if not text:
        return set()
    found = set()
    entries = _keyword_index().get(language, [])
    if language in ("ar", "zh"):
        normalised = normalise(text)
        for code, keyword in entries:
            if keyword in normalised:
                found.add(code)
        return found
    bag = set(stems(text, language))
    for code, phrase in entries:
        if all(stem in bag for stem in phrase):
            found.add(code)
    return found


def analyse(texts: dict[str, str]) -> tuple[set[str], set[str]]:
    """The topics found in, and the stems of, texts given per language."""
    topics, terms = set(), set()
    for language, text in texts.items():
        if text:
            topics |= topics_in(text, language)
            terms.update(stems(text, language))
    return topics, terms
