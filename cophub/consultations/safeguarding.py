"""Does a free-text answer suggest that the child who wrote it is being harmed or in danger?

A reviewed word and phrase list per language (data/danger_terms.json) is matched on text
normalised against the ways children write: case, accents, Arabic letter forms and diacritics,
digits and symbols used as letters ("k1ll mys3lf"), stretched letters ("helppp"), and
full-width forms. Each language's list is tried on every answer, since children mix languages.
Chinese has no spaces, so its terms match inside words. A false alarm costs a moderator a
minute and shows the child a helpline; a miss costs more, so the lists lean to recall.
"""

import functools
import json
import re
import unicodedata
from pathlib import Path

from cophub.core import text as core_text

TERMS_FILE = Path(__file__).resolve().parent / "data" / "danger_terms.json"
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_STRETCHED = re.compile(r"(\D)\1{2,}")


def normalise(text: str) -> str:
    # Case, compatibility forms and Arabic letters as every search folds them; then what
    # children's writing adds.
    text = core_text.normalise(text)
    decomposed = unicodedata.normalize("NFD", text)
    # Drop Latin accents only: Cyrillic й and ё must stay what they are.
    text = "".join(
        ch
        for i, ch in enumerate(decomposed)
        if not (unicodedata.combining(ch) and i and decomposed[i - 1].isascii())
    )
    text = unicodedata.normalize("NFC", text)
    text = _STRETCHED.sub(r"\1", text)
    text = text.replace("’", "'")
    return re.sub(r"\s+", " ", text)


def _deleet(text: str) -> str:
    # Digits between letters are letters in disguise; digits alone stay digits.
    return re.sub(
        r"(?<=[^\W\d])[01345@$7]+|[01345@$7]+(?=[^\W\d])",
        lambda m: m.group().translate(_LEET),
        text,
    )


@functools.cache
def _matchers() -> list[re.Pattern]:
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    matchers = []
    for language, lists in data.items():
        if language.startswith("_"):
            continue
        terms = sorted({normalise(term) for term in lists["terms"]}, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        if language == "zh":
            matchers.append(re.compile(alternatives))
        else:
            matchers.append(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"))
        matchers.extend(re.compile(normalise(pattern)) for pattern in lists["patterns"])
    return matchers


def signals_danger(text: str) -> bool:
    if not text.strip():
        return False
    plain = normalise(text)
    candidates = {plain, _deleet(plain)}
    return any(matcher.search(candidate) for candidate in candidates for matcher in _matchers())
