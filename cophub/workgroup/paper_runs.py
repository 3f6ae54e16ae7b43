"""The papers of a meeting's cycle (its call for contributions, draft and adopted agenda, list of
participants) written in the six languages and registered on the task queue, with their progress
on a page, as the reports to Council are (report_editions.py): six PDFs take 30 to 40 seconds on
a loaded machine, too long to keep a request waiting.

What the secretariat asks is refused at once, in the request, by the same checks the services
run; the services run them again when the task registers the paper (the meeting may have changed
in between)."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cophub.core.db_router import pinned_to_primary
from cophub.core.errors import DomainError
from cophub.jobs import queue

from . import meetings, services
from .models import Document, Meeting, PaperGeneration

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Paper:
    check: Callable[[Meeting, Any], None]
    build: Callable[[Meeting, str], meetings.MeetingPaper]  # (meeting, base_url)
    # (meeting, by, base_url, written) -> the registered document
    register: Callable[[Meeting, Any, str, services.Written], Document]


PAPERS: dict[str, Paper] = {
    PaperGeneration.Paper.CALL: Paper(
        check=lambda meeting, by: services.check_call(meeting=meeting, by=by),
        build=meetings.call_for_contributions,
        register=lambda meeting, by, base_url, written: services.issue_call_for_contributions(
            meeting=meeting, by=by, base_url=base_url, written=written
        ),
    ),
    PaperGeneration.Paper.DRAFT_AGENDA: Paper(
        check=lambda meeting, by: services.check_agenda(meeting=meeting, by=by, adopted=False),
        build=lambda meeting, base_url: meetings.agenda(meeting, adopted=False),
        register=lambda meeting, by, base_url, written: services.issue_agenda(
            meeting=meeting, by=by, written=written
        ),
    ),
    PaperGeneration.Paper.ADOPTED_AGENDA: Paper(
        check=lambda meeting, by: services.check_agenda(meeting=meeting, by=by, adopted=True),
        build=lambda meeting, base_url: meetings.agenda(meeting, adopted=True),
        register=lambda meeting, by, base_url, written: services.adopt_agenda(
            meeting=meeting, by=by, written=written
        ),
    ),
    PaperGeneration.Paper.PARTICIPANTS: Paper(
        check=lambda meeting, by: services.check_participants_list(meeting=meeting, by=by),
        build=lambda meeting, base_url: meetings.participants(meeting),
        register=lambda meeting, by, base_url, written: services.register_participants_list(
            meeting=meeting, by=by, written=written
        ),
    ),
}


@transaction.atomic
def start_paper(*, meeting: Meeting, paper: str, by: Any, base_url: str = "") -> PaperGeneration:
    """Put the paper's writing and registration on the task queue, once it is known that the
    secretariat may register it now."""
    if paper not in PAPERS:
        raise DomainError(_("This meeting has no such paper."))
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    PAPERS[paper].check(meeting, by)
    busy = PaperGeneration.objects.filter(
        meeting=meeting,
        paper=paper,
        status__in=[PaperGeneration.Status.QUEUED, PaperGeneration.Status.RUNNING],
    )
    if busy.exists():
        raise DomainError(_("This paper is being written already."))
    generation = PaperGeneration.objects.create(
        meeting=meeting, paper=paper, base_url=base_url, requested_by=by, total_steps=7
    )
    from . import tasks

    queue.after_response(tasks.generate_paper, generation.pk)
    return generation


def run_paper(generation_id: int) -> bool:
    """The work of the queued task: one PDF per language, then the registration."""
    with pinned_to_primary():
        if not PaperGeneration.take(generation_id):
            return False
        generation = PaperGeneration.objects.select_related("meeting__group", "requested_by").get(
            pk=generation_id
        )
        # What went wrong is written in the language of the one who asked.
        with translation.override(generation.requested_by.preferred_language or None):
            return _run(generation, PAPERS[generation.paper], generation.meeting)


def _run(generation: PaperGeneration, paper: Paper, meeting: Meeting) -> bool:
    try:
        written = meetings.in_six_languages(
            lambda: paper.build(meeting, generation.base_url),
            done=lambda count: generation.record(done_steps=count),
        )
        document = paper.register(meeting, generation.requested_by, generation.base_url, written)
    except DomainError as error:
        return generation.failed(error.message)
    except Exception:
        logger.exception("could not write paper %s", generation.pk)
        return generation.failed(_("The paper could not be written; the error is in the log."))
    generation.record(
        status=PaperGeneration.Status.DONE,
        done_steps=generation.total_steps,
        document=document,
        finished_at=timezone.now(),
    )
    return True
