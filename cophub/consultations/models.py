"""Youth consultations: one-day online consultations of young people before each meeting.

Council Resolution 1306 (§3) and Plenipotentiary Resolution 179 ask the working group to hear
young people before its meetings. Nothing stored here identifies a child: a response keeps only
an age band, a sex, a country and the day it was sent (see docs/consultations.md).
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cophub.core.models import Country, mandate_field
from cophub.workgroup.models import Meeting, validate_time_zone


class AgeBand(models.TextChoices):
    UNDER_13 = "u13", _("Under 13")
    FROM_13_TO_15 = "13-15", _("13 to 15")
    FROM_16_TO_17 = "16-17", _("16 to 17")
    FROM_18_TO_24 = "18-24", _("18 to 24")


class Sex(models.TextChoices):
    GIRL = "girl", _("Girl")
    BOY = "boy", _("Boy")
    ANOTHER = "another", _("Another")
    NOT_SAID = "unsaid", _("Prefer not to say")


class Consultation(models.Model):
    meeting = models.ForeignKey(
        Meeting, models.PROTECT, related_name="+", verbose_name=_("meeting")
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    # The window is set in the time zone the secretariat states, and stored in UTC for queries.
    opens_on = models.DateField(_("opening day"))
    opens_at_time = models.TimeField(_("opening time"), default=datetime.time(0, 0))
    duration_hours = models.PositiveSmallIntegerField(_("hours open"), default=24)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    opens_at = models.DateTimeField(_("opens (UTC)"), editable=False)
    closes_at = models.DateTimeField(_("closes (UTC)"), editable=False)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public site.")
    )
    outcome = models.TextField(
        _("what the group did"),
        blank=True,
        help_text=_("“You said, we did”: written after the meeting."),
    )
    device_limit = models.PositiveIntegerField(
        _("answers per device"),
        default=200,
        help_text=_(
            "How many responses are accepted from one network address and browser; a school's "
            "computers often share both."
        ),
    )
    # Keys the duplicate-limiting hashes; destroyed (set to NULL) when the window closes.
    duplicate_key = models.BinaryField(_("duplicate key"), null=True, editable=False)
    # The item of the meeting's agenda the young people's views serve: their summary is filed
    # under it, where the delegates read the documents of that item.
    agenda_item = models.ForeignKey(
        "workgroup.AgendaItem",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agenda item"),
    )
    # The PDF summary, registered as an information document of the meeting once it closed.
    summary_document = models.OneToOneField(
        "workgroup.Document",
        models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("summary report"),
    )
    # Told at once when an answer may tell of danger (services.raise_disclosures); without any,
    # every secretariat account is told.
    safeguarding_contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        limit_choices_to={"role": "secretariat", "is_active": True},
        verbose_name=_("safeguarding contacts"),
        help_text=_("Secretariat accounts told at once when an answer may tell of danger."),
    )
    mandate = mandate_field()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("youth consultation")
        verbose_name_plural = _("youth consultations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_hours__gte=1, duration_hours__lte=72),
                name="consultation_duration_range",
            ),
        ]

    def __str__(self):
        return self.title

    def compute_window(self) -> None:
        """Set opens_at and closes_at from the local day, time and time zone."""
        local = datetime.datetime.combine(self.opens_on, self.opens_at_time).replace(
            tzinfo=zoneinfo.ZoneInfo(self.time_zone)
        )
        self.opens_at = local.astimezone(datetime.UTC)
        self.closes_at = self.opens_at + datetime.timedelta(hours=self.duration_hours)

    def state(self, now: datetime.datetime) -> str:
        if now < self.opens_at:
            return "upcoming"
        if now < self.closes_at:
            return "open"
        return "closed"

    @property
    def local_opens_at(self) -> datetime.datetime:
        return self.opens_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    @property
    def local_closes_at(self) -> datetime.datetime:
        return self.closes_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        SCALE = "scale", _("Scale from 1 to 5")
        TEXT = "text", _("Short free text")

    consultation = models.ForeignKey(
        Consultation, models.CASCADE, related_name="questions", verbose_name=_("consultation")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    required = models.BooleanField(_("answer required"), default=True)
    scale_low = models.CharField(_("label of 1"), max_length=60, blank=True)
    scale_high = models.CharField(_("label of 5"), max_length=60, blank=True)
    results_published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_("The secretariat chooses which questions' results are public."),
    )
    action_taken = models.TextField(
        _("what we did"),
        blank=True,
        help_text=_("“You said, we did”: what the group did with these answers."),
    )

    class Meta:
        ordering = ["consultation", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text


class Option(models.Model):
    question = models.ForeignKey(
        Question, models.CASCADE, related_name="options", verbose_name=_("question")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("option"), max_length=200)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.text


class Response(models.Model):
    """One young person's answers. No IP, no user agent, no time of day: only the day."""

    shown_on_public_pages = False  # its writes leave the cached pages as they are

    consultation = models.ForeignKey(
        Consultation, models.CASCADE, related_name="responses", verbose_name=_("consultation")
    )
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    country = models.ForeignKey(
        Country, models.PROTECT, related_name="+", verbose_name=_("country")
    )
    language = models.CharField(_("language"), max_length=5)
    submitted_on = models.DateField(_("day sent"))
    # Keyed hash of the form's one-time number: makes a replayed or retried form count once.
    # Cleared with the duplicate key when the window closes.
    receipt = models.CharField(max_length=64, null=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["consultation", "country"])]

    def __str__(self):
        return f"{self.consultation_id}/{self.pk}"


class Answer(models.Model):
    shown_on_public_pages = False  # its writes leave the cached pages as they are

    class Moderation(models.TextChoices):
        NONE = "", _("Not free text")
        PENDING = "pending", _("Waiting for a moderator")
        APPROVED = "approved", _("Approved for quoting")
        REJECTED = "rejected", _("Not to be quoted")

    response = models.ForeignKey(
        Response, models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    option = models.ForeignKey(
        Option, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("option")
    )
    # The chosen options of a multiple-choice answer, as sorted ids "3,5,8": totals and the
    # most common combinations are read from it.
    choices = models.CharField(_("choices"), max_length=200, blank=True)
    scale = models.PositiveSmallIntegerField(_("scale"), null=True, blank=True)
    text = models.TextField(_("text, redacted"), blank=True)
    danger = models.BooleanField(_("may be in danger"), default=False)
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=Moderation.choices, blank=True
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(scale__isnull=True) | models.Q(scale__gte=1, scale__lte=5),
                name="answer_scale_range",
            ),
        ]
        indexes = [models.Index(fields=["question", "moderation"])]

    def __str__(self):
        return self.text[:60] if self.text else str(self.pk)


class FreeTextAnswer(Answer):
    """The moderators' view of free-text answers: the text alone, nothing about who wrote it."""

    class Meta:
        proxy = True
        verbose_name = _("free-text answer")
        verbose_name_plural = _("free-text answers to moderate")


class DeviceTally(models.Model):
    """How many responses came from one keyed hash of network address and browser.

    The hash is keyed by the consultation's duplicate key; rows and key are deleted when the
    window closes, so afterwards nothing links a response to a device.

    A device's tally is split into shards, each with its share of the limit: a row stays
    locked until its submission has committed, and a whole school behind one address and
    browser would otherwise wait for one row, one commit at a time. The shares add up to the
    limit, and a submission is refused only when every shard is full.
    """

    shown_on_public_pages = False  # its writes leave the cached pages as they are

    consultation = models.ForeignKey(
        Consultation, models.CASCADE, related_name="+", verbose_name=_("consultation")
    )
    digest = models.CharField(max_length=64)
    shard = models.PositiveSmallIntegerField(default=0)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "digest", "shard"], name="device_tally_shard_unique"
            )
        ]

    def __str__(self):
        return f"{self.digest[:8]}… ({self.count})"


class Disclosure(models.Model):
    """A free-text answer that may tell of danger, until a safeguarding contact has handled it.

    No text and nothing about the child: the answer (redacted) is read on the moderation page.
    The time is kept to the minute, enough to raise an unhandled disclosure again.
    """

    answer = models.OneToOneField(
        Answer, models.CASCADE, related_name="disclosure", verbose_name=_("answer")
    )
    consultation = models.ForeignKey(
        Consultation, models.CASCADE, related_name="+", verbose_name=_("consultation")
    )
    raised_at = models.DateTimeField(_("waiting since"))
    notified_at = models.DateTimeField(_("last told"))
    notices = models.PositiveSmallIntegerField(_("times told"), default=1)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )

    class Meta:
        ordering = ["handled_at", "raised_at", "pk"]
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        indexes = [models.Index(fields=["handled_at", "notified_at"])]

    def __str__(self):
        return f"{self.consultation_id}/{self.pk}"
