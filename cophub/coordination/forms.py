from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core
from cophub.core.forms import DateInput
from cophub.core.i18n import translated_value
from cophub.core.widgets import LongSelect, SearchableCheckboxes

from . import selectors
from .models import Activity, ActivityLink, OverlapMark


class FilterForm(forms.Form):
    """The register's filters, as query parameters; the API takes the same."""

    q = forms.CharField(
        label=_("Words in the title or description"), required=False, max_length=200
    )
    organisation = forms.CharField(label=_("Organisation"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    topic = forms.CharField(label=_("Topic"), required=False)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    region = forms.CharField(label=_("ITU region"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Activity.Kind.choices)
        self.fields["status"].choices = everything + list(Activity.Status.choices)
        self.fields["language"].choices = everything + list(settings.LANGUAGES)
        self.fields["organisation"].widget = forms.Select(
            choices=everything
            + [(o.code, str(o)) for o, _n in selectors.organisations_with_counts()]
        )
        self.fields["topic"].widget = forms.Select(
            choices=everything
            + [(t.code, str(translated_value(t, "label"))) for t in selectors.topics()]
        )
        # Every country (an activity page links to the register filtered by any of its
        # countries), named in the page's language.
        self.fields["country"].widget = LongSelect(choices=everything + core.country_choices())
        self.fields["region"].widget = forms.Select(
            choices=everything
            + [(r.code, str(translated_value(r, "name"))) for r in core.regions()]
        )

    def activity_query(self) -> selectors.ActivityQuery:
        data = self.cleaned_data if self.is_valid() else {}
        return selectors.ActivityQuery(
            q=(data.get("q") or "").strip(),
            organisation=data.get("organisation") or "",
            kind=data.get("kind") or "",
            topic=data.get("topic") or "",
            country=(data.get("country") or "").upper(),
            region=data.get("region") or "",
            status=data.get("status") or "",
            year=data.get("year"),
            language=data.get("language") or "",
        )


def _codes(text: str) -> list[str]:
    return [part.strip() for part in (text or "").replace("\n", ",").split(",") if part.strip()]


class ActivityForm(forms.Form):
    """An activity as the secretariat records it, in the language it was described in.

    The organisation and the language are plain text behind a list, so that what the services
    refuse (an organisation or a language the platform does not know) is said in their words."""

    organisation = forms.CharField(label=_("Organisation"))
    kind = forms.ChoiceField(label=_("Kind"), choices=Activity.Kind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Activity.Status.choices)
    original_language = forms.CharField(label=_("Language of the title and description"))
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What is done, for whom, and where."),
    )
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(label=_("End"), required=False, widget=DateInput())
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=core.countries(),
        to_field_name="iso2",
        required=False,
        widget=SearchableCheckboxes,
        help_text=_("Leave empty for regional or worldwide activities."),
    )
    regions = forms.MultipleChoiceField(
        label=_("ITU regions"), required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    contact_role = forms.CharField(
        label=_("Contact (a role, not a person)"),
        required=False,
        max_length=200,
        help_text=_("For example: COP focal point, Telecommunication Development Bureau."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    resources = forms.CharField(
        label=_("Resources of the repository"),
        required=False,
        help_text=_("Their addresses, separated by commas, e.g. cop-guidelines-parents-2020."),
    )
    documents = forms.CharField(
        label=_("Documents of the working group"),
        required=False,
        help_text=_("Their numbers, separated by commas, e.g. CWG-COP-24/7."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].widget = forms.Select(
            choices=[("", "—")] + [(o.code, str(o)) for o in core.organisations()]
        )
        self.fields["original_language"].widget = forms.Select(
            choices=[("", "—"), *settings.LANGUAGES]
        )
        self.fields["regions"].choices = [
            (r.code, str(translated_value(r, "name"))) for r in core.regions()
        ]
        self.fields["topics"].choices = [
            (t.code, str(translated_value(t, "label"))) for t in selectors.topics()
        ]

    @classmethod
    def initial_for(cls, activity: Activity) -> dict:
        language = activity.original_language
        links = list(activity.links.all())
        return {
            "organisation": activity.organisation.code,
            "kind": activity.kind,
            "status": activity.status,
            "original_language": language,
            "title": getattr(activity, f"title_{language}"),
            "description": getattr(activity, f"description_{language}"),
            "starts_on": activity.starts_on,
            "ends_on": activity.ends_on,
            "countries": [c.iso2 for c in activity.countries.all()],
            "regions": [r.code for r in activity.regions.all()],
            "topics": [t.code for t in activity.topics.all()],
            "contact_role": activity.contact_role,
            "website": activity.website,
            "resources": ", ".join(
                link.slug for link in links if link.target == ActivityLink.Target.RESOURCE
            ),
            "documents": ", ".join(
                link.slug for link in links if link.target == ActivityLink.Target.DOCUMENT
            ),
        }

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        language = data["original_language"]
        return {
            "organisation": data["organisation"],
            "kind": data["kind"],
            "status": data["status"],
            "original_language": language,
            "titles": {language: data["title"]},
            "descriptions": {language: data["description"]},
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "countries": [c.iso2 for c in data["countries"]],
            "regions": data["regions"],
            "topics": data["topics"],
            "contact_role": data["contact_role"],
            "website": data["website"],
            "resources": _codes(data["resources"]),
            "documents": _codes(data["documents"]),
        }


class MarkForm(forms.Form):
    other = forms.SlugField(widget=forms.HiddenInput)
    relation = forms.ChoiceField(
        label=_("Decision"), choices=OverlapMark.Relation.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
