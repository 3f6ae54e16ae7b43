"""The reports' own words, their Council number and their generation on the task queue."""

import datetime

import pytest
from django.utils import translation

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.errors import DomainError
from cophub.workgroup import report_editions, reports, tasks
from cophub.workgroup.models import Document, Group, ReportEdition, ReportGeneration, ReportText

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    meeting = MeetingFactory(number=25, starts_on=datetime.date(2025, 9, 23))
    # A meeting of another group in the same year: not the group's own.
    other = Group.objects.create(code="CWG-INTERNET", name="CWG-Internet")
    MeetingFactory(group=other, number=5, starts_on=meeting.starts_on, ends_on=meeting.ends_on,
                   contribution_deadline=meeting.contribution_deadline)  # fmt: skip
    return 2025


def test_texts_are_kept_per_language_and_part(year):
    secretariat = SecretariatFactory()
    report_editions.save_report_texts(
        kind="final",
        year=None,
        language="fr",
        texts={"introduction": "Le groupe a travaillé.", "proposals": "Poursuivre l'étude."},
        council_number="C26/45",
        by=secretariat,
    )
    with translation.override("fr"):
        built = reports.build(kind="final")
    assert dict(built.texts)["Propositions pour un examen ultérieur"] == "Poursuivre l'étude."
    assert built.council_number == "C26/45" and built.serves == "R1306/RES/6"
    with translation.override("en"):
        assert all(text == "" for _label, text in reports.build(kind="final").texts)
    # Emptied, a part's text is gone.
    report_editions.save_report_texts(
        kind="final", year=None, language="fr", texts={"introduction": ""},
        council_number="C26/45", by=secretariat,
    )  # fmt: skip
    assert list(ReportText.objects.values_list("part", flat=True)) == []


def test_texts_refused_for_others_and_unknown_parts(year):
    secretariat = SecretariatFactory()
    with pytest.raises(DomainError):
        report_editions.save_report_texts(
            kind="annual",
            year=year,
            language="fr",
            texts={},
            council_number="",
            by=DelegateFactory(),
        )
    with pytest.raises(DomainError):
        # The yearly report has no proposals part; only the final report has.
        report_editions.save_report_texts(
            kind="annual", year=year, language="fr", texts={"proposals": "x"},
            council_number="", by=secretariat,
        )  # fmt: skip
    with pytest.raises(DomainError) as refused:
        report_editions.save_report_texts(
            kind="annual",
            year=year,
            language="fr",
            texts={},
            council_number="C" * 41,
            by=secretariat,
        )
    assert refused.value.field == "council_number"
    assert not ReportText.objects.exists()
    assert not ReportEdition.objects.exclude(council_number="").exists()


def test_only_the_groups_own_meetings_are_counted(year):
    with translation.override("en"):
        built = reports.build(kind="annual", year=year)
    meetings = next(s for s in built.sections if s.title == "Meetings")
    assert meetings.blocks[0].text == "The group held 1 meetings in this period."
    assert [row[0] for row in meetings.blocks[1].rows] == ["CWG-COP-25"]
    statistics = next(s for s in built.sections if s.title == "Statistics")
    assert statistics.blocks, "the statistics section says what it has, even when nothing"


def test_generation_registers_the_report_with_its_council_number(year):
    secretariat = SecretariatFactory()
    report_editions.save_report_texts(
        kind="annual", year=year, language="en", texts={"work": "The group met twice."},
        council_number="C26/45", by=secretariat,
    )  # fmt: skip
    generation = report_editions.start_report_generation(kind="annual", year=year, by=secretariat)
    assert generation.status == ReportGeneration.Status.QUEUED
    with pytest.raises(DomainError) as refused:
        report_editions.start_report_generation(kind="annual", year=year, by=secretariat)
    assert refused.value.message == "This report is being generated already."
    assert tasks.generate_report.apply(args=[generation.pk]).get() is True
    generation.refresh_from_db()
    assert generation.status == ReportGeneration.Status.DONE
    assert generation.done_steps == generation.total_steps == 7
    document = ReportEdition.objects.get(kind="annual", year=year).document
    assert document.number == "CWG-COP-25/1" and document.document_type == "annual_report"
    assert document.abstract == "Council document C26/45"
    assert [p.code for p in document.mandate.all()] == ["R1306/RES/1.3"]
    assert sorted(f.language for f in document.files.all()) == ["ar", "en", "es", "fr", "ru", "zh"]
    assert "The group met twice." in document.files.get(language="en").text
    # A second delivery of the same message does nothing.
    assert tasks.generate_report.apply(args=[generation.pk]).get() is False
    assert Document.objects.count() == 1
    with pytest.raises(DomainError):
        report_editions.save_report_texts(
            kind="annual",
            year=year,
            language="en",
            texts={},
            council_number="C26/46",
            by=secretariat,
        )


def test_a_failed_generation_says_so_and_registers_nothing(year, monkeypatch):
    secretariat = SecretariatFactory()
    report_editions.save_report_texts(
        kind="bdt-67", year=year, language="en", texts={}, council_number="C26/12", by=secretariat
    )
    generation = report_editions.start_report_generation(kind="bdt-67", year=year, by=secretariat)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(reports, "to_pdf", broken)
    assert tasks.generate_report.apply(args=[generation.pk]).get() is False
    generation.refresh_from_db()
    assert generation.status == ReportGeneration.Status.FAILED and generation.error
    assert not Document.objects.exists()
    # It may be started again.
    assert report_editions.start_report_generation(kind="bdt-67", year=year, by=secretariat)


def test_the_other_reports_have_their_titles_periods_and_paragraphs(year):
    with translation.override("fr"):
        sg = reports.build(kind="sg-pp", year=2026)
        bdt = reports.build(kind="bdt-67", year=year)
    assert sg.start == datetime.date(2023, 1, 1) and sg.serves == "R179/SG/6"
    assert "Conférence de plénipotentiaires de 2026" in sg.title
    assert bdt.serves == "R179/BDT/1" and "Résolution 67" in bdt.title
    assert reports.build(kind="un-sg", year=year).serves == "R179/SG/5"
