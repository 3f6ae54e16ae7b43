"""Does a free-text answer suggest that the child who wrote it is being harmed or in danger?

Children rarely name what happens to them: they tell it as a story ("a man from the game wants
us to meet, just us two, and says not to tell my mum"). So the signal is a set of *frames*:
each frame is a few kinds of cue that, found together in one answer, tell of danger (an adult
+ secrecy, pictures + a threat, a family member + hitting, a wish not to wake up). The cues are
short reviewed phrase lists per language (data/danger_cues.json); the word and phrase lists of
data/danger_terms.json are one more cue, "keyword", which counts unless the answer only talks
about the subject ("we learned about grooming at school").

Everything is matched on text normalised against the ways children write: case, accents, Arabic
letter forms and diacritics, digits and symbols used as letters ("k1ll mys3lf"), stretched
letters ("helppp"), and full-width forms. Every language's cues are tried on every answer and
pooled, since children mix languages. Chinese has no spaces, so its cues match inside words.
A false alarm costs a moderator a minute and shows the child a helpline; a miss costs more, so
the lists lean to recall. How well it does is measured on a labelled set
(data/safety_cases/, bench/bench_safety_detector.py).
"""

import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cophub.core import text as core_text

DATA = Path(__file__).resolve().parent / "data"
TERMS_FILE = DATA / "danger_terms.json"
CUES_FILE = DATA / "danger_cues.json"
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


def signals_danger_by_terms(text: str) -> bool:
    """The word and phrase lists alone: the signal before the frames, kept to compare."""
    if not text.strip():
        return False
    plain = normalise(text)
    candidates = {plain, _deleet(plain)}
    return any(matcher.search(candidate) for candidate in candidates for matcher in _matchers())


def _cue_pattern(phrases_by_language: dict[str, list[str]]) -> re.Pattern:
    """One pattern for one kind of cue in every language."""
    parts = []
    for language, phrases in phrases_by_language.items():
        alternatives = "|".join(normalise(phrase) for phrase in phrases)
        # Chinese has no spaces: its cues match inside words. Elsewhere a cue starts at a
        # word's start and says itself where it ends (stems end in \w*).
        if language == "zh":
            parts.append(f"(?:{alternatives})")
        elif language == "ar":
            # Arabic writes "and" and "so" (و, ف) as one word with what follows: "ويضربني".
            parts.append(rf"(?<!\w)[وف]?(?:{alternatives})")
        else:
            parts.append(rf"(?<!\w)(?:{alternatives})")
    return re.compile("|".join(parts))


# Every language's cues are tried on every answer, but a phrase can match only where the answer
# has a letter of the phrase's own script: an English answer is not tried against the Arabic,
# Cyrillic or Chinese phrases (which halves the time a danger check takes).
_ESCAPE = re.compile(r"\\.")


def _scripts(text: str) -> frozenset[str]:
    """The scripts of a text's letters (LATIN, ARABIC, CYRILLIC, CJK, ...)."""
    return frozenset(unicodedata.name(ch, "?").split(" ")[0] for ch in set(text) if ch.isalpha())


@functools.cache
def _cues() -> tuple[
    list[tuple[str, list[tuple[frozenset[str], re.Pattern]]]], list[tuple[frozenset, frozenset]]
]:
    """Each kind of cue as patterns by the scripts of their phrases (a phrase without letters,
    under the empty set, is tried on every answer), and the frames."""
    data = json.loads(CUES_FILE.read_text(encoding="utf-8"))
    by_name: dict[str, dict[frozenset[str], dict[str, list[str]]]] = {}
    for language, lists in data.items():
        if language.startswith("_"):
            continue
        for name, phrases in lists.items():
            for phrase in phrases:
                scripts = _scripts(_ESCAPE.sub("", normalise(phrase)))
                groups = by_name.setdefault(name, {}).setdefault(scripts, {})
                groups.setdefault(language, []).append(phrase)
    cues = [
        (name, [(scripts, _cue_pattern(phrases)) for scripts, phrases in groups.items()])
        for name, groups in by_name.items()
    ]
    frames = [
        (
            frozenset(c for c in frame if not c.startswith("!")),
            frozenset(c[1:] for c in frame if c.startswith("!")),
        )
        for frame in data["_frames"]
    ]
    return cues, frames


def cues_in(text: str) -> set[str]:
    """The kinds of cue found in an answer, in any of the six languages."""
    plain = normalise(text)
    candidates = [(candidate, _scripts(candidate)) for candidate in {plain, _deleet(plain)}]
    found = {
        name
        for name, patterns in _cues()[0]
        for candidate, scripts in candidates
        for needs, pattern in patterns
        if (not needs or needs & scripts) and pattern.search(candidate)
    }
    if signals_danger_by_terms(text):
        found.add("keyword")
    return found


def frame_of(text: str) -> tuple[str, ...] | None:
    """The first frame the answer fills (its cues, sorted), or None."""
    if not text.strip():
        return None
    found = cues_in(text)
    for required, excluded in _cues()[1]:
        if required <= found and not excluded & found:
            return tuple(sorted(required))
    return None


def signals_danger(text: str) -> bool:
    return frame_of(text) is not None


CASES_DIR = DATA / "safety_cases"
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass(frozen=True)
class LabelledCase:
    id: str
    language: str
    disclosure: bool
    topic: str
    text: str

    @property
    def held_back(self) -> bool:
        """The fixed split: about 40 % of the set, never looked at while writing the cues."""
        return int(hashlib.sha256(self.id.encode()).hexdigest(), 16) % 5 < 2


def labelled_cases() -> list[LabelledCase]:
    cases = []
    for language in LANGUAGES:
        lines = (CASES_DIR / f"{language}.tsv").read_text(encoding="utf-8").splitlines()[1:]
        for line in lines:
            case_id, label, topic, text = line.split("\t")
            cases.append(LabelledCase(case_id, language, label == "disclosure", topic, text))
    return cases
