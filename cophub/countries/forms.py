"""Forms parse what a person sends; the services check it (one set of rules for forms, the API
and imports) and the views put the services' messages on the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core_selectors
from cophub.core.forms import DateInput
from cophub.core.i18n import translated_value
from cophub.core.models import Region

from .models import AssistanceRequest, ChecklistItem, MeasureStatus, Milestone, Roadmap


def _item_choices(*, blank: bool):
    choices = [("", _("None"))] if blank else []
    return choices + [
        (item.code, translated_value(item, "title").text) for item in ChecklistItem.objects.all()
    ]


def group_choices():
    """The developing-country groups of Resolution 179's footnote, as `?group=` spells them."""
    return [
        ("", _("All countries")),
        (core_selectors.UnGroup.LDC, _("Least developed countries (LDC)")),
        (core_selectors.UnGroup.SIDS, _("Small island developing States (SIDS)")),
        (core_selectors.UnGroup.LLDC, _("Landlocked developing countries (LLDC)")),
        (core_selectors.UnGroup.EIT, _("Economies in transition (EIT)")),
    ]


class FilterForm(forms.Form):
    region = forms.ChoiceField(label=_("ITU region"), required=False)
    group = forms.ChoiceField(label=_("UN development group"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.code, translated_value(region, "name").text) for region in Region.objects.all()
        ]
        self.fields["group"].choices = group_choices()

    def filters(self) -> dict:
        if not self.is_valid():
            return {"region": None, "group": None}
        return {
            "region": self.cleaned_data["region"] or None,
            "group": self.cleaned_data["group"] or None,
        }


class MeasureForm(forms.Form):
    # The services name the evidence's fields without the prefix.
    service_fields = {
        "title": "evidence_title",
        "year": "evidence_year",
        "url": "evidence_url",
        "excerpt": "evidence_excerpt",
    }

    item = forms.ChoiceField(label=_("Checklist item"))
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    evidence_title = forms.CharField(
        label=_("Evidence: title"),
        required=False,
        help_text=_("For example the name of the law, code or service."),
    )
    evidence_year = forms.CharField(label=_("Evidence: year"), required=False, max_length=4)
    evidence_url = forms.CharField(
        label=_("Evidence: link"),
        required=False,
        widget=forms.URLInput,
        help_text=_("A full web address, starting with https://"),
    )
    evidence_excerpt = forms.CharField(
        label=_("Evidence: excerpt"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = _item_choices(blank=False)

    def payload(self) -> dict:
        data = self.cleaned_data
        evidence = {
            key: data[f"evidence_{key}"].strip() for key in ("title", "year", "url", "excerpt")
        }
        return {
            "item": data["item"],
            "status": data["status"],
            "description": data["description"],
            "evidence": [evidence] if any(evidence.values()) else [],
        }


class RoadmapForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Roadmap.Kind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Roadmap.Status.choices)
    start_year = forms.CharField(label=_("First year"), required=False, max_length=4)
    end_year = forms.CharField(label=_("Last year"), required=False, max_length=4)
    cop_in_cybersecurity_strategy = forms.ChoiceField(
        label=_("Is child online protection part of the national cybersecurity strategy?"),
        choices=Roadmap.CyberStrategy.choices,
    )
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def payload(self) -> dict:
        return dict(self.cleaned_data)


class MilestoneForm(forms.Form):
    id = forms.ChoiceField(label=_("Milestone"), required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    owner = forms.CharField(
        label=_("Owner"), max_length=200, help_text=_("The office that carries it out.")
    )
    start_date = forms.CharField(label=_("Start date"), required=False, widget=DateInput())
    target_date = forms.CharField(label=_("Target date"), widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=Milestone.Status.choices)
    item = forms.ChoiceField(label=_("Checklist item it advances"), required=False)

    def __init__(self, *args, milestones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id"].choices = [("", _("A new milestone"))] + [
            (str(m.pk), m.title) for m in milestones
        ]
        self.fields["item"].choices = _item_choices(blank=True)

    def payload(self) -> dict:
        return dict(self.cleaned_data)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    url = forms.CharField(
        label=_("Link"),
        widget=forms.URLInput,
        help_text=_("Preferably the document's page in the resource repository."),
    )

    def payload(self) -> dict:
        return dict(self.cleaned_data)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept and publish")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the focal point"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject."),
    )


class AssistanceRequestForm(forms.Form):
    subject = forms.ChoiceField(
        label=_("Help with"), choices=AssistanceRequest.Subject.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What is asked"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the Member State needs, by when, and who in the government leads it."),
    )


class AssistanceStepForm(forms.Form):
    state = forms.ChoiceField(label=_("Next state"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the Member State's delegates. Required when you decline."),
    )

    def __init__(self, *args, next_states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [
            (state, AssistanceRequest.State(state).label) for state in next_states
        ]


class AssistanceFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    group = forms.ChoiceField(label=_("UN development group"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Open requests"))] + list(
            AssistanceRequest.State.choices
        )
        self.fields["group"].choices = group_choices()

    def filters(self) -> dict:
        if not self.is_valid():
            return {"state": None, "group": None, "open_only": True}
        state = self.cleaned_data["state"] or None
        return {"state": state, "group": self.cleaned_data["group"] or None, "open_only": not state}
