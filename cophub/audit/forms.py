from django import forms
from django.utils.translation import gettext_lazy as _

from cophub.audit import registry
from cophub.audit.models import Action
from cophub.core.forms import DateInput


def _model_choices():
    from django.apps import apps

    choices = [("", _("Any kind"))]
    for label in registry.FOLLOWED:
        model = apps.get_model(label)
        choices.append((model._meta.label_lower, f"{model._meta.verbose_name} ({label})"))
    return choices


class EntryFilterForm(forms.Form):
    actor = forms.CharField(
        label=_("Who"),
        required=False,
        max_length=254,
        help_text=_("An e-mail address, or a part of it, or an account number."),
    )
    model = forms.ChoiceField(label=_("Kind of record"), required=False, choices=_model_choices)
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Any action")), *Action.choices],
    )
    object = forms.CharField(
        label=_("Record"),
        required=False,
        max_length=255,
        help_text=_("The record's number, or a part of its name."),
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period comes before its start."))
        return data
