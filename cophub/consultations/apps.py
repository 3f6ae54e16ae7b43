from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Council Resolution 1306 §3: one-day online youth consultations before the working group's
# meetings; Resolution 179 (requests the Council, 4): online youth consultations before its
# meetings, for a sufficient suggested duration.
MANDATE_CODES = ("R1306/RES/3", "R179/COUNCIL/4")


class ConsultationsConfig(AppConfig):
    name = "cophub.consultations"
    label = "consultations"
    verbose_name = _("Youth consultations")

    def ready(self):
        from cophub.core import mandate, navigation, profiles, reporting

        from . import registrations

        navigation.register(
            navigation.NavEntry(
                url_name="consultations:list",
                label=_("Youth consultations"),
                order=30,
                description=_(
                    "Young people tell the working group what they think, in one day, online."
                ),
            )
        )
        mandate.register_provider(
            mandate.MandateProvider(
                key="consultations",
                label=_("Youth consultations"),
                records=registrations.mandate_records,
            )
        )
        mandate.register_feature(
            mandate.MandateFeature(
                key="consultations",
                label=_("Youth consultations"),
                description=_(
                    "Online consultations of young people before the working group's meetings, "
                    "with their results published."
                ),
                url_name="consultations:list",
                paragraphs=MANDATE_CODES,
            )
        )
        reporting.register_section(
            reporting.ReportSection(
                key="consultations",
                title=_("Youth consultations"),
                order=30,
                blocks=registrations.report_blocks,
            )
        )
        profiles.register_section(
            profiles.ProfileSection(
                key="consultations",
                title=_("Youth consultations"),
                order=40,
                template="consultations/includes/profile_section.html",
                data=registrations.profile_data,
                empty_message=_(
                    "No young people from this country have taken part yet, or fewer than 5."
                ),
                gaps=registrations.profile_gaps,
            )
        )
