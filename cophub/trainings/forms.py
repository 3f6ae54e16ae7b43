import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cophub.core.forms import readable_text

from .models import Audience, time_zone_choices

LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, validators=[readable_text])
    summary = forms.CharField(
        label=_("Summary"), max_length=3000, widget=forms.Textarea, validators=[readable_text]
    )
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=LOCAL_INPUT)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=LOCAL_INPUT)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        initial="Europe/Zurich",
        help_text=_("The hours above are read in this time zone."),
    )
    place = forms.CharField(
        label=_("Place"), max_length=200, required=False, validators=[readable_text]
    )
    online = forms.BooleanField(label=_("Online"), required=False)

    def clean(self):
        """The hours are typed as the organisers read them: in the training's own time zone."""
        data = super().clean()
        zone = data.get("time_zone")
        if zone:
            for name in ("starts_at", "ends_at"):
                value: datetime.datetime | None = data.get(name)
                if value is not None:
                    data[name] = value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        return data
