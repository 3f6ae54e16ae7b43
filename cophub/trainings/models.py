import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cophub.core.models import mandate_field


class Audience(models.TextChoices):
    POLICYMAKERS = "policymakers", _("Policymakers")
    EDUCATORS = "educators", _("Educators")
    PARENTS = "parents", _("Parents and carers")
    INDUSTRY = "industry", _("Industry")
    YOUTH = "youth", _("Children and young people")


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class Training(models.Model):
    """A dated training, held on site, online, or both (Resolution 179, RES/5, BDT/9, MS/4-6)."""

    slug = models.SlugField(_("address"), max_length=80, unique=True, allow_unicode=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=3000)
    audience = models.CharField(_("audience"), max_length=12, choices=Audience.choices)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # The organisers' time zone: the page shows the hours as the participants on site read them.
    time_zone = models.CharField(_("time zone"), max_length=64)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    mandate = mandate_field()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="training_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=~models.Q(place="") | models.Q(online=True),
                name="training_has_a_place_or_is_online",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class TrainingRequest(models.Model):
    """A Member State's delegate, or an organisation, asks for a training (Resolution 179,
    resolves 5: capacity building "at their request"; BDT/9: training programmes for all
    stakeholders). The secretariat answers it: it schedules a training, or declines and says why."""

    class State(models.TextChoices):
        RECEIVED = "received", _("Received, waiting for the secretariat")
        SCHEDULED = "scheduled", _("A training is scheduled")
        DECLINED = "declined", _("Declined by the secretariat")

    topic = models.CharField(_("topic"), max_length=200)
    audience = models.CharField(_("audience"), max_length=12, choices=Audience.choices)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    country = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("country")
    )
    period_start = models.DateField(_("preferred from"))
    period_end = models.DateField(_("preferred until"))
    note = models.TextField(_("note"), max_length=3000, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.RECEIVED
    )
    training = models.ForeignKey(
        Training,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("training scheduled"),
    )
    reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("request for a training")
        verbose_name_plural = _("requests for a training")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="training_request_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(state="received", training__isnull=True, reason="")
                | models.Q(state="scheduled", training__isnull=False)
                | (models.Q(state="declined", training__isnull=True) & ~models.Q(reason="")),
                name="training_request_answer_fits_its_state",
            ),
        ]

    def __str__(self):
        return f"{self.country_id}: {self.topic} ({self.get_state_display()})"
