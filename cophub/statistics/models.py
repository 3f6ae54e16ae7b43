"""The COP indicator framework and its observations.

Resolution 179 asks ITU to publish methodological frameworks for COP data and statistics so that
countries' data can be compared, and Member States to collect data disaggregated by sex and age.
Each indicator says how it is measured and which breakdowns it supports; each observation is one
value for one country, year and breakdown, with its status, source and earlier values kept.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cophub.core.models import Country, mandate_field

TOTAL = "_T"  # SDMX's code for "all of them" in every breakdown


class Sex(models.TextChoices):
    TOTAL = "_T", _("All children")
    FEMALE = "F", _("Girls")
    MALE = "M", _("Boys")


class AgeBand(models.TextChoices):
    TOTAL = "_T", _("All ages")
    Y9T11 = "Y9T11", _("9 to 11 years")
    Y12T14 = "Y12T14", _("12 to 14 years")
    Y15T17 = "Y15T17", _("15 to 17 years")


class Urbanisation(models.TextChoices):
    TOTAL = "_T", _("Urban and rural")
    URBAN = "U", _("Urban")
    RURAL = "R", _("Rural")


class Disability(models.TextChoices):
    TOTAL = "_T", _("With and without disability")
    DISABILITY = "DIS", _("With disability")
    NO_DISABILITY = "NODIS", _("Without disability")


class ObservationStatus(models.TextChoices):
    # The codes of SDMX's cross-domain code list CL_OBS_STATUS.
    NORMAL = "A", _("Normal")
    ESTIMATED = "E", _("Estimated")
    PROVISIONAL = "P", _("Provisional")
    BREAK = "B", _("Break in series")


class Unit(models.TextChoices):
    PERCENT = "PT", _("Percent")
    NUMBER = "NUMBER", _("Number")
    PER_100000 = "PER_100K", _("Per 100,000 children")
    YES_NO = "YES_NO", _("Yes (1) or no (0)")


class SourceType(models.TextChoices):
    HOUSEHOLD_SURVEY = "household_survey", _("Household survey")
    SCHOOL_SURVEY = "school_survey", _("School survey")
    ADMINISTRATIVE = "administrative", _("Administrative records")
    HOTLINE = "hotline", _("Hotline records")
    HELPLINE = "helpline", _("Helpline records")
    POLICY_REVIEW = "policy_review", _("Policy review")


# The breakdowns an indicator can support, by the name of the observation's field.
BREAKDOWNS = {
    "sex": Sex,
    "age": AgeBand,
    "urbanisation": Urbanisation,
    "disability": Disability,
}
# How a list of breakdowns names each one ("by sex, age and disability").
BREAKDOWN_LABELS = {
    "sex": _("sex"),
    "age": _("age"),
    "urbanisation": _("urban or rural"),
    "disability": _("disability"),
}


class Indicator(models.Model):
    """One COP indicator: what is measured, how, and how far countries' figures compare."""

    # Set by selectors.indicators_with_coverage (not columns).
    country_count: int
    latest_period: int | None

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Capital letters, digits and underscores, as SDMX codes are written."),
    )
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(_("decimals shown"), default=1)
    min_value = models.FloatField(_("smallest valid value"), default=0)
    max_value = models.FloatField(_("largest valid value"), null=True, blank=True)
    by_sex = models.BooleanField(_("by sex"), default=False)
    by_age = models.BooleanField(_("by age band"), default=False)
    by_urbanisation = models.BooleanField(_("by urban or rural area"), default=False)
    by_disability = models.BooleanField(_("by disability"), default=False)
    method_notes = models.TextField(_("method notes"), blank=True)
    comparability_notes = models.TextField(_("comparability notes"), blank=True)
    source_types = models.JSONField(_("source types"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    mandate = mandate_field()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z][A-Z0-9_]*$"), name="indicator_code_sdmx"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def supports(self, breakdown: str) -> bool:
        return getattr(self, f"by_{breakdown}")

    @property
    def breakdowns(self) -> list[str]:
        return [name for name in BREAKDOWNS if self.supports(name)]

    @property
    def breakdown_labels(self) -> list[str]:
        return [str(BREAKDOWN_LABELS[name]) for name in self.breakdowns]

    def source_type_labels(self) -> list[str]:
        labels = dict(SourceType.choices)
        return [labels.get(code, code) for code in self.source_types]


class Submission(models.Model):
    """A file of observations accepted from a national statistics office or focal point."""

    class Format(models.TextChoices):
        CSV = "csv", _("CSV")
        SDMX_CSV = "sdmx_csv", _("SDMX-CSV")
        SDMX_ML = "sdmx_ml", _("SDMX-ML")

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    file_name = models.CharField(_("file name"), max_length=200)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    observation_count = models.PositiveIntegerField(_("observations"), default=0)
    revised_count = models.PositiveIntegerField(_("observations revised"), default=0)
    demo = models.BooleanField(_("demo data"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return f"{self.file_name} ({self.submitted_at:%Y-%m-%d})"


class Observation(models.Model):
    """One value: an indicator for a country, a year and one cell of its breakdowns."""

    # No index of their own: the unique constraint's index starts with the indicator and
    # observation_country_period with the country; two more indexes on a table of millions of
    # rows would only slow every import down. Nor a database constraint (db_constraint=False):
    # PostgreSQL checks one with a trigger per inserted row, which cost half the time of a
    # million-row import. The references hold all the same: every row is checked against the
    # indicators and countries before it is stored (services), the import holds a key-share lock
    # on the indicators and countries it uses until it commits, deletions are refused (PROTECT)
    # and a submission's removal clears its observations' reference (SET_NULL), both in Django.
    indicator = models.ForeignKey(
        Indicator,
        models.PROTECT,
        related_name="observations",
        verbose_name=_("indicator"),
        db_index=False,
        db_constraint=False,
    )
    country = models.ForeignKey(
        Country,
        models.PROTECT,
        related_name="+",
        verbose_name=_("country"),
        db_index=False,
        db_constraint=False,
    )
    period = models.PositiveSmallIntegerField(_("year"))
    sex = models.CharField(_("sex"), max_length=2, choices=Sex.choices, default=TOTAL)
    age = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices, default=TOTAL)
    urbanisation = models.CharField(
        _("urban or rural"), max_length=2, choices=Urbanisation.choices, default=TOTAL
    )
    disability = models.CharField(
        _("disability"), max_length=5, choices=Disability.choices, default=TOTAL
    )
    value = models.FloatField(_("value"))
    status = models.CharField(
        _("status"), max_length=1, choices=ObservationStatus.choices, default="A"
    )
    # A cell too small to publish without risk of pointing at a child: stored for the office that
    # sent it, never shown (see SMALL_CELL_MINIMUM in services).
    confidential = models.BooleanField(_("confidential"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    submission = models.ForeignKey(
        Submission,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("submission"),
        db_constraint=False,  # see above; the submission is created in the same transaction
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["indicator", "country", "period"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "country",
                    "period",
                    "sex",
                    "age",
                    "urbanisation",
                    "disability",
                ],
                name="observation_one_per_cell",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "period"], name="observation_indicator_period"),
            models.Index(fields=["country", "period"], name="observation_country_period"),
            # The published totals, which the comparison pages read: small beside the table.
            models.Index(
                fields=["indicator", "period", "country"],
                condition=models.Q(
                    sex=TOTAL, age=TOTAL, urbanisation=TOTAL, disability=TOTAL, confidential=False
                ),
                name="observation_published_totals",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.country_id} {self.period} {self.value}"

    @property
    def key(self) -> tuple:
        return (self.sex, self.age, self.urbanisation, self.disability)


class ObservationRevision(models.Model):
    """An earlier value of an observation, kept when a later submission replaced it."""

    observation = models.ForeignKey(
        Observation, models.CASCADE, related_name="revisions", verbose_name=_("observation")
    )
    value = models.FloatField(_("value"))
    status = models.CharField(_("status"), max_length=1, choices=ObservationStatus.choices)
    confidential = models.BooleanField(_("confidential"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    submission = models.ForeignKey(
        Submission, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    valid_until = models.DateTimeField(_("replaced at"), auto_now_add=True)

    class Meta:
        ordering = ["-valid_until"]
        verbose_name = _("earlier value")
        verbose_name_plural = _("earlier values")

    def __str__(self):
        return f"{self.observation_id}: {self.value}"
