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
