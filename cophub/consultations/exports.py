"""Published results as CSV, XLSX and a PDF summary: the same suppressed figures as the page."""

import csv
import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from . import selectors
from .models import Consultation


def _dimension_names() -> dict[str, str]:
    return {
        "age_band": _("Age"),
        "sex": _("Sex"),
        "country": _("Country"),
        "region": _("ITU region"),
    }


def result_rows(consultation: Consultation) -> list[list]:
    """One row per figure: question, group kind, group, answer, count (empty when under 5)."""
    header = [_("Question"), _("Broken down by"), _("Group"), _("Answer"), _("Number")]
    rows = [header]
    names = _dimension_names()
    for result in selectors.results(consultation):
        question = str(result.question.text)
        for cell in result.options:
            rows.append([question, _("All"), _("All"), cell.label, cell.count])
        for dimension, breakdown in result.breakdowns.items():
            for row in breakdown:
                for cell in row.cells:
                    rows.append([question, names[dimension], row.label, cell.label, cell.count])
    return rows


def results_csv(consultation: Consultation) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in result_rows(consultation):
        writer.writerow(["" if value is None else value for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def results_xlsx(consultation: Consultation) -> bytes:
    # Imported here: openpyxl brings numpy and Pillow, some 30 MB a worker keeps for good.
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Results")[:31]
    for row in result_rows(consultation):
        sheet.append(row)
    sheet.append([])
    sheet.append([_("Empty cells: fewer than 5 answers, hidden to protect the participants.")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def summary_report_pdf(consultation: Consultation, language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "consultations/report.html",
            {
                "consultation": consultation,
                "results": selectors.results(consultation),
                "participation": selectors.participation(consultation),
                "total": selectors.live_count(consultation),
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": language in settings.LANGUAGES_BIDI,
            },
        )
    return HTML(string=html).write_pdf()


def summary_report_files(consultation: Consultation) -> dict[str, tuple[str, bytes]]:
    """The PDF summary in each of the six languages, ready to register as an information
    document of the meeting: {language: (file name, bytes)}."""
    return {
        code: (f"{consultation.slug}-summary-{code}.pdf", summary_report_pdf(consultation, code))
        for code, _name in settings.LANGUAGES
    }
