"""Every read of the youth consultations: public lists, the live count and the results.

Results are published with small-cell suppression: any count under 5 is hidden, so that no
answer can be traced back to one of a handful of young people from one place and age.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import Count, F, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from cophub.core import cache as versioned
from cophub.core.models import Country, Region

from .models import AgeBand, Answer, Consultation, Disclosure, Question, Response, Sex

SUPPRESSION_THRESHOLD = 5
DIMENSIONS = ("age_band", "sex", "country", "region")
T = TypeVar("T")


def suppressed(count: int) -> int | None:
    """The count, or None when it is under the threshold and must not be shown."""
    return count if count >= SUPPRESSION_THRESHOLD else None


def public_consultations() -> QuerySet[Consultation]:
    return Consultation.objects.filter(published=True).select_related("meeting__group")


# The name of the consultations' data version (core.cache): raised by every change to a
# consultation or its questions, so a kept copy never outlives one.
VERSION = "consultations"
# A burst of 500 young people a second reads the same consultation and questions: each process
# keeps them, as objects in its own memory (a shared cache would unpickle them on every request,
# which costs more than the rest of the read), until the version changes or this many seconds
# pass. The window itself is computed from the clock, so a kept copy opens and closes on time.
QUESTIONS_CACHE_SECONDS = 30


def kept_for_all(key: str, compute: Callable[[], T]) -> T:
    """What every young person reads alike (a consultation, its questions, the blank question
    page, the thanks), kept in each process until the consultation changes; None is not kept.

    Keyed by slug as well as id by the callers: a restored database may give a new consultation
    an old one's id."""
    return versioned.cached(VERSION, key, compute, timeout=QUESTIONS_CACHE_SECONDS, in_process=True)


def answerable_consultation(slug: str) -> Consultation | None:
    """The public consultation for the question page, kept by each process (see above)."""
    return kept_for_all(f"by-slug:{slug}", lambda: consultation_by_slug(slug))


def meeting_ids_with_consultation() -> set[int]:
    """The meetings that have a youth consultation (published or not)."""
    return set(Consultation.objects.values_list("meeting_id", flat=True))


def consultation_for_meeting(meeting_id: int) -> Consultation | None:
    """The meeting's public youth consultation (the latest one if there are several)."""
    return (
        public_consultations()
        .filter(meeting_id=meeting_id)
        .select_related("summary_document")
        .order_by("-opens_at")
        .first()
    )


def consultation_by_slug(slug: str, *, public: bool = True) -> Consultation | None:
    queryset = (
        public_consultations() if public else Consultation.objects.select_related("meeting__group")
    )
    return queryset.filter(slug=slug).first()


def questions_of(consultation: Consultation, *, cached: bool = False) -> list[Question]:
    if not cached:
        return list(consultation.questions.prefetch_related("options"))
    return kept_for_all(
        f"questions:{consultation.pk}:{consultation.slug}",
        lambda: list(consultation.questions.prefetch_related("options")),
    )


def missing_translations(consultation: Consultation) -> list[tuple[str, list[str]]]:
    """Texts the young people would read that lack one of the six languages, for the preview."""
    from cophub.core.i18n import LANGUAGE_CODES, translated_value, translations_of

    missing: list[tuple[str, list[str]]] = []

    def check(obj: Model, field: str) -> None:
        present = translations_of(obj, field)
        if present:
            absent = [code for code in LANGUAGE_CODES if code not in present]
            if absent:
                missing.append((translated_value(obj, field).text, absent))

    check(consultation, "title")
    for question in questions_of(consultation):
        check(question, "text")
        for option in question.options.all():
            check(option, "text")
    return missing


def live_count(consultation: Consultation) -> int:
    return Response.objects.filter(consultation=consultation).count()


def counts_by_consultation(consultations: Iterable[Consultation]) -> dict[int, int]:
    rows = (
        Response.objects.filter(consultation__in=consultations)
        .values("consultation")
        .annotate(n=Count("pk"))
    )
    return {row["consultation"]: row["n"] for row in rows}


@dataclass
class Cell:
    label: str
    count: int | None  # None: suppressed


@dataclass
class BreakdownRow:
    label: str
    total: int | None
    cells: list[Cell]


@dataclass
class QuestionResult:
    question: Question
    total: int
    options: list[Cell] = field(default_factory=list)
    combinations: list[Cell] = field(default_factory=list)
    mean: float | None = None
    quotes: list[str] = field(default_factory=list)
    breakdowns: dict[str, list[BreakdownRow]] = field(default_factory=dict)


def _group_labels(dimension: str) -> dict[str, str]:
    if dimension == "age_band":
        return {value: str(label) for value, label in AgeBand.choices}
    if dimension == "sex":
        return {value: str(label) for value, label in Sex.choices}
    if dimension == "region":
        return {region.code: region.name for region in Region.objects.all()}
    return {}


def participation(consultation: Consultation) -> dict[str, list[Cell]]:
    """Participants per age band, sex, country and ITU region, suppressed under 5."""
    rows: list[Mapping[str, Any]] = list(
        Response.objects.filter(consultation=consultation)
        .values("age_band", "sex", "country", "country__region")
        .annotate(n=Count("pk"))
    )
    countries = {
        country.iso2: country.name
        for country in Country.objects.filter(iso2__in={row["country"] for row in rows})
    }
    result = {}
    for dimension in DIMENSIONS:
        labels = _group_labels(dimension) if dimension != "country" else countries
        key = "country__region" if dimension == "region" else dimension
        counter: Counter[Any] = Counter()  # a code, or None for a country with no region
        for row in rows:
            counter[row[key]] += row["n"]
        ordered = (
            list(labels)
            if dimension in {"age_band", "sex", "region"}
            else sorted(counter, key=lambda iso2: countries.get(iso2, iso2))
        )
        result[dimension] = [
            Cell(labels.get(value, str(value)), suppressed(counter[value]))
            for value in ordered
            if counter[value]
        ]
    return result


def _answer_rows(questions: list[Question]) -> list[Mapping[str, Any]]:
    return list(
        Answer.objects.filter(question__in=questions).values(
            "question",
            "option",
            "choices",
            "scale",
            "response__age_band",
            "response__sex",
            "response__country",
            "response__country__region",
        )
    )


def _values_of(question: Question, row: Mapping[str, Any]) -> list[str]:
    if question.kind == Question.Kind.SINGLE:
        return [str(row["option"])]
    if question.kind == Question.Kind.MULTIPLE:
        return row["choices"].split(",") if row["choices"] else []
    if question.kind == Question.Kind.SCALE:
        return [str(row["scale"])]
    return []


def _categories(question: Question) -> list[tuple[str, str]]:
    if question.kind == Question.Kind.SCALE:
        return [(str(value), str(value)) for value in range(1, 6)]
    return [(str(option.pk), str(option)) for option in question.options.all()]


def results(consultation: Consultation, *, published_only: bool = True) -> list[QuestionResult]:
    """Each question's totals, combinations, mean, approved quotes and breakdowns."""
    questions = questions_of(consultation)
    if published_only:
        questions = [question for question in questions if question.results_published]
    rows_by_question: defaultdict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row in _answer_rows(questions):
        rows_by_question[row["question"]].append(row)
    quotes: defaultdict[int, list[str]] = defaultdict(list)
    for answer in Answer.objects.filter(
        question__in=questions, moderation=Answer.Moderation.APPROVED
    ).only("question", "text"):
        quotes[answer.question_id].append(answer.text)
    countries = {country.iso2: country.name for country in Country.objects.all()}
    labels = {dimension: _group_labels(dimension) for dimension in DIMENSIONS}
    labels["country"] = countries
    outcome = []
    for question in questions:
        rows = rows_by_question[question.pk]
        result = QuestionResult(question=question, total=len(rows), quotes=quotes[question.pk])
        categories = _categories(question)
        totals = Counter(value for row in rows for value in _values_of(question, row))
        result.options = [Cell(label, suppressed(totals[key])) for key, label in categories]
        if question.kind == Question.Kind.SCALE and rows:
            result.mean = sum(row["scale"] for row in rows) / len(rows)
        if question.kind == Question.Kind.MULTIPLE:
            names = dict(categories)
            combos = Counter(row["choices"] for row in rows if row["choices"])
            result.combinations = [
                Cell(" + ".join(names.get(value, "?") for value in combo.split(",")), count)
                for combo, count in combos.most_common(5)
                if suppressed(count) is not None
            ]
        if categories:
            for dimension in DIMENSIONS:
                result.breakdowns[dimension] = _breakdown(
                    question, rows, dimension, categories, labels[dimension]
                )
        outcome.append(result)
    return outcome


def _breakdown(
    question: Question,
    rows: list[Mapping[str, Any]],
    dimension: str,
    categories: list[tuple[str, str]],
    labels: dict[str, str],
) -> list[BreakdownRow]:
    key = {
        "age_band": "response__age_band",
        "sex": "response__sex",
        "country": "response__country",
        "region": "response__country__region",
    }[dimension]
    groups = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    ordered = (
        [value for value in labels if value in groups]
        if dimension in {"age_band", "sex", "region"}
        else sorted(groups, key=lambda value: labels.get(value, str(value)))
    )
    breakdown = []
    for value in ordered:
        members = groups[value]
        counts = Counter(v for row in members for v in _values_of(question, row))
        total = suppressed(len(members))
        cells = [
            Cell(label, suppressed(counts[cat]) if total is not None else None)
            for cat, label in categories
        ]
        breakdown.append(BreakdownRow(labels.get(value, str(value)), total, cells))
    return breakdown


def held_between(start: datetime.date, end: datetime.date) -> list[Consultation]:
    """Consultations whose window opened in the period, with their participation."""
    consultations: list[Consultation] = list(
        Consultation.objects.filter(opens_at__date__gte=start, opens_at__date__lte=end)
        .select_related("meeting__group")
        .annotate(participants=Count("responses"))
        .order_by("opens_at")
    )
    return consultations


def participation_by_consultation_for_country(iso2: str) -> list[tuple[Consultation, int | None]]:
    """Each closed public consultation with the country's participants (None under 5)."""
    now = timezone.now()
    # Counted on the (consultation, country) index: the country's responses only are read.
    participants = (
        Response.objects.filter(consultation=OuterRef("pk"), country=iso2.upper())
        .order_by()
        .values("consultation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        public_consultations()
        .filter(closes_at__lte=now)
        .annotate(n=Coalesce(Subquery(participants), 0))
        .order_by("-opens_at")
    )
    return [(consultation, suppressed(consultation.n)) for consultation in rows if consultation.n]


def disclosures() -> list:
    """Every disclosure, the unhandled ones first, oldest first: the moderation page's list."""
    return list(
        Disclosure.objects.select_related(
            "consultation", "answer__question", "handled_by"
        ).order_by(F("handled_at").asc(nulls_first=True), "raised_at", "pk")
    )


def disclosure(pk: int) -> Disclosure | None:
    return (
        Disclosure.objects.select_related("consultation", "answer__question", "handled_by")
        .filter(pk=pk)
        .first()
    )


def answers_to_moderate() -> list[Mapping[str, Any]]:
    """For the secretariat's desk: per consultation, how many free-text answers wait for a
    moderator (counts only; the texts are read on the moderation page)."""
    return list(
        Answer.objects.filter(moderation=Answer.Moderation.PENDING)
        .values("question__consultation__slug", "question__consultation__title")
        .annotate(count=Count("pk"), danger=Count("pk", filter=Q(danger=True)))
        .order_by("-danger", "question__consultation__title")
    )


def safeguarding_contacts() -> list[Consultation]:
    """Every consultation with the secretariat accounts told of its disclosures, newest first."""
    return list(
        Consultation.objects.prefetch_related("safeguarding_contacts").order_by("-opens_at", "pk")
    )
