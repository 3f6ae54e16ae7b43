from django import forms
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core
from cophub.core.forms import readable_text

from .models import DedicatedNumber


class CountryForm(forms.Form):
    """Checks the country a child chose; the page renders the list from
    core.selectors.country_choices()."""

    country = forms.ModelChoiceField(
        label=_("Where do you live?"),
        queryset=core.countries(),
        to_field_name="iso2",
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = data.copy()
            data["country"] = data.get("country", "").strip().upper()
        super().__init__(data, **kwargs)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or JSON file"),
        help_text=_("One row per contact channel, UTF-8. Nothing is imported if any row is wrong."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Upload a .csv or .json file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def file_format(self) -> str:
        return "json" if self.cleaned_data["file"].name.lower().endswith(".json") else "csv"


class ProposalForm(forms.Form):
    rows = forms.CharField(
        label=_("The service's rows (CSV)"),
        widget=forms.Textarea(attrs={"rows": 10, "dir": "ltr", "spellcheck": "false"}),
        help_text=_("Change the values; keep the header line and the key."),
    )
    note = forms.CharField(
        label=_("What changed and where it is published"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept and publish")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Answer to the organisation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ListingForm(forms.Form):
    """The secretariat's decision on an entry waiting for confirmation."""

    key = forms.SlugField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("confirm", _("Confirm and show to children")),
            ("refuse", _("Refuse and remove")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason for refusing"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DedicatedNumberForm(forms.Form):
    """What a public source says of one number in one country (checked again by the service)."""

    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=core.countries(),
        to_field_name="iso2",
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    number = forms.CharField(
        label=_("Number"), max_length=20, initial="116 111", help_text=_("For example 116 111.")
    )
    status = forms.ChoiceField(label=_("Status"), choices=DedicatedNumber.Status.choices)
    source_name = forms.CharField(
        label=_("Public source"), max_length=200, validators=[readable_text]
    )
    source_url = forms.URLField(
        label=_("Address of the public source"), max_length=200, assume_scheme="https"
    )
    checked_on = forms.DateField(
        label=_("Checked against the source on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def service_arguments(self) -> dict:
        return self.cleaned_data | {"country": self.cleaned_data["country"].iso2}
