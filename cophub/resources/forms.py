from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core
from cophub.core.i18n import translated_value

from . import selectors


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the resources"), required=False, max_length=10_000)
    kind = forms.CharField(required=False)
    audience = forms.CharField(required=False)
    topic = forms.CharField(required=False)
    language = forms.CharField(required=False)
    country = forms.CharField(required=False)
    page = forms.IntegerField(required=False, min_value=1)

    def search_query(self) -> selectors.SearchQuery:
        data = self.cleaned_data
        return selectors.SearchQuery(
            text=data.get("q") or "",
            **{name: data.get(name) or "" for name in selectors.FACETS},
        )


class _LabelledChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(translated_value(obj, "label"))


class SubmissionForm(forms.Form):
    """A best practice, as a Member State, Sector Member or stakeholder sends it for review."""

    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was done, for whom, and what came of it."),
    )
    original_language = forms.ChoiceField(
        label=_("Language it is written in"), choices=settings.LANGUAGES
    )
    link = forms.URLField(
        label=_("Link to the resource"), required=False, max_length=500, assume_scheme="https"
    )
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, PPTX or ODT, 50 MB at most."),
    )
    topics = _LabelledChoice(
        label=_("Topics"),
        queryset=selectors.topics(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    audiences = _LabelledChoice(
        label=_("Audiences"),
        queryset=selectors.audiences(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=core.countries(),
        to_field_name="iso2",
        required=False,
        help_text=_("Where it was done; leave empty if it is not about particular countries."),
    )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        language = data["original_language"]
        return {
            "titles": {language: data["title"]},
            "summaries": {language: data["summary"]},
            "original_language": language,
            "links": {language: data["link"]} if data["link"] else {},
            "files": {language: data["file"]} if data["file"] else {},
            "topics": [t.code for t in data["topics"]],
            "audiences": [a.code for a in data["audiences"]],
            "countries": [c.iso2 for c in data["countries"]],
        }


class ReviewForm(forms.Form):
    ACTIONS = [
        ("start", _("Take into review")),
        ("publish", _("Publish")),
        ("return", _("Return to the submitter")),
    ]
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason for returning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown to the submitter. Needed when you return a submission."),
    )


class ResubmissionForm(forms.Form):
    """A returned best practice, changed as the secretariat asked, sent again."""

    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}))
