"""What the register adds to the shared pages: navigation, the mandate, the country profile and
the reports to Council."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cophub.core import mandate, navigation, profiles, reporting
from cophub.core.i18n import translated_value


def _mandate_records(paragraph):
    from . import selectors

    return [
        mandate.MandateWork(
            title=str(translated_value(a, "title")), url=a.get_absolute_url(), date=a.starts_on
        )
        for a in selectors.for_mandate_paragraph(paragraph.code)
    ]


def _profile_data(country):
    from . import selectors

    return list(selectors.for_country(country.iso2)[:20])


def _report_blocks(start, end):
    from . import selectors
    from .models import Activity

    figures = selectors.report_figures(start, end)
    if not figures["active"]:
        return [
            reporting.ReportParagraph(
                _("The coordination register holds no activity for this period.")
            )
        ]
    kinds = dict(Activity.Kind.choices)
    blocks = [
        reporting.ReportParagraph(
            _(
                "The coordination register lists %(count)d child online protection activities "
                "of ITU and other organisations under way in this period."
            )
            % {"count": figures["active"]}
        ),
        reporting.ReportTable(
            caption=_("Activities by organisation"),
            headers=[_("Organisation"), _("Activities")],
            rows=[[name, n] for name, n in figures["by_organisation"]],
        ),
        reporting.ReportTable(
            caption=_("Activities by kind"),
            headers=[_("Kind"), _("Activities")],
            rows=[[str(kinds[k]), n] for k, n in sorted(figures["by_kind"].items())],
        ),
    ]
    if figures["marks"]:
        blocks.append(
            reporting.ReportTable(
                caption=_("Overlapping activities reviewed by the secretariat"),
                headers=[_("Activity"), _("Activity"), _("Decision")],
                rows=[
                    [
                        f"{translated_value(m.first, 'title')} ({m.first.organisation.acronym or m.first.organisation.code})",
                        f"{translated_value(m.second, 'title')} ({m.second.organisation.acronym or m.second.organisation.code})",
                        str(m.get_relation_display()),
                    ]
                    for m in figures["marks"]
                ],
            )
        )
    else:
        blocks.append(
            reporting.ReportParagraph(_("No overlapping activities were reviewed in this period."))
        )
    return blocks


def register_all():
    navigation.register(
        navigation.NavEntry(
            url_name="coordination:register",
            label=gettext_lazy("Coordination"),
            order=70,
            description=gettext_lazy(
                "Who does which child online protection activity, and where activities overlap."
            ),
        )
    )
    mandate.register_provider(
        mandate.MandateProvider(
            key="coordination",
            label=gettext_lazy("Activities in the coordination register"),
            records=_mandate_records,
        )
    )
    # Resolution 179: SG/1 (other UN organizations' activities), SG/4 and BDT/3 (coordination
    # with similar initiatives, avoiding overlap), SGDIRS/1 (between the Bureaux).
    mandate.register_feature(
        mandate.MandateFeature(
            key="coordination",
            label=gettext_lazy("The coordination register"),
            description=gettext_lazy(
                "Who does which child online protection activity, and where activities overlap."
            ),
            url_name="coordination:register",
            paragraphs=("R179/SG/1", "R179/SG/4", "R179/BDT/3", "R179/SGDIRS/1"),
        )
    )
    profiles.register_section(
        profiles.ProfileSection(
            key="coordination",
            title=gettext_lazy("Activities of ITU and partners"),
            order=60,
            template="coordination/includes/profile_section.html",
            data=_profile_data,
            empty_message=gettext_lazy(
                "No activity of ITU or its partners is registered for this country yet."
            ),
        )
    )
    reporting.register_section(
        reporting.ReportSection(
            key="coordination",
            title=gettext_lazy("Coordination with other organisations"),
            order=60,
            blocks=_report_blocks,
        )
    )
