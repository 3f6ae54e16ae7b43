from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from cophub.core.selectors import country_choices

from .models import AgeBand, Question, Sex

# A field that people never see or reach (hidden by the style sheet, aria-hidden, out of the
# tab order) and that scripts filling every field fill in: an answer that has it is not stored.
# Named like a field browsers do not fill in by themselves.
TRAP_FIELD = "website"


class ParticipantForm(forms.Form):
    """The consent step: the three things we ask about the participant, and their agreement."""

    age_band = forms.ChoiceField(
        label=_("How old are you?"), choices=AgeBand.choices, widget=forms.RadioSelect
    )
    sex = forms.ChoiceField(label=_("Are you…"), choices=Sex.choices, widget=forms.RadioSelect)
    country = forms.ChoiceField(label=_("Which country do you live in?"))
    adult_agrees = forms.BooleanField(
        label=_("I am under 13 and a parent, carer or teacher is with me and agrees."),
        required=False,
    )
    adult_agrees.conditional = True
    consent = forms.BooleanField(
        label=_("I have read what happens with my answers and I want to take part."),
        required=False,
    )
    consent.conditional = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [
            ("", _("Choose your country")),
            *country_choices(inhabited_only=True),
        ]
        self.fields["age_band"].error_messages["required"] = _("Please choose your age.")
        self.fields["sex"].error_messages["required"] = _("Please choose one of the answers.")
        self.fields["country"].error_messages["required"] = _("Please choose your country.")
        self.fields["country"].error_messages["invalid_choice"] = _("Please choose your country.")


class QuestionsForm(forms.Form):
    """The question page's fields. The service checks the answers (services.submit_response);
    the form only renders them, marking each field required or optional as its question is,
    and shows the service's messages, never a second set of its own."""

    def full_clean(self):
        self._errors = ErrorDict()
        self.cleaned_data = {}


def questions_form(questions: list[Question], *, free_text: bool, data=None) -> forms.Form:
    """The form of the question page; the service checks the answers, the form only renders."""
    form = QuestionsForm(data=data)
    for question in questions:
        key = f"q{question.pk}"
        label = question.text
        common = {"label": label, "required": question.required}
        if question.kind == Question.Kind.SINGLE:
            field = forms.ChoiceField(
                choices=[(o.pk, o.text) for o in question.options.all()],
                widget=forms.RadioSelect,
                **common,
            )
        elif question.kind == Question.Kind.MULTIPLE:
            field = forms.MultipleChoiceField(
                choices=[(o.pk, o.text) for o in question.options.all()],
                widget=forms.CheckboxSelectMultiple,
                help_text=_("You can choose more than one."),
                **common,
            )
        elif question.kind == Question.Kind.SCALE:
            low, high = question.scale_low or "1", question.scale_high or "5"
            field = forms.ChoiceField(
                choices=[(n, str(n)) for n in range(1, 6)],
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                help_text=_("1 means “%(low)s”, 5 means “%(high)s”.") % {"low": low, "high": high},
                **common,
            )
        elif free_text:
            field = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
                help_text=_(
                    "Please do not write your name, address, phone number or anything else "
                    "that tells who you are."
                ),
                **common,
            )
        else:
            continue
        form.fields[key] = field
    return form


class SafeguardingContactForm(forms.Form):
    """Name, or stop naming, a secretariat account as a consultation's safeguarding contact."""

    consultation = forms.SlugField(widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[("add", _("Add")), ("remove", _("Remove"))])
    email = forms.EmailField(label=_("E-mail address of a secretariat account"), max_length=254)
