"""JSON API of the youth consultations module, mounted under /api/v1 by cophub.api.

Read-only: the consultations and their published, suppressed results. Answers are given
through the pages only, where the consent step is.
"""

import datetime

from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema

from cophub.core import i18n
from cophub.core.apischema import MANDATE_DESCRIPTION

from . import selectors

router = Router(tags=["consultations"])


class ConsultationOut(Schema):
    slug: str
    title: str
    titles: dict[str, str]
    meeting: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    time_zone: str
    state: str
    participants: int
    mandate: list[str] = Field(description=MANDATE_DESCRIPTION)


class CellOut(Schema):
    label: str
    count: int | None  # null: fewer than 5, hidden


class BreakdownRowOut(Schema):
    label: str
    total: int | None
    cells: list[CellOut]


class QuestionResultOut(Schema):
    question: str
    kind: str
    total: int
    options: list[CellOut]
    combinations: list[CellOut]
    mean: float | None
    quotes: list[str]
    breakdowns: dict[str, list[BreakdownRowOut]]
    action_taken: str


class ResultsOut(Schema):
    consultation: ConsultationOut
    participation: dict[str, list[CellOut]]
    questions: list[QuestionResultOut]


def _consultation_out(consultation, count: int) -> dict:
    return {
        "slug": consultation.slug,
        "title": i18n.translated_value(consultation, "title").text,
        "titles": i18n.translations_of(consultation, "title"),
        "meeting": consultation.meeting.code,
        "opens_at": consultation.opens_at,
        "closes_at": consultation.closes_at,
        "time_zone": consultation.time_zone,
        "state": consultation.state(timezone.now()),
        "participants": count,
        "mandate": [paragraph.code for paragraph in consultation.mandate.all()],
    }


@router.get("/consultations", response=list[ConsultationOut], summary="Youth consultations")
def list_consultations(request):
    consultations = list(selectors.public_consultations().prefetch_related("mandate"))
    counts = selectors.counts_by_consultation(consultations)
    return [_consultation_out(c, counts.get(c.pk, 0)) for c in consultations]


@router.get(
    "/consultations/{slug}",
    response=ResultsOut,
    summary="One youth consultation and its published results (counts under 5 are null)",
)
def consultation_results(request, slug: str):
    consultation = selectors.consultation_by_slug(slug)
    if consultation is None:
        raise Http404
    closed = consultation.state(timezone.now()) == "closed"
    results = selectors.results(consultation) if closed else []
    return {
        "consultation": _consultation_out(consultation, selectors.live_count(consultation)),
        "participation": selectors.participation(consultation) if closed else {},
        "questions": [
            {
                "question": i18n.translated_value(result.question, "text").text,
                "kind": result.question.kind,
                "total": result.total,
                "options": result.options,
                "combinations": result.combinations,
                "mean": result.mean,
                "quotes": result.quotes,
                "breakdowns": result.breakdowns,
                "action_taken": i18n.translated_value(result.question, "action_taken").text,
            }
            for result in results
        ],
    }
