from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Submission

# A web upload is a national table, not a census: larger files go through `cophub importobservations`.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class FastSelectMultiple(forms.SelectMultiple):
    """The same <select multiple> as Django's, written in one join instead of one template per
    option: the comparison form lists every country (about 250) on each view of the page."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value or [])}
        attributes = self.build_attrs(self.attrs, attrs)
        opening = "".join(
            f' {escape(key)}="{escape(val)}"' if val is not True else f" {escape(key)}"
            for key, val in attributes.items()
            if val is not False and val is not None
        )
        options = "".join(
            f'<option value="{escape(code)}"{" selected" if str(code) in chosen else ""}>'
            f"{escape(label)}</option>"
            for code, label in self.choices
        )
        return mark_safe(f'<select name="{escape(name)}"{opening} multiple>{options}</select>')  # noqa: S308


class ComparisonForm(forms.Form):
    period = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    country = forms.MultipleChoiceField(
        label=_("Countries to compare"),
        required=False,
        help_text=_("Choose two or more. With none chosen, all countries are shown."),
        widget=FastSelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, periods, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p, str(p)) for p in periods]
        self.fields["country"].choices = countries  # (code, name in the page's language)


class SubmissionForm(forms.Form):
    file = forms.FileField(
        label=_("File of observations"),
        help_text=_("CSV, SDMX-CSV or SDMX-ML, in UTF-8, at most 20 MB."),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Find out from the file")), *Submission.Format.choices],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 20 MB. Split it, or ask the secretariat to import it.")
            )
        return upload
