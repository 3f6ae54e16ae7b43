import time
import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core_selectors
from cophub.core.forms import DateInput, readable_text
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
    reply_deadline = forms.DateField(label=_("Reply due by"), required=False, widget=DateInput())
    reply_to = forms.ModelChoiceField(
        label=_("In reply to"),
        queryset=Document.objects.filter(document_type=DocumentType.LIAISON, status="registered"),
        required=False,
        to_field_name="slug",
    )

    def __init__(self, *args, meetings=None, meeting=None, **kwargs):
        """`meeting`: the meeting chosen; only its agenda items are offered (none before one is
        chosen: the page asks for the meeting first)."""
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            meetings if meetings is not None else Meeting.objects.all()
        )
        self.fields["meeting"].to_field_name = "pk"
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(meeting=meeting)
            if meeting is not None
            else AgendaItem.objects.none()
        )
        self.fields["agenda_item"].error_messages["invalid_choice"] = _(
            "Choose an item of the chosen meeting's agenda."
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
    late_reason = forms.CharField(
        label=_("Why the secretariat accepts it late"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for a submission received after the contribution deadline."),
        validators=[readable_text],
    )

    def __init__(self, *args, late=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not late:
            del self.fields["late_reason"]


class MeetingRegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Name, as the list of participants prints it"),
        max_length=200,
        validators=[readable_text],
    )
    role = forms.ChoiceField(label=_("Role"), choices=MeetingRegistration.Role.choices)
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        choices=MeetingRegistration.Attendance.choices,
        widget=forms.RadioSelect,
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=MeetingRegistration.Gender.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Counted per meeting only, for the gender balance Resolution 179 asks about."),
    )


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class MeetingForm(forms.Form):
    """A meeting as the secretariat plans it; the group and number are fixed once it exists."""

    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.all(), to_field_name="code"
    )
    number = forms.IntegerField(
        label=_("Number"), min_value=1, max_value=32000, help_text=_("In the group's series.")
    )
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    place = forms.CharField(
        label=_("Place"), max_length=200, required=False, validators=[readable_text]
    )
    online = forms.BooleanField(label=_("Online (or also online)"), required=False)
    time_zone = forms.ChoiceField(label=_("Time zone"), widget=LongSelect)
    contribution_deadline = forms.DateField(
        label=_("Contribution deadline"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for the usual deadline before the first day."),
    )
    reminder_days = forms.IntegerField(
        label=_("Reminder, days before the deadline"), min_value=1, max_value=60, initial=7
    )
    remote_details = forms.CharField(
        label=_("Remote participation details"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A link and dial-in numbers: shown only to registered participants."),
        validators=[readable_text],
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()
        if editing:
            del self.fields["group"], self.fields["number"]


class AgendaItemForm(forms.Form):
    item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("This item is not on this meeting's agenda.")},
    )
    number = forms.CharField(label=_("Item number"), max_length=10)
    title = forms.CharField(label=_("Title"), max_length=300, validators=[readable_text])
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=999, initial=0)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None:
            self.fields["item"].queryset = meeting.agenda_items.all()


class ConsultationItemForm(forms.Form):
    """The item of the meeting's agenda its youth consultation serves."""

    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item it serves"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("Not under an agenda item"),
        error_messages={"invalid_choice": _("This item is not on this meeting's agenda.")},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()


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
