import datetime

import pytest
from django.utils import translation

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.coordination import selectors, services
from cophub.coordination.models import Activity, ActivityLink, OverlapMark
from cophub.core.errors import DomainError

from .factories import make_activity

pytestmark = pytest.mark.django_db


def test_record_an_activity_finds_its_topics_and_serves_the_mandate():
    activity = make_activity(contact_role="COP focal point, BDT")
    assert activity.slug == "cyberbullying-awareness-campaign-in-kenyan-schools"
    assert activity.inferred_topics.split() == ["cyberbullying", "digital-literacy"]
    assert {p.code for p in activity.mandate.all()} == {"R179/SGDIRS/1", "R1306/RES/4"}
    unicef = make_activity(organisation="unicef", titles={"en": "Another campaign"})
    assert {p.code for p in unicef.mandate.all()} == {"R179/SG/1", "R179/SG/4"}


def test_a_chinese_title_gets_an_address_from_organisation_kind_and_year():
    activity = make_activity(
        titles={"zh": "东南亚教师数字素养培训"}, descriptions={}, original_language="zh"
    )
    assert activity.slug == "bdt-campaign-2025"
    assert "digital-literacy" in activity.inferred_topics.split()


def _bad(field, message_part, **overrides):
    before = Activity.objects.count()
    with pytest.raises(DomainError) as caught:
        make_activity(**overrides)
    assert caught.value.field == field
    assert message_part in str(caught.value.message)
    assert Activity.objects.count() == before
    assert ActivityLink.objects.count() == 0
    return caught.value


def test_an_activity_ending_before_it_starts_is_refused():
    _bad("ends_on", "cannot end before it starts", ends_on=datetime.date(2025, 1, 1))


def test_an_unknown_organisation_is_refused_by_name():
    _bad(
        "organisation",
        "Unknown organisation: “ministry-of-magic”",
        organisation="ministry-of-magic",
    )


def test_a_language_the_platform_does_not_know_is_refused():
    _bad("original_language", "six official languages", original_language="de",
         titles={"de": "Kampagne gegen Cybermobbing"})  # fmt: skip
    _bad("original_language", "six official languages", descriptions={"hi": "साइबर धमकी"})


def test_a_description_written_in_another_script_is_refused():
    _bad("description", "not in one of the six official languages",
         descriptions={"en": "साइबर धमकी के विरुद्ध विद्यालयों में जागरूकता अभियान"})  # fmt: skip


def test_the_error_is_in_the_readers_language():
    with translation.override("fr"), pytest.raises(DomainError) as caught:
        make_activity(ends_on=datetime.date(2024, 1, 1))
    assert str(caught.value.message) == "Une activité ne peut pas se terminer avant de commencer."


def test_contact_is_a_role_not_a_person():
    _bad("contact_role", "Name a role", contact_role="Jane Doe, jane.doe@example.org")
    _bad("contact_role", "Name a role", contact_role="Call +41 22 730 5111")


def test_unknown_links_countries_and_topics_leave_nothing_written():
    _bad("resources", "No published resource", resources=["no-such-resource"])
    _bad("documents", "No public document", documents=["CWG-COP-99/1"])
    _bad("countries", "Unknown country: XX", countries=["XX"])
    _bad("topics", "Unknown topic: knitting", topics=["knitting"])


def test_links_to_resources_are_found_through_the_repository():
    from cophub.resources.tests.factories import make_resource

    resource = make_resource(slug="safer-chat")
    activity = make_activity(resources=["safer-chat"])
    link = activity.links.get()
    assert (link.target, link.slug, link.url) == (
        "resource",
        "safer-chat",
        resource.get_absolute_url(),
    )
    assert link.title == "Safer chat rooms for children"


def test_update_replaces_the_texts_and_reanalyses():
    activity = make_activity()
    services.update_activity(
        activity=activity, updated_by=SecretariatFactory(), organisation="unicef", kind="research", original_language="fr",
        titles={"fr": "Étude sur la sextorsion des adolescents"}, descriptions={"fr": ""},
        starts_on=datetime.date(2025, 1, 1), countries=["SN"],
    )  # fmt: skip
    activity.refresh_from_db()
    assert activity.title_fr == "Étude sur la sextorsion des adolescents"
    assert activity.title_en == "Cyberbullying awareness campaign in Kenyan schools"
    assert "sextortion" in activity.inferred_topics.split()
    assert [c.iso2 for c in activity.countries.all()] == ["SN"]


def test_a_failed_update_changes_nothing():
    activity = make_activity()
    with pytest.raises(DomainError):
        services.update_activity(
            activity=activity, updated_by=SYSTEM, organisation="bdt", kind="campaign", original_language="en",
            titles={"en": "Changed"}, starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2024, 1, 1),
        )  # fmt: skip
    activity.refresh_from_db()
    assert activity.title_en == "Cyberbullying awareness campaign in Kenyan schools"


def test_the_finder_lists_a_french_activity_against_an_english_one_with_reasons():
    english = make_activity()
    make_activity(
        titles={"en": "Household survey on internet use"}, kind="research", countries=["BR"]
    )
    french = make_activity(
        organisation="unicef", original_language="fr",
        titles={"fr": "Campagne contre le cyberharcèlement dans les écoles kényanes"},
        descriptions={"fr": "Affiches et ateliers sur le harcèlement en ligne pour les élèves."},
        starts_on=datetime.date(2025, 3, 1), ends_on=datetime.date(2025, 12, 31),
    )  # fmt: skip
    found = selectors.overlaps_for(french)
    assert [c.activity for c in found] == [english]
    codes = {r.code for r in found[0].reasons}
    assert codes == {"topics", "kind", "countries", "dates"}
    assert found[0].score == 0.95
    with translation.override("en"):
        explained = [selectors.explain(r) for r in found[0].reasons]
    assert "Shared topics: Cyberbullying" in explained
    assert "Shared countries: Kenya" in explained


def test_only_the_secretariat_marks_a_pair_and_a_pair_is_kept_once():
    a, b = make_activity(), make_activity(organisation="unicef")
    with pytest.raises(DomainError):
        services.mark_pair(activity=a, other=b, relation="duplicate", user=DelegateFactory())
    secretariat = SecretariatFactory()
    services.mark_pair(activity=b, other=a, relation="duplicate", user=secretariat)
    mark = services.mark_pair(
        activity=a, other=b, relation="coordinated", user=secretariat, note="Joint plan"
    )
    assert OverlapMark.objects.count() == 1
    assert (mark.first, mark.second, mark.relation) == (a, b, "coordinated")
    with pytest.raises(DomainError):
        services.mark_pair(activity=a, other=a, relation="duplicate", user=secretariat)
    with pytest.raises(DomainError):
        services.mark_pair(activity=a, other=b, relation="similar", user=secretariat)
    assert OverlapMark.objects.get().relation == "coordinated"


def test_report_section_counts_the_period_and_lists_the_marks():
    from cophub.core import reporting

    a = make_activity()
    b = make_activity(organisation="unicef")
    make_activity(starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 6, 1))
    services.mark_pair(activity=a, other=b, relation="complementary", user=SecretariatFactory())
    section = next(s for s in reporting.sections() if s.key == "coordination")
    today = datetime.date.today()
    with translation.override("en"):
        blocks = section.blocks(datetime.date(2025, 1, 1), max(today, datetime.date(2025, 12, 31)))
    assert "2 child online protection activities" in blocks[0].text
    assert sorted(blocks[1].rows) == [["BDT", 1], ["UNICEF", 1]]
    assert blocks[3].rows[0][2] == "Complementary"


@pytest.mark.parametrize("make_user", [DelegateFactory, UserFactory, lambda: None])
def test_only_the_secretariat_records_an_activity(make_user):
    with translation.override("fr"), pytest.raises(DomainError) as caught:
        make_activity(created_by=make_user())
    assert caught.value.message == (
        "Seul le secrétariat enregistre des activités dans le registre."
    )
    assert not Activity.objects.exists()


def test_a_secretariat_account_records_an_activity_as_its_author():
    secretariat = SecretariatFactory()
    assert make_activity(created_by=secretariat).created_by == secretariat


def test_only_the_secretariat_updates_an_activity():
    activity = make_activity()
    secretariat_gone = SecretariatFactory(is_active=False)
    for user in (DelegateFactory(), secretariat_gone):
        with translation.override("es"), pytest.raises(DomainError) as caught:
            services.update_activity(
                activity=activity, updated_by=user, organisation="unicef", kind="research",
                original_language="en", titles={"en": "Changed"},
                starts_on=datetime.date(2025, 1, 1),
            )  # fmt: skip
        assert caught.value.message == "Solo la secretaría registra actividades en el registro."
    activity.refresh_from_db()
    assert (activity.title_en, activity.organisation.code) == (
        "Cyberbullying awareness campaign in Kenyan schools",
        "bdt",
    )
