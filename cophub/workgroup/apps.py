from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _mandate_records(paragraph):
    from django.urls import reverse

    from cophub.core.mandate import MandateWork

    from . import selectors

    return [
        MandateWork(
            title=f"{document.number}: {document.title}",
            url=reverse("workgroup:document", args=[document.slug]),
            date=document.registered_at.date() if document.registered_at else None,
        )
        for document in selectors.documents_serving(paragraph)
    ]


def _profile_data(country):
    from . import selectors

    return list(selectors.contributions_for_country(country.iso2)[:20])


def _features():
    from cophub.core.mandate import MandateFeature

    return (
        # Resolution 1306 §5 and Resolution 179 (requests the Council, 5): contributions and
        # reports public, without a password.
        MandateFeature(
            key="workgroup-registry",
            label=_("The public document registry and its feeds"),
            description=_(
                "Every contribution and report, numbered and public without a password, with "
                "Atom feeds and an API."
            ),
            url_name="workgroup:registry",
            paragraphs=("R1306/RES/5", "R179/COUNCIL/5", "R179/SG/7"),
        ),
        # Resolution 1306 §1.3 (annual report to Council) and §6 (draft final report); Resolution
        # 179: SG/6 (progress report to the Plenipotentiary), BDT/1 (annual report on WTDC
        # Resolution 67).
        MandateFeature(
            key="workgroup-reports",
            label=_("Reports to Council"),
            description=_(
                "The yearly and final reports, built from the year's records and registered with "
                "their Council numbers."
            ),
            url_name="workgroup:reports",
            paragraphs=("R1306/RES/1.3", "R1306/RES/6", "R179/SG/6", "R179/BDT/1"),
        ),
        # Resolution 1306 §1, §1.1, §2 and Resolution 179 (requests the Council, 1 and 2; invites
        # Member States, 1): the group, its members' input and every stakeholder's part in it.
        MandateFeature(
            key="workgroup-meetings",
            label=_("The working group's meetings"),
            description=_(
                "Meetings with their agendas, calendar and participants, and the contributions "
                "Member States, Sector Members and other stakeholders send to them."
            ),
            url_name="workgroup:meetings",
            paragraphs=(
                "R1306/RES/1",
                "R1306/RES/1.1",
                "R1306/RES/2",
                "R179/COUNCIL/1",
                "R179/COUNCIL/2",
                "R179/MS/1",
            ),
        ),
        # Resolution 1306 §4, Resolution 179 (requests the Council, 3; BDT/2): liaison with the
        # other ITU groups and the Council Working Group on Internet, avoiding duplication.
        MandateFeature(
            key="workgroup-liaisons",
            label=_("Liaison statements"),
            description=_(
                "The statements exchanged with other ITU groups, so that work is not done twice."
            ),
            url_name="workgroup:liaisons",
            paragraphs=("R1306/RES/4", "R179/COUNCIL/3", "R179/BDT/2"),
        ),
        # Resolution 179, MS/2: gender balance in the delegations, counted per meeting.
        MandateFeature(
            key="workgroup-gender",
            label=_("Gender balance of the delegations"),
            description=_(
                "The yearly report counts, per meeting, the delegates' self-declared gender."
            ),
            url_name="workgroup:reports",
            paragraphs=("R179/MS/2",),
        ),
    )


class WorkgroupConfig(AppConfig):
    name = "cophub.workgroup"
    label = "workgroup"
    verbose_name = _("Working group")

    def ready(self):
        from cophub.core import mandate, navigation, profiles, reporting

        from .reports import OWN_SECTIONS

        features = _features()

        navigation.register(
            navigation.NavEntry(
                "workgroup:registry",
                _("Documents"),
                10,
                _("Every contribution and report of the working group, public and searchable."),
            )
        )
        navigation.register(
            navigation.NavEntry(
                "workgroup:meetings",
                _("Meetings"),
                11,
                _("The working group's meetings, agendas and calendar."),
            )
        )
        mandate.register_provider(
            mandate.MandateProvider("workgroup-documents", _("Documents"), _mandate_records)
        )
        for feature in features:
            mandate.register_feature(feature)
        profiles.register_section(
            profiles.ProfileSection(
                key="workgroup",
                title=_("Contributions to the working group"),
                order=30,
                template="workgroup/includes/profile_section.html",
                data=_profile_data,
                empty_message=_("This Member State has not submitted a contribution yet."),
            )
        )
        for section in OWN_SECTIONS:
            reporting.register_section(section)
