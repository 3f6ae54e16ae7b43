from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplinesConfig(AppConfig):
    name = "cophub.helplines"
    label = "helplines"
    verbose_name = _("Helplines")

    def ready(self):
        from cophub.core import help, mandate, navigation, profiles

        from . import integration

        help.register_provider(integration.help_answer)
        navigation.register(
            navigation.NavEntry(
                url_name="helplines:finder",
                label=_("Get help now"),
                order=5,
                description=_("Child helplines and reporting hotlines in every country."),
            )
        )
        profiles.register_section(
            profiles.ProfileSection(
                key="helplines",
                title=_("Helplines and hotlines"),
                order=40,
                template="helplines/includes/profile_section.html",
                data=integration.profile_data,
                empty_message=_("No helpline or hotline is listed for this country yet."),
                gaps=integration.profile_gaps,
            )
        )
        profiles.register_section(
            profiles.ProfileSection(
                key="dedicated-numbers",
                title=_("Dedicated numbers"),
                order=41,
                template="helplines/includes/numbers_section.html",
                data=integration.profile_numbers,
                empty_message=_("Nothing sourced is known."),
            )
        )
        # Resolution 179: MS/10 (resources for helplines), TSB/1 (easier access to helplines),
        # SM/2 (solutions connecting children to helplines).
        mandate.register_feature(
            mandate.MandateFeature(
                key="helplines-finder",
                label=_("The helpline finder and directory"),
                description=_(
                    "Child helplines and reporting hotlines of every country, open now first, "
                    "embeddable and downloadable."
                ),
                url_name="helplines:finder",
                paragraphs=("R179/MS/10", "R179/MS/11", "R179/TSB/1", "R179/SM/2"),
            )
        )
        # Resolution 179: MS/11 (specific numbers for COP services), TSB/3 (a number allocated
        # on a regional basis), MSSM/2 (Recommendation ITU-T E.1100).
        mandate.register_feature(
            mandate.MandateFeature(
                key="helplines-dedicated-numbers",
                label=_("Dedicated numbers for children"),
                description=_(
                    "Whether 116 111 and other harmonised numbers for children are allocated and "
                    "in service in each country, with the public source and the date it was checked."
                ),
                url_name="helplines:numbers",
                paragraphs=("R179/MS/11", "R179/TSB/3", "R179/MSSM/2"),
            )
        )
        mandate.register_provider(
            mandate.MandateProvider(
                key="helplines",
                label=_("Helplines and hotlines"),
                records=integration.mandate_records,
            )
        )
