"""Forms of the meeting's outcomes, the reports' own words, the distribution lists and the desk."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cophub.core.forms import DateInput, readable_text
from cophub.core.models import MandateParagraph, Organisation

from .models import DistributionList, Document, Outcome, ReportPart

_TEXTAREA = {"rows": 12}


class MeetingReportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.LANGUAGES)
    text = forms.CharField(
        label=_("Text of the report"),
        widget=forms.Textarea(attrs=_TEXTAREA),
        validators=[readable_text],
        max_length=100000,
    )


class CirculateForm(forms.Form):
    comments_close_on = forms.DateField(label=_("Comments close on"), widget=DateInput())


class ApproveForm(forms.Form):
    """The approval has no field: its refusal (the comments are still open) is the form's."""


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[readable_text],
        max_length=5000,
    )


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Outcome.Kind.choices)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[readable_text],
        max_length=3000,
    )
    owner = forms.CharField(
        label=_("Owner"),
        required=False,
        max_length=200,
        help_text=_("Who carries the action out, e.g. the secretariat or a Member State."),
    )
    due_on = forms.DateField(label=_("Due by"), required=False, widget=DateInput())
    documents = forms.ModelMultipleChoiceField(
        label=_("Documents concerned"), queryset=Document.objects.none(), required=False
    )
    mandate = forms.ModelMultipleChoiceField(
        label=_("Mandate paragraphs it serves"),
        queryset=MandateParagraph.objects.all(),
        required=False,
    )

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["documents"].queryset = documents


class CloseOutcomeForm(forms.Form):
    outcome = forms.ModelChoiceField(
        label=_("Decision or action"), queryset=Outcome.objects.none(), widget=forms.HiddenInput
    )
    note = forms.CharField(
        label=_("How it was done or why it is closed"),
        validators=[readable_text],
        max_length=2000,
    )

    def __init__(self, *args, open_outcomes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if open_outcomes is not None:
            self.fields["outcome"].queryset = open_outcomes


class ReportTextsForm(forms.Form):
    council_number = forms.CharField(
        label=_("Council document number"),
        max_length=40,
        required=False,
        help_text=_("As Council numbers it, e.g. C26/45."),
    )

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        for part in parts:
            self.fields[part] = forms.CharField(
                label=ReportPart(part).label,
                required=False,
                widget=forms.Textarea(attrs=_TEXTAREA),
                validators=[readable_text],
                max_length=20000,
            )


class DistributionListForm(forms.Form):
    name = forms.CharField(label=_("Name of the list"), max_length=200, validators=[readable_text])


class AddressForm(forms.Form):
    distribution_list = forms.ModelChoiceField(
        label=_("Distribution list"), queryset=DistributionList.objects.all()
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    email = forms.EmailField(label=_("E-mail address"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class SendForm(forms.Form):
    distribution_list = forms.ModelChoiceField(
        label=_("Distribution list"), queryset=DistributionList.objects.all()
    )


class AccountDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("reject", _("Reject"))]
    )
    reason = forms.CharField(
        label=_("Reason (sent to the person if rejected)"),
        required=False,
        max_length=2000,
        validators=[readable_text],
    )
