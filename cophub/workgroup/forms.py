import time

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core_selectors
from cophub.core.forms import readable_text
from cophub.core.models import Country, MandateParagraph, Organisation
from cophub.core.widgets import LongSelect, SearchableCheckboxes

from .models import (
    SUBMITTABLE_TYPES,
    AgendaItem,
    CoSource,
    Document,
    DocumentType,
    Group,
    Meeting,
    MeetingRegistration,
)


class SubmissionForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.none())
    document_type = forms.ChoiceField(
        label=_("Document type"),
        choices=[
            (value, label) for value, label in DocumentType.choices if value in SUBMITTABLE_TYPES
        ],
    )
    title = forms.CharField(label=_("Title"), max_length=400, validators=[readable_text])
    abstract = forms.CharField(
        label=_("Abstract"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        validators=[readable_text],
    )
    original_language = forms.ChoiceField(
        label=_("Language of the document"), choices=settings.LANGUAGES
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument text, up to 20 MB."),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Co-sources: Member States"),
        queryset=Country.objects.filter(itu_member=True).order_by("name"),
        required=False,
        widget=SearchableCheckboxes,
        help_text=_("Each is asked, and listed as a source once one of its delegates confirms."),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Co-sources: organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=SearchableCheckboxes,
        help_text=_("Each is asked, and listed as a source once one of its delegates confirms."),
    )
    mandate = forms.ModelMultipleChoiceField(
        label=_("Mandate paragraphs it serves"),
        queryset=MandateParagraph.objects.all(),
        required=False,
    )
    liaison_direction = forms.ChoiceField(
        label=_("Liaison statement"),
        choices=[("", _("Not a liaison statement")), *Document.Direction.choices],
        required=False,
    )
    liaison_group = forms.ModelChoiceField(
        label=_("From or to group"), queryset=Group.objects.all(), required=False
    )
    reply_deadline = forms.DateField(
        label=_("Reply due by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reply_to = forms.ModelChoiceField(
        label=_("In reply to"),
        queryset=Document.objects.filter(document_type=DocumentType.LIAISON, status="registered"),
        required=False,
        to_field_name="slug",
    )

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            meetings if meetings is not None else Meeting.objects.all()
        )
        self.fields["meeting"].to_field_name = "pk"
        self.fields["agenda_item"].queryset = AgendaItem.objects.select_related("meeting__group")
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.code} · {item}"
        )


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title in this language"), max_length=400, required=False)
    abstract = forms.CharField(
        label=_("Abstract in this language"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    file = forms.FileField(label=_("File"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class RegisterForm(forms.Form):
    serial = forms.IntegerField(
        label=_("Serial number"),
        required=False,
        min_value=1,
        help_text=_("Leave empty to give the next number."),
    )


class MeetingRegistrationForm(forms.Form):
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=MeetingRegistration.Gender.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Counted per meeting only, for the gender balance Resolution 179 asks about."),
    )


class SubscriptionForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.all(), required=False, empty_label=_("All groups")
    )
    document_type = forms.ChoiceField(
        label=_("Document type"),
        choices=[("", _("All types")), *DocumentType.choices],
        required=False,
    )


# The countries are reference data that changes only with an ISO 3166 release; each process
# keeps its list per language for a few minutes instead of reading and naming 249 countries on
# each page view.
COUNTRY_CHOICES_SECONDS = 600
_country_choices: dict[str, tuple[float, list[tuple[str, str]]]] = {}


def country_choices() -> list[tuple[str, str]]:
    """Every country by ISO code, named in the active language; one plain query (a model choice
    field would open a server-side cursor on PostgreSQL for each page view), then kept."""
    language = get_language() or settings.LANGUAGE_CODE
    kept = _country_choices.get(language)
    if kept and time.monotonic() - kept[0] < COUNTRY_CHOICES_SECONDS:
        return kept[1]
    choices = [("", str(_("All Member States"))), *core_selectors.country_choices()]
    _country_choices[language] = (time.monotonic(), choices)
    return choices


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    group = forms.ModelChoiceField(
        label=_("Group"),
        queryset=Group.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("All groups"),
    )
    meeting = forms.CharField(label=_("Meeting"), required=False)
    document_type = forms.ChoiceField(
        label=_("Document type"),
        choices=[("", _("All types")), *DocumentType.choices],
        required=False,
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        help_text=_("A country code (KE), an organisation code, or “secretariat”."),
    )
    country = forms.ChoiceField(label=_("Member State"), required=False, widget=LongSelect)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages")), *settings.LANGUAGES], required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once per form: validation and rendering both walk the list.
        self.fields["country"].choices = country_choices()


class CoSourceAnswerForm(forms.Form):
    """A delegate's answer to a request to co-sign, or the secretariat's confirmation for them."""

    co_source = forms.ModelChoiceField(
        queryset=CoSource.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _("This request is answered already, or it is not yours to answer.")
        },
    )
    answer = forms.ChoiceField(
        label=_("Answer"), choices=[("confirm", _("Confirm")), ("decline", _("Decline"))]
    )
    reason = forms.CharField(
        label=_("On what the secretariat confirms for the co-source"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, waiting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if waiting is not None:
            self.fields["co_source"].queryset = waiting
