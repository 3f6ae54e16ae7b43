"""The secretariat's writes on the reports the mandate asks for: their words in six languages,
their Council number, and their generation and registration on the task queue.

Generating a report is six PDFs (one per language) built from every module's records and then a
registration; it takes minutes on a real data set, so it runs on the task queue (without a broker,
after the answer is sent) and its page shows how far it has gone.
"""

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cophub.accounts.permissions import require_secretariat
from cophub.core.db_router import pinned_to_primary
from cophub.core.errors import DomainError
from cophub.core.i18n import LANGUAGE_CODES
from cophub.jobs import queue

from . import reports
from .models import ReportEdition, ReportGeneration, ReportKind, ReportText

logger = logging.getLogger(__name__)

COUNCIL_NUMBER_MAX = 40


def edition(kind: str, year: int | None) -> ReportEdition:
    """The report's record, made when first asked for."""
    if kind not in ReportKind.values:
        raise DomainError(_("Choose one of the reports offered."))
    found, _created = ReportEdition.objects.get_or_create(kind=kind, year=year or 0)
    return found


@transaction.atomic
def save_report_texts(
    *,
    kind: str,
    year: int | None,
    language: str,
    texts: dict[str, str],
    council_number: str,
    by: Any,
) -> ReportEdition:
    """The secretariat's words for each part, in one language, and the report's Council
    number (the same in every language)."""
    require_secretariat(by, _("Only the secretariat writes the reports."))
    if language not in LANGUAGE_CODES:
        raise DomainError(_("Choose one of the six languages."), field="language")
    council_number = (council_number or "").strip()
    if len(council_number) > COUNCIL_NUMBER_MAX:
        raise DomainError(
            _("A Council document number is short, e.g. C26/45."), field="council_number"
        )
    parts = reports.PARTS_OF[kind]
    unknown = set(texts) - set(parts)
    if unknown:
        raise DomainError(_("This report has no such part."))
    found = edition(kind, year)
    found = ReportEdition.objects.select_for_update().get(pk=found.pk)
    if found.document_id is not None:
        raise DomainError(_("This report is registered; it can no longer be changed."))
    found.council_number = council_number
    found.save(update_fields=["council_number"])
    for part in parts:
        text = (texts.get(part) or "").strip()
        if text:
            ReportText.objects.update_or_create(
                edition=found, part=part, language=language, defaults={"text": text}
            )
        else:
            ReportText.objects.filter(edition=found, part=part, language=language).delete()
    return found


@transaction.atomic
def start_report_generation(*, kind: str, year: int | None, by: Any) -> ReportGeneration:
    """Put the report's generation and registration on the task queue."""
    require_secretariat(by, _("Only the secretariat registers documents."))
    found = ReportEdition.objects.select_for_update().get(pk=edition(kind, year).pk)
    if found.document_id is not None:
        raise DomainError(_("This report is registered already."))
    if not found.council_number:
        raise DomainError(
            _("Give the report its Council document number first."), field="council_number"
        )
    reports.meeting_for(kind, year)  # refuses now, not in the queue, when there is none
    busy = found.generations.filter(
        status__in=[ReportGeneration.Status.QUEUED, ReportGeneration.Status.RUNNING]
    )
    if busy.exists():
        raise DomainError(_("This report is being generated already."))
    generation = ReportGeneration.objects.create(
        edition=found, requested_by=by, total_steps=len(LANGUAGE_CODES) + 1
    )
    from . import tasks

    queue.after_response(tasks.generate_report, generation.pk)
    return generation


def run_generation(generation_id: int) -> bool:
    """The work of the queued task: one PDF per language, then the registration."""
    with pinned_to_primary():
        if not ReportGeneration.take(generation_id):
            return False
        generation = ReportGeneration.objects.select_related("edition", "requested_by").get(
            pk=generation_id
        )
        found = generation.edition
        try:
            files, titles = {}, {}
            for done, language in enumerate(LANGUAGE_CODES, start=1):
                titles[language], files[language] = reports.generate_files(
                    found.kind, found.year or None, language
                )
                generation.record(done_steps=done)
            with transaction.atomic():
                found = ReportEdition.objects.select_for_update().get(pk=found.pk)
                if found.document_id is not None:
                    raise DomainError(_("This report is registered already."))
                document = reports.register_files(
                    edition=found,
                    files=files,
                    title=titles.get("en") or next(iter(titles.values())),
                    registered_by=generation.requested_by,
                )
                found.document = document
                found.save(update_fields=["document"])
        except DomainError as error:
            return generation.failed(error.message)
        except Exception:
            logger.exception("could not generate report %s", generation_id)
            return generation.failed(
                _("The report could not be generated; the error is in the log.")
            )
        generation.record(
            status=ReportGeneration.Status.DONE,
            done_steps=generation.total_steps,
            finished_at=timezone.now(),
        )
    return True
