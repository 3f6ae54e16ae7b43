from django import forms
from django.utils.translation import gettext_lazy as _

from cophub.core.widgets import SearchableCheckboxes

from .models import Submission

# A web upload is a national table, not a census: larger files go through `cophub importobservations`.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ComparisonForm(forms.Form):
    period = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    country = forms.MultipleChoiceField(
        label=_("Countries to compare"),
        required=False,
        help_text=_("Choose two or more. With none chosen, all countries are shown."),
        widget=SearchableCheckboxes,
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
