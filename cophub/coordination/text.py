"""The overlap finder's view of an activity's text: its topics and its words, in the six
official languages, on core's text analysis (cophub/core/text.py).

An activity written in French and one written in English share few words, but they share the
topics of a controlled vocabulary: each text is mapped onto the topics (data/topics.json) by the
keywords of its own language. English, French, Spanish and Russian keywords are stemmed and
found as bags of stems; Arabic and Chinese keywords are found as written in the normalised text,
since both attach what European languages write as separate words (Arabic's article and
prepositions, Chinese's lack of spaces).
"""

import json
from functools import cache
from pathlib import Path

from cophub.core import text as core_text

DATA = Path(__file__).resolve().parent / "data"
# Words every COP activity shares, which say nothing about its topic (besides each language's
# stop words).
COMMON_WORDS = {
    "en": "child children online protection cop",
    "fr": "enfant enfants protection",
    "es": "niños niñas infancia protección",
    "ru": "детей дети ребенка защиты защита интернете",
    "ar": "حمايه الاطفال الانترنت",
    "zh": "儿童 保护 在线 网络",
}


@cache
def _left_out(language: str) -> frozenset[str]:
    return core_text.stopwords(language) | set(
        core_text.normalise(COMMON_WORDS.get(language, "")).split()
    )


def words(text: str, language: str) -> list[str]:
    """The words of a text, common words and numbers left out."""
    left_out = _left_out(language)
    return [w for w in core_text.words(text) if w not in left_out and not w.isdigit()]


def stems(text: str, language: str) -> list[str]:
    return [core_text.stem(word, language) for word in words(text, language)]


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
                    index.setdefault(language, []).append(
                        (topic["code"], core_text.normalise(keyword))
                    )
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
        normalised = core_text.normalise(text)
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
