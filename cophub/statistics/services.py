"""Writes of the statistics module: accepting a submission of observations."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cophub.accounts.permissions import is_secretariat, represents_country
from cophub.core import cache as versioned
from cophub.core.errors import DomainError
from cophub.core.models import Country
from cophub.core.pagecache import raise_version

from . import selectors, submissions
from .models import (
    TOTAL,
    AgeBand,
    Disability,
    Indicator,
    Observation,
    ObservationStatus,
    Sex,
    Submission,
    Unit,
    Urbanisation,
)

# Cells counting fewer children than this are withheld from publication, the threshold many
# national statistics offices use for survey tables, so that no child can be singled out.
SMALL_CELL_MINIMUM = 10
FIRST_YEAR = 1990
MAX_ERRORS_REPORTED = 200
CHUNK = 5000

CODES = {
    "sex": {code for code, _label in Sex.choices},
    "age": {code for code, _label in AgeBand.choices},
    "urbanisation": {code for code, _label in Urbanisation.choices},
    "disability": {code for code, _label in Disability.choices},
    "status": {code for code, _label in ObservationStatus.choices},
}
YES = {"c", "yes", "true", "1", "y"}
NO = {"f", "no", "false", "0", "n", ""}


@dataclass
class RowError:
    row: str
    message: str
    order: int = field(default=0, repr=False, compare=False)  # the row's number, for sorting


@dataclass
class SubmissionReport:
    file_name: str
    file_format: str
    rows_read: int = 0
    created: int = 0
    revised: int = 0
    unchanged: int = 0
    withheld: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    submission: Submission | None = None

    @property
    def accepted(self) -> bool:
        return self.error_count == 0 and self.rows_read > 0

    def add_error(self, row: str, message: str, order: int = 0) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_REPORTED:
            self.errors.append(RowError(row, str(message), order))


class SubmissionRejected(DomainError):
    """A row was wrong: nothing was stored; the report names each wrong row."""

    def __init__(self, report: SubmissionReport):
        super().__init__(
            _("The file was not accepted: %(count)s problem(s) were found. Nothing was stored.")
            % {"count": report.error_count}
        )
        self.report = report

    def problem_members(self) -> dict:
        return {
            "rows_read": self.report.rows_read,
            "error_count": self.report.error_count,
            "errors": [{"row": e.row, "message": e.message} for e in self.report.errors],
        }


def figures_changed() -> None:
    """Raise the figures' version (see selectors.VERSION): every server process then computes
    its pages afresh. Called by each submission and, through signals, by edits in the admin."""
    versioned.bump(selectors.VERSION)
    raise_version("statistics")  # its pages too: this write may bypass the signals


def _focal_point_of(user: Any) -> str | None:
    """The Member State a national focal point submits for; None for anyone else."""
    iso2 = getattr(user, "country_id", None)
    return iso2 if represents_country(user, iso2) else None


def can_submit(user: Any) -> bool:
    return bool(
        is_secretariat(user)
        or _focal_point_of(user)
        or (user.is_authenticated and user.is_superuser)
    )


@dataclass
class _Checker:
    indicators: dict[str, Indicator]
    countries: set[str]
    own_country: str | None  # a Member State's focal point submits for its own country only
    last_year: int

    def clean(self, fields: dict) -> tuple[tuple, list[str]]:
        """The observation as a tuple ready to store, and the problems found in the row."""
        problems = []
        if "_error" in fields:
            return (), [fields["_error"]]
        code = fields.get("indicator", "")
        indicator = self.indicators.get(code)
        if indicator is None:
            problems.append(_("Unknown indicator code “%(code)s”.") % {"code": code})
        country = fields.get("country", "").upper()
        if country not in self.countries:
            problems.append(_("Unknown country code “%(code)s” (use ISO 3166-1 alpha-2).")
                            % {"code": fields.get("country", "")})  # fmt: skip
        elif self.own_country and country != self.own_country:
            problems.append(_("You may submit data for %(own)s only, not %(code)s.")
                            % {"own": self.own_country, "code": country})  # fmt: skip
        period = _year(fields.get("period", ""))
        if period is None or not FIRST_YEAR <= period <= self.last_year:
            problems.append(_("The year “%(year)s” is not a year from %(first)s to %(last)s.")
                            % {"year": fields.get("period", ""), "first": FIRST_YEAR, "last": self.last_year})  # fmt: skip
        breakdown = []
        for name in ("sex", "age", "urbanisation", "disability"):
            value = fields.get(name) or TOTAL
            if value not in CODES[name]:
                problems.append(_("“%(value)s” is not a code for %(breakdown)s (use one of %(codes)s).")
                                % {"value": value, "breakdown": _breakdown_label(name), "codes": ", ".join(sorted(CODES[name]))})  # fmt: skip
            elif value != TOTAL and indicator is not None and not indicator.supports(name):
                problems.append(_("Indicator %(code)s has no breakdown by %(breakdown)s.")
                                % {"code": code, "breakdown": _breakdown_label(name)})  # fmt: skip
            breakdown.append(value)
        value = _number(fields.get("value", ""))
        if value is None:
            problems.append(
                _("The value “%(value)s” is not a number.") % {"value": fields.get("value", "")}
            )
        elif indicator is not None:
            problems.extend(_range_problems(indicator, value))
        unit = fields.get("unit", "")
        if unit and indicator is not None and unit != indicator.unit:
            problems.append(_("The unit “%(unit)s” is not the indicator's unit, %(expected)s.")
                            % {"unit": unit, "expected": indicator.unit})  # fmt: skip
        status = fields.get("status") or "A"
        if status not in CODES["status"]:
            problems.append(
                _("“%(value)s” is not an observation status (use A, E, P or B).")
                % {"value": status}
            )
        confidential_text = fields.get("confidential", "").lower()
        if confidential_text not in YES | NO:
            problems.append(
                _("“%(value)s” is not C or F for confidential.")
                % {"value": fields.get("confidential")}
            )
        base_text = fields.get("base", "")
        base = _number(base_text) if base_text else None
        if base_text and (base is None or base < 0 or base != int(base)):
            problems.append(
                _("The number of children “%(value)s” is not a whole number.")
                % {"value": base_text}
            )
        source, note = fields.get("source", ""), fields.get("note", "")
        if len(source) > 300 or len(note) > 500:
            problems.append(_("The source may be 300 characters long and the note 500."))
        if problems or indicator is None:  # an unknown indicator is one of the problems
            return (), problems
        confidential = confidential_text in YES or (base is not None and base < SMALL_CELL_MINIMUM)
        return (
            indicator.pk,
            country,
            period,
            *breakdown,
            value,
            status,
            confidential,
            source,
            note,
        ), []


def _breakdown_label(name: str) -> str:
    breakdown_field = Observation._meta.get_field(name)
    assert isinstance(breakdown_field, models.Field)  # sex, age, urbanisation, disability
    return str(breakdown_field.verbose_name)


def _year(text: str) -> int | None:
    text = text.strip()
    if text.endswith("-A"):  # SDMX's annual period "2023-A"
        text = text[:-2]
    return int(text) if len(text) == 4 and text.isdigit() else None


def _number(text: str) -> float | None:
    try:
        number = float(text.strip())
    except (ValueError, AttributeError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _range_problems(indicator: Indicator, value: float) -> list[str]:
    if indicator.unit == Unit.YES_NO and value not in (0, 1):
        return [_("Indicator %(code)s takes 1 (yes) or 0 (no), not %(value)s.")
                % {"code": indicator.code, "value": value}]  # fmt: skip
    if value < indicator.min_value or (
        indicator.max_value is not None and value > indicator.max_value
    ):
        upper = "∞" if indicator.max_value is None else f"{indicator.max_value:g}"
        return [_("The value %(value)s is out of range for %(code)s (%(low)s to %(high)s).")
                % {"value": f"{value:g}", "code": indicator.code, "low": f"{indicator.min_value:g}", "high": upper}]  # fmt: skip
    return []


def _checker_for(user: Any) -> _Checker:
    own = None if user is None or user.is_superuser else _focal_point_of(user)
    return _Checker(
        indicators={i.code: i for i in Indicator.objects.all()},
        countries=set(Country.objects.values_list("iso2", flat=True)),
        own_country=own,
        last_year=timezone.now().year,
    )


@transaction.atomic
def submit_observations(
    *,
    data: bytes,
    file_name: str,
    submitted_by: Any = None,
    file_format: str | None = None,
    demo: bool = False,
    progress: Callable[[int], None] | None = None,
) -> SubmissionReport:
    """Check every row against its indicator's structure and store the file's observations.

    One pass over the file checks each row in Python against the codes held in memory; the rows
    that pass go to a writer. One transaction: when any row is wrong (including a row that
    repeats another), the whole file is refused (SubmissionRejected, with the report naming each
    wrong row) and nothing stays written. An observation that already exists is revised and its
    earlier value kept as an ObservationRevision.
    """
    file_format = file_format or submissions.detect_format(data, file_name)
    report = SubmissionReport(file_name=file_name, file_format=file_format)
    if submitted_by is not None and not can_submit(submitted_by):
        raise DomainError(_("Only national focal points and the secretariat may submit data."))
    checker = _checker_for(submitted_by)
    submission = Submission.objects.create(
        submitted_by=submitted_by, file_name=file_name[:200], format=file_format, demo=demo
    )
    writer = _StagingWriter(submission, report)
    clean, add = checker.clean, writer.add
    try:
        for number, fields in submissions.read_rows(data, file_format):
            report.rows_read += 1
            row, problems = clean(fields)
            if problems:
                where = submissions.row_label(file_format, number)
                for problem in problems:
                    report.add_error(where, problem, number)
            else:
                add(number, row)
            if progress and not report.rows_read % CHUNK:
                progress(report.rows_read)
    except submissions.FileRejected as error:
        report.add_error(error.where, error.message)
    writer.flush()
    writer.check_duplicates(lambda number: submissions.row_label(file_format, number))
    if not report.rows_read and not report.error_count:
        report.add_error(_("row 2"), _("The file has no observations."))
    if report.error_count:
        transaction.set_rollback(True)
        report.errors.sort(key=lambda error: error.order)
        raise SubmissionRejected(report)
    writer.finish()
    figures_changed()
    if progress:
        progress(report.rows_read)
    submission.observation_count = report.created + report.revised
    submission.revised_count = report.revised
    submission.save(update_fields=["observation_count", "revised_count"])
    report.submission = submission
    return report


def _duplicate_message(first_label: str) -> str:
    return _("This observation repeats %(row)s.") % {"row": first_label}


STAGING_COLUMNS = (
    "ordinal, row_number, indicator_id, country_id, period, sex, age, urbanisation, disability, "
    "value, status, confidential, source, note"
)
ANY_DUPLICATE = (
    "SELECT 1 FROM statistics_staging GROUP BY indicator_id, country_id, period, sex, age, "
    "urbanisation, disability HAVING count(*) > 1 LIMIT 1"
)
# The rows that repeat an earlier row's key, each with the first row that has it.
FIND_DUPLICATES = (
    "SELECT row_number, first_row, count(*) OVER () FROM (SELECT ordinal, row_number, "
    "first_value(row_number) OVER w AS first_row, first_value(ordinal) OVER w AS first_ordinal "
    "FROM statistics_staging WINDOW w AS (PARTITION BY indicator_id, country_id, period, sex, age, urbanisation, disability ORDER BY ordinal)) AS staged "
    "WHERE ordinal <> first_ordinal ORDER BY ordinal LIMIT %s"
)


class _StagingWriter:
    """Every row that passes the checks is copied (COPY) into a temporary table as it is read;
    the duplicates within the file, the earlier values to keep and the upsert are then each one
    statement over that table, in the submission's transaction."""

    def __init__(self, submission: Submission, report: SubmissionReport):
        self.submission, self.report = submission, report
        self.chunk: list[tuple] = []
        self.count = 0
        with connection.cursor() as cursor:
            # Sorting and hashing a million staged rows in memory, for this transaction only.
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute(
                "CREATE TEMPORARY TABLE statistics_staging (ordinal integer, row_number integer, "
                "indicator_id bigint, country_id varchar(2), period smallint, sex varchar(2), "
                "age varchar(8), urbanisation varchar(2), disability varchar(5), "
                "value double precision, status varchar(1), confidential boolean, "
                "source varchar(300), note varchar(500)) ON COMMIT DROP"
            )

    def add(self, number: int, row: tuple) -> None:
        self.count += 1
        self.chunk.append((self.count, number, *row))
        if len(self.chunk) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.chunk:
            return
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY statistics_staging ({STAGING_COLUMNS}) FROM STDIN") as copy,
        ):
            write = copy.write_row
            for row in self.chunk:
                write(row)
        self.chunk = []

    def check_duplicates(self, label: Callable[[int], str]) -> None:
        """Each row whose key an earlier row of the file already has: one sort of the staged
        rows, the first MAX_ERRORS_REPORTED named, all counted."""
        if not self.count:
            return
        with connection.cursor() as cursor:
            cursor.execute(ANY_DUPLICATE)  # one hash aggregate; most files have none
            if cursor.fetchone() is None:
                return
            cursor.execute(FIND_DUPLICATES, [MAX_ERRORS_REPORTED])
            rows = cursor.fetchall()
        for number, first, _total in rows:
            self.report.add_error(label(number), _duplicate_message(label(first)), number)
        if rows:
            # the others, counted but not named
            self.report.error_count += rows[0][2] - len(rows)

    def finish(self) -> None:
        report = self.report
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE statistics_staging")
            cursor.execute("SELECT count(*) FILTER (WHERE confidential) FROM statistics_staging")
            report.withheld = cursor.fetchone()[0]
            # Submissions write one at a time (readers are not held up): no other file can add
            # a cell between the match below and the insert.
            cursor.execute("LOCK TABLE statistics_observation IN SHARE ROW EXCLUSIVE MODE")
            # What a foreign key's trigger would do for each row, once for the file: the
            # indicators and countries it uses cannot be deleted until it is committed.
            for statement in LOCK_REFERENCED:
                cursor.execute(statement)
            cursor.execute(MATCH_STORED)
            cursor.execute(KEEP_EARLIER_VALUES)
            report.revised = cursor.rowcount
            cursor.execute(UPDATE_CHANGED, [self.submission.pk])
            cursor.execute(INSERT_NEW, [self.submission.pk])
            report.created = cursor.rowcount
            report.unchanged = self.count - report.created - report.revised
            cursor.execute("DROP TABLE statistics_staging, statistics_matched")


LOCK_REFERENCED = (
    "SELECT 1 FROM statistics_indicator WHERE id IN "
    "(SELECT DISTINCT indicator_id FROM statistics_staging) FOR KEY SHARE",
    "SELECT 1 FROM core_country WHERE iso2 IN "
    "(SELECT DISTINCT country_id FROM statistics_staging) FOR KEY SHARE",
)
# The write, in four statements over the staged rows. One join (a merge join along the unique
# index) finds the cells already stored, with their current values.
MATCH_STORED = (
    "CREATE TEMPORARY TABLE statistics_matched ON COMMIT DROP AS "
    "SELECT s.ordinal, o.id, o.value, o.status, o.confidential, o.source, o.note, o.submission_id "
    "FROM statistics_staging s JOIN statistics_observation o ON o.indicator_id = s.indicator_id AND o.country_id = s.country_id AND o.period = s.period AND o.sex = s.sex AND o.age = s.age AND o.urbanisation = s.urbanisation AND o.disability = s.disability"
)
KEEP_EARLIER_VALUES = (
    "INSERT INTO statistics_observationrevision (observation_id, value, status, confidential, source, "
    "note, submission_id, valid_until) "
    "SELECT m.id, m.value, m.status, m.confidential, m.source, m.note, m.submission_id, now() "
    "FROM statistics_matched m JOIN statistics_staging s USING (ordinal) WHERE "
    "(m.value, m.status, m.confidential, m.source, m.note) IS DISTINCT FROM "
    "(s.value, s.status, s.confidential, s.source, s.note)"
)
UPDATE_CHANGED = (
    "UPDATE statistics_observation o SET value = s.value, status = s.status, "
    "confidential = s.confidential, source = s.source, note = s.note, submission_id = %s, "
    "updated_at = now() FROM statistics_matched m JOIN statistics_staging s USING (ordinal) "
    "WHERE o.id = m.id AND "
    "(m.value, m.status, m.confidential, m.source, m.note) IS DISTINCT FROM "
    "(s.value, s.status, s.confidential, s.source, s.note)"
)
# In key order, so that the unique index is written page after page rather than at random.
INSERT_NEW = (
    "INSERT INTO statistics_observation (indicator_id, country_id, period, sex, age, urbanisation, disability, value, status, confidential, source, note, "
    "submission_id, updated_at) "
    "SELECT indicator_id, country_id, period, sex, age, urbanisation, disability, value, status, confidential, source, note, %s, now() "
    "FROM statistics_staging s WHERE NOT EXISTS "
    "(SELECT 1 FROM statistics_matched m WHERE m.ordinal = s.ordinal) ORDER BY indicator_id, country_id, period, sex, age, urbanisation, disability"
)
