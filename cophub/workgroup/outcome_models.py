"""What a meeting leaves behind, and what the group reports and sends.

- The meeting report (summary record): drafted by the secretariat, circulated to the meeting's
  participants for comments over a set period, then approved and registered as a document.
- Decisions and action items: records that stay open from meeting to meeting until closed.
- The reports the mandate asks for (Council Resolution 1306 §1.3 and §6; Resolution 179 "instructs
  the Secretary-General" 5 and 6, "instructs the Director of BDT" 1): the secretariat's own words
  per part and language, a Council document number, and their generation on the task queue.
- Distribution lists of organisations, and the dispatch of a document to one of them.

Imported by models.py; the foreign keys name the working group's models by label.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cophub.core.models import mandate_field


class MeetingReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated for comments")
        APPROVED = "approved", _("Approved and registered")

    meeting = models.OneToOneField(
        "workgroup.Meeting", models.PROTECT, related_name="report", verbose_name=_("meeting")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    text = models.TextField(_("text of the report"))
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("drafted by")
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    circulated_at = models.DateTimeField(_("circulated at"), null=True, blank=True)
    comments_close_on = models.DateField(_("comments close on"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    document = models.OneToOneField(
        "workgroup.Document",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered as"),
    )

    class Meta:
        verbose_name = _("meeting report")
        verbose_name_plural = _("meeting reports")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(document__isnull=False),
                name="meeting_report_approved_is_registered",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(comments_close_on__isnull=False),
                name="meeting_report_circulated_has_period",
            ),
        ]

    def __str__(self):
        return f"{self.meeting}"


class ReportComment(models.Model):
    """A participant's comment on the circulated draft."""

    report = models.ForeignKey(
        MeetingReport, models.CASCADE, related_name="comments", verbose_name=_("meeting report")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("author")
    )
    text = models.TextField(_("comment"), max_length=5000)
    written_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["report", "written_at", "pk"]
        verbose_name = _("comment on a meeting report")
        verbose_name_plural = _("comments on meeting reports")

    def __str__(self):
        return f"{self.report} · {self.author}"


class Outcome(models.Model):
    """A decision or an action item of a meeting. It stays on the later meetings' pages, and
    their agendas, until it is closed."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("Decision")
        ACTION = "action", _("Action item")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    meeting = models.ForeignKey(
        "workgroup.Meeting",
        models.PROTECT,
        related_name="outcomes",
        verbose_name=_("recorded at meeting"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("text"), max_length=3000)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    due_on = models.DateField(_("due by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    documents = models.ManyToManyField(
        "workgroup.Document", blank=True, related_name="+", verbose_name=_("documents concerned")
    )
    mandate = mandate_field()
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closing_note = models.TextField(_("how it was closed"), blank=True)

    class Meta:
        ordering = ["meeting__starts_on", "pk"]
        verbose_name = _("decision or action item")
        verbose_name_plural = _("decisions and action items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="open", closed_at__isnull=True)
                | models.Q(status="closed", closed_at__isnull=False),
                name="outcome_closed_has_date",
            ),
        ]

    def __str__(self):
        return self.text[:60]


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Yearly report to Council")
    FINAL = "final", _("Final report to Council")
    SG_PP = "sg-pp", _("Secretary-General's progress report to the Plenipotentiary Conference")
    BDT_67 = "bdt-67", _("BDT's yearly report on WTDC Resolution 67")
    UN_SG = "un-sg", _("Report to the Secretary-General of the United Nations")


class ReportEdition(models.Model):
    """One report of one kind for one period: its number at Council and the secretariat's words.
    `year` is 0 for the final report, which covers every meeting since the first."""

    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"), default=0)
    council_number = models.CharField(
        _("Council document number"),
        max_length=40,
        blank=True,
        help_text=_("As Council numbers it, e.g. C26/45."),
    )
    document = models.ForeignKey(
        "workgroup.Document",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered as"),
    )

    class Meta:
        ordering = ["-year", "kind"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="report_edition_unique"),
        ]

    def __str__(self):
        return f"{self.kind} {self.year}"


class ReportPart(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    WORK = "work", _("The year's work in the group's words")
    PROPOSALS = "proposals", _("Proposals for continued consideration")
    CONCLUSIONS = "conclusions", _("Conclusions")


class ReportText(models.Model):
    """The secretariat's words for one part of a report, in one of the six languages."""

    edition = models.ForeignKey(
        ReportEdition, models.CASCADE, related_name="texts", verbose_name=_("report")
    )
    part = models.CharField(_("part"), max_length=20, choices=ReportPart.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    text = models.TextField(_("text"), max_length=20000)

    class Meta:
        ordering = ["edition", "part", "language"]
        verbose_name = _("text of a report")
        verbose_name_plural = _("texts of reports")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "part", "language"], name="report_text_unique"
            ),
        ]

    def __str__(self):
        return f"{self.edition} · {self.part} · {self.language}"


class Generation(models.Model):
    """Work on the task queue that writes papers in the six languages and registers them (a
    report to Council, a meeting's call or agenda); its page reads `done_steps` to show how far
    it has gone."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting in the queue")
        RUNNING = "running", _("Being generated")
        DONE = "done", _("Registered")
        FAILED = "failed", _("Failed")

    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    done_steps = models.PositiveSmallIntegerField(_("steps done"), default=0)
    total_steps = models.PositiveSmallIntegerField(_("steps"), default=7)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.TextField(_("what went wrong"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-requested_at"]

    @property
    def percent(self) -> int:
        return round(100 * self.done_steps / max(1, self.total_steps))

    @property
    def working(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @classmethod
    def take(cls, pk: int) -> bool:
        """From "queued" to "running" in one statement: a second delivery of the same message
        finds nothing to take."""
        return bool(
            cls.objects.filter(pk=pk, status=cls.Status.QUEUED).update(status=cls.Status.RUNNING)
        )

    def record(self, **fields) -> None:
        """Record progress at once (outside any transaction), so that the page sees it."""
        type(self).objects.filter(pk=self.pk).update(**fields)

    def failed(self, message: str) -> bool:
        self.record(status=self.Status.FAILED, error=message, finished_at=timezone.now())
        return False


class ReportGeneration(Generation):
    """A report to Council being generated and registered (report_editions.py)."""

    edition = models.ForeignKey(
        ReportEdition, models.CASCADE, related_name="generations", verbose_name=_("report")
    )

    class Meta(Generation.Meta):
        verbose_name = _("report generation")
        verbose_name_plural = _("report generations")

    def __str__(self):
        return f"{self.edition} · {self.status}"


class PaperGeneration(Generation):
    """A paper of a meeting's cycle (its call, agenda or list of participants) being written and
    registered (paper_runs.py)."""

    class Paper(models.TextChoices):
        CALL = "call", _("Convening letter and call for contributions")
        DRAFT_AGENDA = "draft-agenda", _("Draft agenda")
        ADOPTED_AGENDA = "adopt-agenda", _("Agenda (adopted)")
        PARTICIPANTS = "participants", _("List of participants")

    meeting = models.ForeignKey(
        "workgroup.Meeting", models.CASCADE, related_name="+", verbose_name=_("meeting")
    )
    paper = models.CharField(_("document type"), max_length=16, choices=Paper.choices)
    # The site's address the call points to for submissions, as the request that asked saw it.
    base_url = models.CharField(_("address"), max_length=200, blank=True)
    document = models.ForeignKey(
        "workgroup.Document",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )

    class Meta(Generation.Meta):
        verbose_name = _("generation of a meeting's paper")
        verbose_name_plural = _("generations of meetings' papers")

    def __str__(self):
        return f"{self.meeting} · {self.paper} · {self.status}"


class DistributionList(models.Model):
    """Organisations a document is sent to, e.g. the UN agencies of the COP Initiative."""

    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("distribution list")
        verbose_name_plural = _("distribution lists")

    def __str__(self):
        return self.name


class DistributionAddress(models.Model):
    distribution_list = models.ForeignKey(
        DistributionList, models.CASCADE, related_name="addresses", verbose_name=_("list")
    )
    organisation = models.ForeignKey(
        "core.Organisation", models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )

    class Meta:
        ordering = ["distribution_list", "organisation", "email"]
        verbose_name = _("address on a distribution list")
        verbose_name_plural = _("addresses on distribution lists")
        constraints = [
            models.UniqueConstraint(
                fields=["distribution_list", "email"], name="distribution_address_unique"
            ),
        ]

    def __str__(self):
        return self.email


class Dispatch(models.Model):
    """A document sent to a distribution list: who sent it, when, to how many addresses."""

    document = models.ForeignKey(
        "workgroup.Document", models.PROTECT, related_name="dispatches", verbose_name=_("document")
    )
    distribution_list = models.ForeignKey(
        DistributionList, models.PROTECT, related_name="+", verbose_name=_("list")
    )
    organisations = models.TextField(_("organisations"))
    recipients = models.PositiveIntegerField(_("addresses"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("sent by")
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["document", "-sent_at"]
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")

    def __str__(self):
        return f"{self.document} → {self.distribution_list}"
