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


class WorkgroupConfig(AppConfig):
    name = "cophub.workgroup"
    label = "workgroup"
    verbose_name = _("Working group")

    def ready(self):
        from cophub.core import mandate, navigation, profiles, reporting

        from .reports import OWN_SECTIONS

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
