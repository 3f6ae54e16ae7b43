"""Groups and their meetings: the calendar that documents, liaisons and youth consultations hang on.

Council Resolution 1306 sets up the Council Working Group on Child Online Protection (CWG-COP);
the groups it liaises with (e.g. CWG-Internet, ITU-T study groups) are recorded the same way.
"""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cophub.core.models import Organisation


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class Group(models.Model):
    class Kind(models.TextChoices):
        COUNCIL_WORKING_GROUP = "cwg", _("Council working group")
        STUDY_GROUP = "sg", _("Study group")
        OTHER = "other", _("Other group")

    # The prefix of its document numbers and meeting addresses, e.g. "CWG-COP".
    code = models.CharField(
        _("code"),
        max_length=30,
        unique=True,
        help_text=_("Upper-case letters, digits and hyphens, e.g. CWG-COP."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z0-9]+(-[A-Z0-9]+)*$"), name="group_code_form"
            ),
        ]

    def __str__(self):
        return self.code


class Meeting(models.Model):
    group = models.ForeignKey(
        Group, models.PROTECT, related_name="meetings", verbose_name=_("group")
    )
    # The group's own meeting number; document numbers carry it, e.g. CWG-COP/24/7.
    number = models.PositiveSmallIntegerField(_("number"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Zurich", validators=[validate_time_zone]
    )
    contribution_deadline = models.DateField(
        _("contribution deadline"),
        help_text=_("Contributions received after this date are accepted but marked late."),
    )

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="meeting_number_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="meeting_dates_order"
            ),
            models.CheckConstraint(
                condition=models.Q(contribution_deadline__lte=models.F("starts_on")),
                name="meeting_deadline_before_start",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def code(self) -> str:
        """The meeting's name in addresses and document numbers, e.g. CWG-COP-24."""
        return f"{self.group.code}-{self.number}"

    @property
    def tz(self) -> datetime.tzinfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    number = models.CharField(_("number"), max_length=10)  # "1", "4.2"
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "number"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_number_unique"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"
