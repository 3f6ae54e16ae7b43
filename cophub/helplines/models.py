"""The directory of child helplines and reporting hotlines (Resolution 179, resolves 5: easier
access to helplines and hotlines; ITU-T E.1100 and the harmonised 116 111).

A `Helpline` is one service of one organisation, for one country or for a whole region. It is
reached through `ContactChannel`s (a number, a chat, an address), each with its own weekly
`OpeningHours` in the service's time zone. Impact is counted per country and day only.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cophub.core.models import mandate_field

# Entries not verified for this long are flagged to the secretariat (issue: "after a year").
VERIFICATION_PERIOD = datetime.timedelta(days=365)


class Kind(models.TextChoices):
    CHILD_HELPLINE = "child_helpline", _("Child helpline")
    REPORTING_HOTLINE = "reporting_hotline", _("Reporting hotline for child sexual abuse material")


class Topic(models.TextChoices):
    ANY = "any", _("Anything that worries you")
    ABUSE = "abuse", _("Abuse and violence")
    ONLINE = "online", _("Problems online")
    BULLYING = "bullying", _("Bullying")
    MENTAL_HEALTH = "mental_health", _("Feelings and mental health")
    FAMILY = "family", _("Family")
    SEXUAL_ABUSE_MATERIAL = "csam", _("Sexual images of children")
    EXPLOITATION = "exploitation", _("Exploitation and trafficking")


class ChannelKind(models.TextChoices):
    PHONE = "phone", _("Phone")
    SMS = "sms", _("SMS")
    CHAT = "chat", _("Chat")
    MESSAGING = "messaging", _("Messaging app")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Web form")
    APP = "app", _("App")


class Accessibility(models.TextChoices):
    TEXT = "text", _("Text channel for deaf and hard-of-hearing children")
    SIGN_LANGUAGE = "sign_language", _("Sign language")
    RELAY = "relay", _("Relay service")
    SCREEN_READER = "screen_reader", _("Works with screen readers")


class Helpline(models.Model):
    key = models.SlugField(_("key"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    operator = models.ForeignKey(
        "core.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation that runs it"),
        help_text=_("Members of this organisation may propose changes to the entry."),
    )
    operator_name = models.CharField(_("name of the organisation that runs it"), max_length=200)
    country = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    region = models.ForeignKey(
        "core.Region",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region it serves"),
    )
    website = models.URLField(_("website"), blank=True)
    languages = models.JSONField(_("languages (ISO 639-1 codes)"), default=list, blank=True)
    ages_min = models.PositiveSmallIntegerField(_("youngest age served"), null=True, blank=True)
    ages_max = models.PositiveSmallIntegerField(_("oldest age served"), null=True, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    source_name = models.CharField(_("public source"), max_length=200)
    source_url = models.URLField(_("address of the public source"))
    last_verified = models.DateField(_("last verified"))
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Shown as demo data on the public pages.")
    )
    active = models.BooleanField(_("listed"), default=True)
    mandate = mandate_field()
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["country_id", "kind", "name"]
        verbose_name = _("helpline or hotline")
        verbose_name_plural = _("helplines and hotlines")
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, region__isnull=True)
                | Q(country__isnull=True, region__isnull=False),
                name="helpline_country_or_region",
                violation_error_message=_("A service serves either one country or one region."),
            ),
            models.CheckConstraint(
                condition=Q(ages_min__isnull=True)
                | Q(ages_max__isnull=True)
                | Q(ages_min__lte=models.F("ages_max")),
                name="helpline_ages_ordered",
                violation_error_message=_("The youngest age must not be above the oldest."),
            ),
        ]

    def __str__(self):
        return self.name

    def needs_verification(self, today: datetime.date) -> bool:
        return self.last_verified < today - VERIFICATION_PERIOD


class ContactChannel(models.Model):
    helpline = models.ForeignKey(
        Helpline, models.CASCADE, related_name="channels", verbose_name=_("service")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ChannelKind.choices)
    # Phone and SMS: E.164 (+441234…) or a national short code (116111) with `works_in`.
    # Others: an https:// address or an e-mail address.
    value = models.CharField(_("number or address"), max_length=300)
    works_in = models.JSONField(_("countries where the short code works"), default=list, blank=True)
    label = models.CharField(_("label"), max_length=100, blank=True)
    free = models.BooleanField(_("free to contact"), null=True)
    cost_note = models.CharField(_("cost"), max_length=200, blank=True)
    always_open = models.BooleanField(_("open 24 hours, every day"), default=False)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    languages = models.JSONField(_("languages (ISO 639-1 codes)"), default=list, blank=True)
    accessibility = models.JSONField(_("accessibility"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["helpline", "order", "pk"]
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.display}"

    @property
    def is_short_code(self) -> bool:
        return self.kind in (ChannelKind.PHONE, ChannelKind.SMS) and not self.value.startswith("+")

    @property
    def display(self) -> str:
        if self.label:
            return self.label
        from .numbers import display_number

        if self.kind in (ChannelKind.PHONE, ChannelKind.SMS):
            return display_number(self.value)
        return self.value

    @property
    def href(self) -> str:
        if self.kind == ChannelKind.PHONE:
            return f"tel:{self.value}"
        if self.kind == ChannelKind.SMS:
            return f"sms:{self.value}"
        if self.kind == ChannelKind.EMAIL:
            return f"mailto:{self.value}"
        return self.value


class OpeningHours(models.Model):
    """One opening on one weekday, in the channel's time zone. An opening past midnight is two
    rows (to 24:00, then from 00:00), so that every row ends after it starts on the same day."""

    channel = models.ForeignKey(
        ContactChannel, models.CASCADE, related_name="hours", verbose_name=_("contact channel")
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=[(i, str(i)) for i in range(7)]
    )  # 0 = Monday, as Python counts
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("23:59 stands for midnight."))

    class Meta:
        ordering = ["channel", "weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="opening_hours_end_after_start",
                violation_error_message=_("The hours must end after they start."),
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="opening_hours_weekday"
            ),
        ]

    def __str__(self):
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ChangeProposal(models.Model):
    """A helpline organisation's proposed new version of one of its entries, in the import
    format, which the secretariat accepts or rejects."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the secretariat")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    helpline = models.ForeignKey(
        Helpline, models.CASCADE, related_name="proposals", verbose_name=_("service")
    )
    rows = models.JSONField(_("proposed rows"))
    note = models.TextField(_("note"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
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
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("answer of the secretariat"), blank=True)

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")

    def __str__(self):
        return f"{self.helpline} ({self.get_status_display()})"


class DailyCount(models.Model):
    """Impact without identifiers: how often the finder was opened for a country on a day, and
    how often each channel was tapped. No address, no cookie, nothing finer than the day."""

    shown_on_public_pages = False  # its writes leave the cached pages as they are

    class Event(models.TextChoices):
        VIEW = "view", _("Finder opened")
        TAP = "tap", _("Contact channel tapped")

    day = models.DateField(_("day"))
    country = models.ForeignKey(
        "core.Country", models.CASCADE, related_name="+", verbose_name=_("country")
    )
    event = models.CharField(_("event"), max_length=4, choices=Event.choices)
    channel = models.ForeignKey(
        ContactChannel,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact channel"),
    )
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["-day", "country_id"]
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "country"],
                condition=Q(channel__isnull=True),
                name="daily_count_view_unique",
            ),
            models.UniqueConstraint(
                fields=["day", "country", "channel"],
                condition=Q(channel__isnull=False),
                name="daily_count_tap_unique",
            ),
            models.CheckConstraint(
                condition=Q(event="view", channel__isnull=True)
                | Q(event="tap", channel__isnull=False),
                name="daily_count_tap_has_channel",
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.country_id} {self.event}: {self.count}"


# The harmonised child helpline number that every country's line is about. ITU invited every
# administration to allocate 116 111 to child helplines (TSB, 2008); the European Union reserved
# it in Europe (Commission Decision 2007/116/EC, amended by 2007/698/EC). Other regional numbers are recorded per country as their sources say.
CHILD_HELPLINE_NUMBER = "116111"


class DedicatedNumber(models.Model):
    """Whether a harmonised number for children is allocated and in service in one country, as a
    public source said on a given day (Resolution 179: invites Member States 11, instructs the TSB
    Director 3, and Member States and Sector Members 2 on Recommendation ITU-T E.1100).

    Only a sourced fact is stored: a country without a row for a number is "not known"."""

    class Status(models.TextChoices):
        IN_SERVICE = "in_service", _("Allocated and in service")
        ALLOCATED = "allocated", _("Allocated, not yet in service")
        NOT_ALLOCATED = "not_allocated", _("Not allocated")

    country = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("country")
    )
    number = models.CharField(_("number"), max_length=6)
    status = models.CharField(_("status"), max_length=14, choices=Status.choices)
    source_name = models.CharField(_("public source"), max_length=200)
    source_url = models.URLField(_("address of the public source"))
    checked_on = models.DateField(_("checked against the source on"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["country_id", "number"]
        verbose_name = _("dedicated number")
        verbose_name_plural = _("dedicated numbers")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "number"],
                name="dedicated_number_once_per_country",
                violation_error_message=_("This number is already recorded for this country."),
            ),
            models.CheckConstraint(
                condition=Q(number__regex=r"^[1-9][0-9]{2,5}$"),
                name="dedicated_number_is_a_short_code",
            ),
        ]

    def __str__(self):
        return f"{self.country_id} {self.number}: {self.get_status_display()}"

    @property
    def display(self) -> str:
        from .numbers import display_number

        return display_number(self.number)
