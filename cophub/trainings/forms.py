import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core
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


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrainingRequestForm(forms.Form):
    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        validators=[readable_text],
        help_text=_("For example: keeping children safe on social media."),
    )
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=core.countries(),
        to_field_name="iso2",
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    period_start = forms.DateField(label=_("Preferred from"), widget=DATE_INPUT)
    period_end = forms.DateField(label=_("Preferred until"), widget=DATE_INPUT)
    note = forms.CharField(
        label=_("Note"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[readable_text],
        help_text=_("Who will take part, how many, on site or online."),
    )

    def service_arguments(self) -> dict:
        return self.cleaned_data | {"country": self.cleaned_data["country"].iso2}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[readable_text],
    )
