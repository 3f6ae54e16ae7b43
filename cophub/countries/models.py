"""What each country has done for child online protection, and how it was recorded.

Resolution 179 invites Member States to share their legislative, regulatory and technical COP
measures (MS/7), asks ITU to help them build national COP roadmaps and strategies (RES/2, BDT/8),
and to consider COP in national cybersecurity strategies (MS/9). Every country is assessed
against one checklist; every change is kept in the country's public history.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cophub.core.models import Country, mandate_field


class Category(models.TextChoices):
    LEGISLATIVE = "legislative", _("Legislative")
    REGULATORY = "regulatory", _("Regulatory")
    TECHNICAL = "technical", _("Technical")
    INSTITUTIONAL = "institutional", _("Institutional")
    EDUCATION = "education", _("Education and awareness")


class ChecklistItem(models.Model):
    """One question every country is assessed against, shipped in `data/checklist.json`."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"))
    source = models.CharField(_("derived from"), max_length=200)

    class Meta:
        ordering = ["order"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self):
        return f"{self.code} {self.title}"


class MeasureStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    DRAFT = "draft", _("Draft")
    NONE = "none", _("None")
    UNKNOWN = "unknown", _("Unknown")


# What each status adds to the checklist score: a draft counts half, since it shows the work
# has started but protects no child yet.
STATUS_POINTS: dict[str, float] = {
    MeasureStatus.IN_FORCE: 1.0,
    MeasureStatus.DRAFT: 0.5,
    MeasureStatus.NONE: 0.0,
    MeasureStatus.UNKNOWN: 0.0,
}


class Measure(models.Model):
    """A country's answer to one checklist item: the status of its measure, with evidence."""

    country = models.ForeignKey(
        Country, models.PROTECT, related_name="cop_measures", verbose_name=_("country")
    )
    item = models.ForeignKey(
        ChecklistItem, models.PROTECT, related_name="measures", verbose_name=_("checklist item")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MeasureStatus.choices, default=MeasureStatus.UNKNOWN
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["country", "item__order"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["country", "item"], name="one_measure_per_item"),
        ]

    def __str__(self):
        return f"{self.country_id} {self.item.code}: {self.get_status_display()}"


class Evidence(models.Model):
    """What shows a measure's status: a law, a code, a service, with a public link."""

    measure = models.ForeignKey(
        Measure, models.CASCADE, related_name="evidence", verbose_name=_("measure")
    )
    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    url = models.URLField(_("link"), max_length=500, blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return f"{self.title} ({self.year})"


class Roadmap(models.Model):
    """A country's national COP roadmap or strategy (Resolution 179, RES/2 and BDT/8)."""

    class Kind(models.TextChoices):
        ROADMAP = "roadmap", _("Roadmap")
        STRATEGY = "strategy", _("Strategy")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PREPARATION = "in_preparation", _("In preparation")
        ADOPTED = "adopted", _("Adopted")
        EXPIRED = "expired", _("Expired")

    class CyberStrategy(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NO_STRATEGY = "no_strategy", _("There is no national cybersecurity strategy")
        UNKNOWN = "unknown", _("Unknown")

    country = models.OneToOneField(
        Country, models.PROTECT, related_name="cop_roadmap", verbose_name=_("country")
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ROADMAP)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PREPARATION
    )
    start_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    # Resolution 179, MS/9: consider COP frameworks in national cybersecurity strategies.
    cop_in_cybersecurity_strategy = models.CharField(
        _("child online protection is part of the national cybersecurity strategy"),
        max_length=12,
        choices=CyberStrategy.choices,
        default=CyberStrategy.UNKNOWN,
    )
    summary = models.TextField(_("summary"), blank=True, max_length=3000)
    is_demo = models.BooleanField(_("demo data"), default=False)
    mandate = mandate_field()
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("national COP roadmap or strategy")
        verbose_name_plural = _("national COP roadmaps and strategies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_year__isnull=True)
                | models.Q(end_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="roadmap_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title


class Milestone(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        DROPPED = "dropped", _("Dropped")

    roadmap = models.ForeignKey(
        Roadmap, models.CASCADE, related_name="milestones", verbose_name=_("roadmap")
    )
    title = models.CharField(_("title"), max_length=300)
    owner = models.CharField(_("owner"), max_length=200)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    target_date = models.DateField(_("target date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    item = models.ForeignKey(
        ChecklistItem,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checklist item it advances"),
    )

    class Meta:
        ordering = ["target_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(target_date__gte=models.F("start_date")),
                name="milestone_target_after_start",
            ),
        ]

    def __str__(self):
        return self.title


class RoadmapDocument(models.Model):
    """A document of the roadmap, usually a record of the resource repository."""

    roadmap = models.ForeignKey(
        Roadmap, models.CASCADE, related_name="documents", verbose_name=_("roadmap")
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500)

    class Meta:
        ordering = ["title"]
        verbose_name = _("roadmap document")
        verbose_name_plural = _("roadmap documents")

    def __str__(self):
        return self.title


class Proposal(models.Model):
    """A change a Member State's focal point proposes for its own country, for the secretariat.

    The change is kept as data (`payload`) and applied only when the secretariat accepts it.
    """

    class Kind(models.TextChoices):
        MEASURE = "measure", _("Measure")
        ROADMAP = "roadmap", _("Roadmap or strategy")
        MILESTONE = "milestone", _("Milestone")
        DOCUMENT = "document", _("Roadmap document")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    country = models.ForeignKey(
        Country, models.PROTECT, related_name="+", verbose_name=_("country")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    payload = models.JSONField(_("proposed change"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("note from the secretariat"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")

    def __str__(self):
        return f"{self.country_id}: {self.get_kind_display()} ({self.get_status_display()})"


class Change(models.Model):
    """One change to a country's record: who made it, when, and what it changed (never edited).

    Field names and status codes are stored as codes and translated when shown, so that the
    history reads in every language.
    """

    class Action(models.TextChoices):
        MEASURE = "measure", _("Measure changed")
        EVIDENCE = "evidence", _("Evidence added")
        ROADMAP = "roadmap", _("Roadmap changed")
        MILESTONE_ADDED = "milestone_added", _("Milestone added")
        MILESTONE = "milestone", _("Milestone changed")
        DOCUMENT = "document", _("Document linked")

    country = models.ForeignKey(
        Country, models.PROTECT, related_name="+", verbose_name=_("country")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    proposal = models.ForeignKey(
        Proposal,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name=_("proposed change"),
    )
    action = models.CharField(_("what was done"), max_length=20, choices=Action.choices)
    item = models.ForeignKey(
        ChecklistItem,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checklist item"),
    )
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    # [{"field": "status", "before": "draft", "after": "in_force"}]: codes, translated when shown.
    details = models.JSONField(_("details"), default=list)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self):
        return f"{self.country_id} {self.get_action_display()} {self.subject}"


class AssistanceRequest(models.Model):
    """A Member State asks ITU for help with its COP roadmap, strategy or legislation.

    Resolution 179 instructs the BDT Director to assist Member States, especially developing
    countries, with COP roadmaps (RES/2) and national strategies (BDT/8), and to draw developing
    countries' attention to COP (BDT/4). The secretariat takes each request to its end here.
    """

    class Subject(models.TextChoices):
        ROADMAP = "roadmap", _("A national COP roadmap")
        STRATEGY = "strategy", _("A national COP strategy")
        LEGISLATION = "legislation", _("Legislation or regulation")

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        IN_PROGRESS = "in_progress", _("Assistance under way")
        COMPLETED = "completed", _("Completed")
        DECLINED = "declined", _("Declined")

    country = models.ForeignKey(
        Country, models.PROTECT, related_name="+", verbose_name=_("country")
    )
    subject = models.CharField(_("help with"), max_length=12, choices=Subject.choices)
    description = models.TextField(_("what is asked"), max_length=3000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.RECEIVED
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    mandate = mandate_field()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("request for assistance")
        verbose_name_plural = _("requests for assistance")

    def __str__(self):
        return f"{self.country_id}: {self.get_subject_display()} ({self.get_state_display()})"


class AssistanceStep(models.Model):
    """One step of a request for assistance: the state it reached, who moved it, and why."""

    request = models.ForeignKey(
        AssistanceRequest, models.CASCADE, related_name="steps", verbose_name=_("request")
    )
    state = models.CharField(_("state"), max_length=12, choices=AssistanceRequest.State.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("step of a request for assistance")
        verbose_name_plural = _("steps of requests for assistance")

    def __str__(self):
        return f"{self.request_id} {self.state}"
