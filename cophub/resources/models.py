"""The COP resource repository that Resolution 179 (instructs the Secretary-General 3) asks ITU
to keep: guidelines, best practices, safety tools, campaigns, trainings, research and national
strategies, in the six official languages."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cophub.core.models import mandate_field

LANGUAGE_CHOICES = settings.LANGUAGES


class Topic(models.Model):
    """One term of the repository's controlled vocabulary, labelled in the six languages."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label = models.CharField(_("label"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.label


class Audience(models.Model):
    """Whom a resource is written for; children are divided by age group, as the 2020
    guidelines for children are."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    min_age = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return self.label


class GuidelineSet(models.Model):
    """One of the four sets of COP guidelines (children, parents and educators, industry,
    policymakers), kept up to date in editions (Resolution 179, instructs BDT 5)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    audience = models.ForeignKey(
        Audience, models.PROTECT, related_name="+", verbose_name=_("audience")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("guideline set")
        verbose_name_plural = _("guideline sets")

    def __str__(self):
        return self.title


class Resource(models.Model):
    class Kind(models.TextChoices):
        GUIDELINE = "guideline", _("Guideline")
        BEST_PRACTICE = "best_practice", _("Best practice")
        SAFETY_TOOL = "safety_tool", _("Safety tool")
        CAMPAIGN = "campaign", _("Awareness campaign")
        TRAINING = "training", _("Training programme")
        RESEARCH = "research", _("Research or report")
        NATIONAL_STRATEGY = "national_strategy", _("National strategy document")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        RETURNED = "returned", _("Returned")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class AccessibleFormat(models.TextChoices):
        EASY_READ = "easy_read", _("Easy read")
        AUDIO = "audio", _("Audio")
        SIGN_LANGUAGE = "sign_language", _("Sign-language video")
        LARGE_PRINT = "large_print", _("Large print")

    class Delivery(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        BLENDED = "blended", _("Online and in person")

    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        FREEMIUM = "freemium", _("Free with paid options")
        PAID = "paid", _("Paid")

    class Licence(models.TextChoices):
        CC_BY_NC_SA_3_IGO = "CC-BY-NC-SA-3.0-IGO", "CC BY-NC-SA 3.0 IGO"
        CC_BY_3_IGO = "CC-BY-3.0-IGO", "CC BY 3.0 IGO"
        CC_BY_4 = "CC-BY-4.0", "CC BY 4.0"
        CC_BY_NC_4 = "CC-BY-NC-4.0", "CC BY-NC 4.0"
        ITU_COPYRIGHT = "ITU", _("© ITU, all rights reserved")
        ALL_RIGHTS_RESERVED = "reserved", _("All rights reserved by the publisher")

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PUBLISHED
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=5, choices=LANGUAGE_CHOICES
    )
    audiences = models.ManyToManyField(
        Audience, blank=True, related_name="resources", verbose_name=_("audiences")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="resources", verbose_name=_("topics")
    )
    countries = models.ManyToManyField(
        "core.Country", blank=True, related_name="+", verbose_name=_("countries")
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("When not a listed organisation.")
    )
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    # Guideline editions: the set, the year of the edition, and the edition it replaces.
    guideline_set = models.ForeignKey(
        GuidelineSet,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="editions",
        verbose_name=_("guideline set"),
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    previous_edition = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_edition",
        verbose_name=_("previous edition"),
    )
    # Accessible editions for children with disabilities (Resolution 179, instructs BDT 7).
    adapts = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="accessible_editions",
        verbose_name=_("accessible edition of"),
    )
    accessible_format = models.CharField(
        _("accessible format"), max_length=20, choices=AccessibleFormat.choices, blank=True
    )
    # Trainings.
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    delivery = models.CharField(_("delivery"), max_length=12, choices=Delivery.choices, blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    # Safety tools.
    platforms = models.JSONField(_("platforms"), default=list, blank=True)
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, blank=True)
    tool_languages = models.JSONField(_("languages of the tool"), default=list, blank=True)
    # Best-practice submissions: who sent it, whom to credit, and the secretariat's review.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    credit = models.CharField(_("credited to"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    mandate = mandate_field()
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["status", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="guideline")
                | models.Q(guideline_set__isnull=True, edition__isnull=True),
                name="resource_edition_only_for_guidelines",
                violation_error_message=_("Only guidelines belong to a guideline set."),
            ),
            models.CheckConstraint(
                condition=models.Q(adapts__isnull=True, accessible_format="")
                | (models.Q(adapts__isnull=False) & ~models.Q(accessible_format="")),
                name="resource_accessible_edition_has_format",
                violation_error_message=_(
                    "An accessible edition names both the edition it adapts and its format."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="resource_training_dates_in_order",
                violation_error_message=_("A training cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED


class LanguageVersion(models.Model):
    """The resource in one language: an uploaded file or a link, one per language."""

    resource = models.ForeignKey(
        Resource, models.CASCADE, related_name="versions", verbose_name=_("resource")
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    file = models.FileField(_("file"), upload_to="resources/%Y/", blank=True)
    file_kind = models.CharField(_("file type"), max_length=8, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    extracted_text = models.TextField(_("text extracted from the file"), blank=True)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["resource", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "language"],
                name="resource_one_version_per_language",
                violation_error_message=_("This resource already has a version in that language."),
            ),
            models.CheckConstraint(
                condition=~models.Q(file="") | ~models.Q(link=""),
                name="resource_version_has_file_or_link",
                violation_error_message=_("Give a file or a link."),
            ),
        ]

    def __str__(self):
        return f"{self.resource} [{self.language}]"

    @property
    def url(self) -> str:
        # Files are served by resources.views.version_file, which checks who may read them;
        # MEDIA_ROOT itself is served by nothing.
        if self.file:
            return reverse(
                "resources:file", kwargs={"slug": self.resource.slug, "language": self.language}
            )
        return self.link


class SearchEntry(models.Model):
    """The analysed terms of a resource (see cophub/core/text.py); PostgreSQL builds the
    full-text index over these: a generated tsvector column, added by migration 0002 and kept in
    step by the database itself."""

    resource = models.OneToOneField(Resource, models.CASCADE, related_name="search_entry")
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title_terms[:80]


class DeletedRecord(models.Model):
    """A resource harvesters had seen and that is no longer public (withdrawn, taken back into
    review or deleted): OAI-PMH lists it as deleted, for good ("persistent"), so that the global
    repositories that harvested it learn to drop it. It goes away if the resource is published
    again."""

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    # The record's OAI-PMH sets, space-delimited on both sides (" kind:guideline audience:x "),
    # so that a set is found by its whole name on both databases.
    set_specs = models.CharField(_("sets"), max_length=500, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("deleted record")
        verbose_name_plural = _("deleted records")

    def __str__(self):
        return self.slug

    @property
    def set_spec_list(self) -> list[str]:
        return self.set_specs.split()
