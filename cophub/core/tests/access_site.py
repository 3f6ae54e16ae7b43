"""The records the role × URL table visits: one of each kind a URL can name, built once.

Country A is Kenya and country B is South Africa: each has a delegate, and A has drafts, pending
proposals and submissions that B's delegate must neither read nor act on.
"""

import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group as PermissionGroup
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cophub.accounts.models import Role
from cophub.accounts.tests.factories import (
    AccountRequestFactory,
    DelegateFactory,
    SecretariatFactory,
    UserFactory,
    organisation,
)
from cophub.consultations.models import Disclosure
from cophub.consultations.tests import factories as consultation_factories
from cophub.coordination import services as coordination_services
from cophub.coordination.models import Topic
from cophub.coordination.tests.factories import make_activity
from cophub.core.models import Country, MandateParagraph, Organisation
from cophub.countries import services as country_services
from cophub.countries.tests.factories import MeasureFactory, RoadmapFactory
from cophub.helplines import exchange
from cophub.helplines import services as helpline_services
from cophub.helplines.models import Helpline
from cophub.helplines.tests.factories import ChannelFactory, HelplineFactory
from cophub.resources import services as resource_services
from cophub.resources.models import Resource
from cophub.resources.tests.factories import make_resource
from cophub.statistics import services as statistics_services
from cophub.statistics.tests.factories import IndicatorFactory, ObservationFactory, csv_bytes
from cophub.trainings.tests.factories import ask as ask_for_training
from cophub.trainings.tests.factories import schedule as schedule_training
from cophub.workgroup import services as workgroup_services
from cophub.workgroup.models import PaperGeneration, ReportEdition, ReportGeneration
from cophub.workgroup.tests.factories import AgendaItemFactory, MeetingFactory, docx_upload

ROLES = ("anonymous", "public", "delegate_a", "delegate_b", "organisation", "secretariat")
COUNTRY_A, COUNTRY_B = "KE", "ZA"
# Words that appear only in country A's unpublished records: a page that shows one of them to
# someone who may not read the record leaks it.
SECRET_DRAFT = "Draft contribution of Kenya on age checks"
SECRET_PROPOSAL = "Kenya roadmap proposal not yet reviewed"
SECRET_ASSISTANCE = "Kenya asks for help with its draft online safety bill"
SECRET_PRACTICE = "Kenya best practice under review"


def build_site() -> SimpleNamespace:
    site = SimpleNamespace()
    site.users = {
        "public": UserFactory(role=Role.PUBLIC),
        "delegate_a": DelegateFactory(country=Country.objects.get(iso2=COUNTRY_A)),
        "delegate_b": DelegateFactory(country=Country.objects.get(iso2=COUNTRY_B)),
        "organisation": UserFactory(role=Role.STAKEHOLDER, organisation=organisation("iwf")),
        # as the secretariat signs up its own staff: the role gives the rights, not superuser status
        "secretariat": SecretariatFactory(is_superuser=False),
    }
    _workgroup(site)
    _consultations(site)
    _resources(site)
    _helplines(site)
    _countries(site)
    _statistics(site)
    _coordination(site)
    site.training = schedule_training(days=14)
    site.training_request = ask_for_training(by=site.users["delegate_a"])
    site.mandate = MandateParagraph.objects.order_by("pk").first()
    site.topic_type_id = ContentType.objects.get_for_model(site.topic).pk
    site.account_request = AccountRequestFactory()
    site.permission_group = PermissionGroup.objects.create(name="Reviewers")
    # One the secretariat added itself: the reference organisations are not changed in the admin.
    site.organisation = Organisation.objects.create(
        code="nairobi-parents", name="Nairobi Parents' Network", kind=Organisation.Kind.STAKEHOLDER
    )
    # The site's operator: more powers than the secretariat, which may not take them over.
    site.superuser = SecretariatFactory(is_superuser=True)
    # Someone who never signs in here: signing in would change the token's last-login part.
    forgetful = UserFactory(role=Role.PUBLIC)
    site.reset_uid = urlsafe_base64_encode(force_bytes(forgetful.pk))
    site.reset_token = default_token_generator.make_token(forgetful)
    _security(site)
    return site


def _contribution(site, title: str, text: str, **fields):
    """A contribution of country A's delegate, submitted to the site's meeting."""
    return workgroup_services.submit_document(
        submitted_by=site.users["delegate_a"],
        meeting=site.meeting,
        document_type="contribution",
        title=title,
        original_language="en",
        files={"en": docx_upload(text)},
        **fields,
    )


def _registered(site, document):
    workgroup_services.register_document(
        document=document,
        registered_by=site.users["secretariat"],
        serial=None,
        base_url="https://cophub.example.org",
    )
    document.refresh_from_db()
    return document


def _workgroup(site):
    site.meeting = MeetingFactory()
    site.agenda_item = AgendaItemFactory(meeting=site.meeting)
    title = "Child online protection in Kenyan schools"
    site.document = _registered(
        site, _contribution(site, title, "Schools in Kenya teach online safety.")
    )
    site.revision = _registered(
        site,
        _contribution(
            site,
            title,
            "Schools in Kenya teach online safety every term.",
            base=site.document,
            version="revision",
        ),
    )
    # Country A's draft: submitted, not registered, not public.
    site.draft = _contribution(site, SECRET_DRAFT, "Age checks on platforms.")
    # Country A's delegate names country B as co-source: B's delegates are asked to confirm.
    site.co_signed = _contribution(
        site,
        "Joint contribution on reporting channels",
        "Reporting channels for children.",
        countries=[Country.objects.get(iso2=COUNTRY_B)],
    )
    site.co_source = site.co_signed.co_sources.get()
    site.subscription = workgroup_services.subscribe(email="reader@example.org")
    workgroup_services.register_for_meeting(meeting=site.meeting, delegate=site.users["delegate_a"])
    site.report_year = site.meeting.starts_on.year
    edition = ReportEdition.objects.create(kind="annual", year=site.report_year)
    site.report_generation = ReportGeneration.objects.create(
        edition=edition, requested_by=site.users["secretariat"]
    )
    site.paper_generation = PaperGeneration.objects.create(
        meeting=site.meeting, paper="call", requested_by=site.users["secretariat"]
    )


def _consultations(site):
    site.consultation = consultation_factories.consultation(state="open", slug="open-one")
    closed = consultation_factories.consultation(state="closed", slug="closed-one")
    site.closed_consultation = closed
    site.draft_consultation = consultation_factories.consultation(
        state="upcoming", slug="unpublished-one", published=False
    )
    site.participation_token = consultation_factories.token_for(site.consultation)
    site.answered_consultation = consultation_factories.consultation(slug="answered-one")
    consultation_factories.respond(
        site.answered_consultation, text="I tell my sister when something is wrong."
    )
    consultation_factories.respond(
        site.answered_consultation, text="A man from the game says we must meet, just us two."
    )
    site.disclosure = Disclosure.objects.get()


def _resources(site):
    site.resource = make_resource(
        status=Resource.Status.PUBLISHED,
        links={},
        files={"en": docx_upload("Moderated chat rooms for children aged 9 to 12.")},
    )
    old = make_resource(
        kind="guideline",
        guideline_set="parents-educators",
        edition=2009,
        audiences=["parents-educators"],
        status=Resource.Status.PUBLISHED,
    )
    site.guideline = make_resource(
        kind="guideline",
        guideline_set="parents-educators",
        edition=2020,
        audiences=["parents-educators"],
        previous_edition=old,
        status=Resource.Status.PUBLISHED,
    )
    site.guideline_set = site.guideline.guideline_set
    site.submission = resource_services.submit_best_practice(
        user=site.users["delegate_a"],
        titles={"en": SECRET_PRACTICE},
        summaries={"en": "Teachers in Nairobi meet parents each term."},
        original_language="en",
        links={"en": "https://example.org/nairobi"},
        topics=["cyberbullying"],
        audiences=["children-9-12"],
    )
    withdrawn = make_resource(
        titles={"en": "An old list of links"}, status=Resource.Status.PUBLISHED
    )
    resource_services.withdraw_resource(resource=withdrawn, reviewer=site.users["secretariat"])


def _helplines(site):
    iwf = organisation("iwf")
    site.helpline = HelplineFactory(key="childline-ke", operator=iwf)
    site.channel = ChannelFactory(helpline=site.helpline)
    helpline_services.count_finder_view(iso2=COUNTRY_A)
    rows = exchange.export_rows(Helpline.objects.filter(pk=site.helpline.pk))
    site.helpline_proposal = helpline_services.propose_change(
        user=site.users["organisation"],
        helpline=site.helpline,
        csv_text=exchange.rows_to_csv([rows[0] | {"name": "Childline Kenya 116"}]),
    )


def _countries(site):
    kenya = Country.objects.get(iso2=COUNTRY_A)
    site.country_a, site.country_b = kenya, Country.objects.get(iso2=COUNTRY_B)
    MeasureFactory(country=kenya)
    RoadmapFactory(country=kenya)
    site.proposal = country_services.propose_change(
        country=kenya,
        kind="roadmap",
        payload={
            "title": SECRET_PROPOSAL,
            "kind": "roadmap",
            "status": "adopted",
            "cop_in_cybersecurity_strategy": "yes",
        },
        by=site.users["delegate_a"],
    )
    site.assistance = country_services.request_assistance(
        country=kenya,
        subject="legislation",
        description=SECRET_ASSISTANCE,
        by=site.users["delegate_a"],
    )
    country_services.apply_change(
        country=site.country_b,
        kind="measure",
        payload={"item": "tec-hotline", "status": "in_force"},
        by=site.users["secretariat"],
    )


def _statistics(site):
    site.indicator = IndicatorFactory(code="CHILDREN_ONLINE")
    ObservationFactory(indicator=site.indicator, country=site.country_b, period=2022)
    statistics_services.submit_observations(
        data=csv_bytes("CHILDREN_ONLINE,KE,2023,_T,_T,61.5"),
        file_name="ke.csv",
        submitted_by=site.users["delegate_a"],
    )


def _coordination(site):
    site.activity = make_activity()
    site.other_activity = make_activity(
        titles={"en": "Cyberbullying lessons for Kenyan pupils"},
        organisation="unicef",
        starts_on=datetime.date(2025, 3, 1),
    )
    coordination_services.mark_pair(
        activity=site.activity,
        other=site.other_activity,
        relation="complementary",
        user=site.users["secretariat"],
    )
    site.topic = Topic.objects.order_by("pk").first()
    site.today = timezone.localdate()


def _security(site):
    """Backup codes, a paused sign-in and its logs, and a seal of the audit log."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_static.models import StaticDevice

    from cophub.audit.services import seal

    backup = StaticDevice.objects.create(user=site.superuser, name="backup", confirmed=True)
    backup.token_set.create(token="a1b2c3d4")
    request = {
        "user_agent": "Firefox",
        "http_accept": "text/html",
        "path_info": "/en/accounts/login/",
    }
    AccessAttempt.objects.create(
        username="nobody@example.org", ip_address="192.0.2.7", get_data="", post_data="",
        failures_since_start=5, **request,
    )  # fmt: skip
    AccessFailureLog.objects.create(
        username="nobody@example.org", ip_address="192.0.2.7", **request
    )
    AccessLog.objects.create(username="nobody@example.org", ip_address="192.0.2.7", **request)
    seal()
