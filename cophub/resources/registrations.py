"""What the repository adds to the shared pages: navigation, the mandate, the country profile
and the reports to Council."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cophub.core import mandate, navigation, profiles, reporting
from cophub.core.i18n import translated_value

# The paragraphs of Resolution 179 the repository serves.
MANDATE_PARAGRAPHS = (
    "R179/SG/3", "R179/SG/8", "R179/BDT/5", "R179/BDT/7", "R179/BDT/8", "R179/BDT/9",
    "R179/MS/5", "R179/MS/6", "R179/MS/12", "R179/SM/4", "R179/RES/5",
)  # fmt: skip


def _mandate_records(paragraph):
    from . import selectors

    return [
        mandate.MandateWork(
            title=str(translated_value(r, "title")), url=r.get_absolute_url(), date=r.published_on
        )
        for r in selectors.for_mandate_paragraph(paragraph.code)
    ]


PROFILE_RESOURCES = 20


def _profile_data(country):
    from . import selectors

    # The newest, as the other sections' lists; the section links to all of them.
    resources = list(
        selectors.resources_for_country(country.iso2, selectors.COUNTRY_PROFILE_KINDS)[
            :PROFILE_RESOURCES
        ]
    )
    if not resources:
        return None
    groups = {}
    for resource in resources:
        groups.setdefault(resource.get_kind_display(), []).append(resource)
    return groups


def _profile_gaps(country):
    from . import selectors
    from .models import Resource

    if not selectors.resources_for_country(
        country.iso2, [Resource.Kind.NATIONAL_STRATEGY]
    ).exists():
        return [_("No national child online protection strategy in the resource repository.")]
    return []


def _report_blocks(start, end):
    from . import selectors
    from .models import Resource

    counts = selectors.count_by_kind(selectors.published_between(start, end))
    if not counts:
        return [
            reporting.ReportParagraph(_("No resource was added to the repository in this period."))
        ]
    labels = dict(Resource.Kind.choices)
    return [
        reporting.ReportTable(
            caption=_("Resources added to the repository"),
            headers=[_("Kind"), _("Number")],
            rows=[[str(labels[kind]), n] for kind, n in sorted(counts.items())],
        )
    ]


def register_all():
    navigation.register(
        navigation.NavEntry(
            url_name="resources:list",
            label=gettext_lazy("Resources"),
            order=30,
            description=gettext_lazy(
                "Guidelines, best practices, safety tools, campaigns and trainings in six languages."
            ),
        )
    )
    mandate.register_provider(
        mandate.MandateProvider(
            key="resources", label=gettext_lazy("Resources"), records=_mandate_records
        )
    )
    # Resolution 179: SG/3 (the online COP resource repository), SG/8 (best practices shared);
    # Resolution 1306 §1.2 (a platform for sharing best practices).
    mandate.register_feature(
        mandate.MandateFeature(
            key="resources",
            label=gettext_lazy("The resource repository"),
            description=gettext_lazy(
                "Guidelines, best practices, safety tools, campaigns and trainings in six "
                "languages, harvested through OAI-PMH."
            ),
            url_name="resources:list",
            paragraphs=(
                "R179/SG/3",
                "R179/SG/8",
                "R1306/RES/1.2",
                "R179/MS/12",  # parental and accessible safety tools promoted
                "R179/SM/4",  # awareness programmes and tools for parents and educators
            ),
        )
    )
    # Resolution 179, BDT/5: the guidelines updated and disseminated in the six languages.
    mandate.register_feature(
        mandate.MandateFeature(
            key="resources-guidelines",
            label=gettext_lazy("The guidelines in six languages"),
            description=gettext_lazy(
                "Which editions of the COP guidelines exist in which of the six languages."
            ),
            url_name="resources:guideline-sets",
            paragraphs=("R179/BDT/5",),
        )
    )
    profiles.register_section(
        profiles.ProfileSection(
            key="resources",
            title=gettext_lazy("Strategies, campaigns and trainings"),
            order=40,
            template="resources/includes/profile_section.html",
            data=_profile_data,
            empty_message=gettext_lazy(
                "No strategy, campaign or training is listed for this country yet."
            ),
            gaps=_profile_gaps,
        )
    )
    reporting.register_section(
        reporting.ReportSection(
            key="resources",
            title=gettext_lazy("Resource repository"),
            order=40,
            blocks=_report_blocks,
        )
    )
