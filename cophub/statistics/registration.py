"""What this module adds to the site's shared parts: navigation, mandate, country profile, reports."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cophub.core import mandate, navigation, profiles, reporting
from cophub.core.i18n import translated_value

from . import selectors


def _mandate_records(paragraph):
    for indicator in selectors.indicators().filter(mandate=paragraph):
        yield mandate.MandateWork(
            title=translated_value(indicator, "name").text,
            url=reverse("statistics:indicator", args=[indicator.code]),
        )


def _profile_data(country):
    return selectors.key_figures_for_country(country.iso2)


def _profile_gaps(country):
    return selectors.gaps_for_country(country.iso2)


def _report_blocks(start, end):
    # Demo submissions are not work done; a section with no words would read as a gap in the
    # report, so it says that nothing was accepted.
    submitted = selectors.submissions_between(start, end).filter(demo=False)
    if not submitted.exists():
        return [
            reporting.ReportParagraph(_("No submission of statistics was accepted in this period."))
        ]
    observations = sum(s.observation_count for s in submitted)
    return [
        reporting.ReportParagraph(
            _("%(submissions)s submissions of statistics were accepted, with %(observations)s "
              "observations.") % {"submissions": submitted.count(), "observations": observations}
        )
    ]  # fmt: skip


def register_all() -> None:
    navigation.register(
        navigation.NavEntry(
            url_name="statistics:index",
            label=gettext_lazy("Statistics"),
            order=70,
            description=gettext_lazy(
                "COP indicators by country, sex and age: compare countries and download the data."
            ),
        )
    )
    mandate.register_provider(
        mandate.MandateProvider(
            key="statistics", label=gettext_lazy("Indicators"), records=_mandate_records
        )
    )
    # Resolution 179: BDT/6 (methodological frameworks for COP data), MS/8 (data disaggregated
    # by sex and age), MS/14 (statistics on students' access to the Internet).
    mandate.register_feature(
        mandate.MandateFeature(
            key="statistics",
            label=gettext_lazy("The statistics framework"),
            description=gettext_lazy(
                "Indicators with their definitions, submitted by country, sex and age, compared "
                "and read through SDMX."
            ),
            url_name="statistics:index",
            paragraphs=("R179/BDT/6", "R179/MS/8", "R179/MS/14", "R179/SG/2"),
        )
    )
    profiles.register_section(
        profiles.ProfileSection(
            key="statistics",
            title=gettext_lazy("Key statistics"),
            order=40,
            template="statistics/includes/profile_section.html",
            data=_profile_data,
            empty_message=gettext_lazy("No statistics have been published for this country yet."),
            gaps=_profile_gaps,
        )
    )
    reporting.register_section(
        reporting.ReportSection(
            key="statistics",
            title=gettext_lazy("Statistics"),
            order=60,
            blocks=_report_blocks,
        )
    )
