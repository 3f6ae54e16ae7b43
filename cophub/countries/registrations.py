"""What the countries module adds to the shared interfaces of core: the navigation, its two
sections of the country profile, what serves the mandate, and its part of the reports."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cophub.core import mandate, navigation, profiles, reporting


def _profile_url(iso2: str) -> str:
    return reverse("countries:profile", kwargs={"iso2": iso2})


def _mandate_records(paragraph):
    from . import selectors
    from .models import Roadmap

    roadmaps = Roadmap.objects.filter(mandate=paragraph).select_related("country")
    for roadmap in roadmaps:
        yield mandate.MandateWork(
            title=f"{roadmap.country.name}: {roadmap.title}",
            url=_profile_url(roadmap.country_id),
            date=roadmap.updated_at.date(),
        )
    for assistance in selectors.assistance_requests().filter(mandate=paragraph)[:200]:
        yield mandate.MandateWork(
            title=_("%(country)s asked for assistance: %(subject)s (%(state)s)")
            % {
                "country": assistance.country.name,
                "subject": assistance.get_subject_display(),
                "state": assistance.get_state_display(),
            },
            url=_profile_url(assistance.country_id) + "#section-assistance",
            date=assistance.requested_at.date(),
        )
    # Resolution 179, MS/7: Member States share their legislative, regulatory and technical
    # measures; each country that did is one record serving the paragraph.
    if paragraph.code == "R179/MS/7":
        for row in selectors.country_rows():
            if row.score is not None:
                yield mandate.MandateWork(
                    title=_("COP measures of %(country)s") % {"country": row.country.name},
                    url=_profile_url(row.country.iso2),
                )


def _report_blocks(start, end):
    from collections import Counter

    from . import selectors

    changes = list(selectors.recent_changes(since=start, until=end))
    if not changes:
        return [reporting.ReportParagraph(_("No country record was changed in this period."))]
    per_country = Counter(change.country.name for change in changes)
    return [
        reporting.ReportParagraph(
            _(
                "%(countries)d countries updated their COP measures or roadmaps "
                "(%(changes)d changes)."
            )
            % {"countries": len(per_country), "changes": len(changes)}
        ),
        reporting.ReportTable(
            caption=_("Changes to country records, by country"),
            headers=[_("Country"), _("Changes")],
            rows=sorted(per_country.items()),
        ),
    ]


def _measures_data(country):
    from . import selectors

    return selectors.assessment(country)


def _roadmap_data(country):
    from . import selectors

    roadmap = selectors.roadmap(country)
    if roadmap is None:
        return None
    return {
        "roadmap": roadmap,
        "progress": selectors.progress(roadmap),
        "overdue": selectors.overdue_milestones(roadmap),
    }


def _assistance_data(country):
    from . import selectors

    return list(selectors.assistance_requests(country=country)[:20])


def _measure_gaps(country):
    from . import selectors

    return selectors.measure_gaps(country)


def _roadmap_gaps(country):
    from . import selectors

    return selectors.roadmap_gaps(country)


def register_all() -> None:
    navigation.register(
        navigation.NavEntry(
            url_name="countries:list",
            label=gettext_lazy("Countries"),
            order=60,
            description=gettext_lazy(
                "What each country has done to protect children online, "
                "its roadmap, and how countries compare."
            ),
        )
    )
    profiles.register_section(
        profiles.ProfileSection(
            key="measures",
            title=gettext_lazy("Measures and checklist"),
            order=10,
            template="countries/includes/profile_section.html",
            data=_measures_data,
            empty_message=gettext_lazy(
                "No measure has been recorded for this country against the checklist yet."
            ),
            gaps=_measure_gaps,
        )
    )
    profiles.register_section(
        profiles.ProfileSection(
            key="assistance",
            title=gettext_lazy("Requests for assistance"),
            order=25,
            template="countries/includes/assistance_section.html",
            data=_assistance_data,
            empty_message=gettext_lazy("This Member State has not asked ITU for assistance here."),
        )
    )
    profiles.register_section(
        profiles.ProfileSection(
            key="roadmap",
            title=gettext_lazy("National roadmap or strategy"),
            order=20,
            template="countries/includes/roadmap_section.html",
            data=_roadmap_data,
            empty_message=gettext_lazy(
                "No national roadmap or strategy for child online protection is recorded yet."
            ),
            gaps=_roadmap_gaps,
        )
    )
    mandate.register_provider(
        mandate.MandateProvider(
            key="countries",
            label=gettext_lazy("Country measures and roadmaps"),
            records=_mandate_records,
        )
    )
    # Resolution 179: RES/2 and BDT/8 (assistance with roadmaps and strategies), BDT/4 (developing
    # countries' attention to COP): requests are made and followed from the country profiles.
    mandate.register_feature(
        mandate.MandateFeature(
            key="countries-assistance",
            label=gettext_lazy("Requests for assistance"),
            description=gettext_lazy(
                "A Member State's delegate asks ITU for help with a roadmap, a strategy or "
                "legislation; the secretariat takes each request to its end, shown on the "
                "country's profile with its developing-country status."
            ),
            url_name="countries:list",
            paragraphs=("R179/RES/2", "R179/BDT/4", "R179/BDT/8"),
        )
    )
    # Resolution 179, MS/7: Member States share their legislative, regulatory and technical
    # measures; the checklist compares them.
    mandate.register_feature(
        mandate.MandateFeature(
            key="countries-compare",
            label=gettext_lazy("Measures compared against one checklist"),
            description=gettext_lazy(
                "Each country's legislative, regulatory and technical measures, with evidence, "
                "compared on a matrix and a map."
            ),
            url_name="countries:compare",
            paragraphs=("R179/MS/7",),
        )
    )
    reporting.register_section(
        reporting.ReportSection(
            key="countries",
            title=gettext_lazy("National measures and roadmaps"),
            order=60,
            blocks=_report_blocks,
        )
    )
