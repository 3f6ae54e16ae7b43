"""Who does which child online protection activity, and which activities overlap.

Resolution 179 asks the Secretary-General to identify the COP activities of other UN
organisations and coordinate with them (instructs the Secretary-General 1 and 4), and the
Directors to coordinate the Bureaux' activities (instructs the Secretary-General and the
Directors 1); Resolution 1306 asks the working group to liaise while avoiding duplicated effort
(resolves 4). The register holds the activities; the secretariat's marks record what was decided
about each pair that looked alike.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cophub.core.models import Country, Organisation, Region, mandate_field


class Topic(models.Model):
    """A term of the register's topic vocabulary, labelled in the six languages.

    The codes are those of the resource repository's vocabulary where it has the term, so that a
    topic page can list the resources on the same topic; the register adds a few terms the
    repository does not need (national strategies, data and statistics, law enforcement).
    Loaded from data/topics.json after every migrate.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label = models.CharField(_("label"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("coordination:topic", args=[self.code])


class Activity(models.Model):
    class Kind(models.TextChoices):
        GUIDELINE = "guideline", _("Guideline")
        RESEARCH = "research", _("Research")
        TRAINING = "training", _("Training")
        CAMPAIGN = "campaign", _("Campaign")
        CAPACITY_BUILDING = "capacity_building", _("Capacity building")
        STANDARD = "standard", _("Standard")
        EVENT = "event", _("Event")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ONGOING
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=5, choices=settings.LANGUAGES
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="+", verbose_name=_("countries")
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="+", verbose_name=_("ITU regions")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="activities", verbose_name=_("topics")
    )
    # A role, never a person: the public page must carry no personal data.
    contact_role = models.CharField(_("contact (role)"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True, max_length=500)
    mandate = mandate_field()
    # What the overlap finder reads, computed by the services whenever the activity is written.
    inferred_topics = models.CharField(_("topics found in the text"), max_length=500, blank=True)
    terms = models.TextField(_("analysed terms"), blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="activity_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("coordination:activity", args=[self.slug])


class ActivityLink(models.Model):
    """A resource of the repository or a document of the working group that an activity produced
    or relies on; found and checked through those modules' selectors, named by its address."""

    class Target(models.TextChoices):
        RESOURCE = "resource", _("Resource")
        DOCUMENT = "document", _("Document")

    activity = models.ForeignKey(
        Activity, models.CASCADE, related_name="links", verbose_name=_("activity")
    )
    target = models.CharField(_("kind of record"), max_length=10, choices=Target.choices)
    slug = models.CharField(_("address"), max_length=120)
    title = models.CharField(_("title"), max_length=400)
    url = models.CharField(_("link"), max_length=300)

    class Meta:
        ordering = ["target", "slug"]
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "target", "slug"], name="activity_link_unique"
            ),
        ]

    def __str__(self):
        return self.title


class OverlapMark(models.Model):
    """The secretariat's decision about two activities that look alike. A pair is stored once,
    the activity with the smaller id first."""

    class Relation(models.TextChoices):
        COORDINATED = "coordinated", _("Coordinated")
        COMPLEMENTARY = "complementary", _("Complementary")
        DUPLICATE = "duplicate", _("Duplicate")

    first = models.ForeignKey(
        Activity, models.CASCADE, related_name="+", verbose_name=_("first activity")
    )
    second = models.ForeignKey(
        Activity, models.CASCADE, related_name="+", verbose_name=_("second activity")
    )
    relation = models.CharField(_("relation"), max_length=15, choices=Relation.choices)
    note = models.TextField(_("note"), blank=True)
    score = models.FloatField(_("score when marked"), null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        ordering = ["-marked_at", "-id"]
        verbose_name = _("overlap mark")
        verbose_name_plural = _("overlap marks")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="overlap_mark_pair_unique"),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="overlap_mark_pair_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.first} / {self.second}: {self.get_relation_display()}"

    def other(self, activity: Activity) -> Activity:
        return self.second if activity.pk == self.first_id else self.first
