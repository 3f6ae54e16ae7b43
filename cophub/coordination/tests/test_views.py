import datetime

import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.coordination import services
from cophub.coordination.models import Activity, OverlapMark

from .factories import make_activity

pytestmark = pytest.mark.django_db


def _many(n, **overrides):
    for i in range(n):
        make_activity(titles={"en": f"Helpline training {i}"}, countries=["KE", "UG"],
                      topics=["helplines"], regions=["AFR"], **overrides)  # fmt: skip


@pytest.mark.parametrize(
    "path",
    ["/{lang}/coordination/", "/{lang}/coordination/timeline/", "/{lang}/coordination/topics/",
     "/{lang}/coordination/organisations/", "/{lang}/coordination/topics/helplines/",
     "/{lang}/coordination/organisations/bdt/"],
)  # fmt: skip
def test_list_pages_query_count_does_not_grow(client, django_assert_max_num_queries, path):
    _many(3)
    with django_assert_max_num_queries(30) as few:
        assert client.get(path.format(lang="en")).status_code == 200
    _many(12, organisation="unicef")
    _many(12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(path.format(lang="ar")).status_code == 200


def test_register_filters_as_query_parameters(client):
    make_activity()
    make_activity(organisation="unicef", titles={"en": "Survey of children online"}, kind="research",
                  descriptions={"en": "A household survey."},
                  countries=["BR"], starts_on=datetime.date(2023, 1, 1), ends_on=datetime.date(2023, 6, 1))  # fmt: skip
    body = client.get("/en/coordination/?kind=research").content.decode()
    assert "Survey of children online" in body and "Kenyan schools" not in body
    body = client.get("/en/coordination/?country=ke").content.decode()
    assert "Kenyan schools" in body and "Survey of children online" not in body
    body = client.get("/en/coordination/?region=AMS&year=2023").content.decode()
    assert "Survey of children online" in body and "Kenyan schools" not in body
    body = client.get("/en/coordination/?topic=cyberbullying").content.decode()
    assert "Kenyan schools" in body and "Survey" not in body
    body = client.get("/en/coordination/?organisation=itu-d").content.decode()
    assert "Kenyan schools" in body and "Survey" not in body
    assert client.get("/en/coordination/?year=abc").status_code == 422


def test_activity_page_shows_no_personal_data_and_is_marked_demo(client):
    activity = make_activity(contact_role="COP focal point, BDT", is_demo=True)
    body = client.get(f"/fr/coordination/{activity.slug}/").content.decode()
    assert "COP focal point, BDT" in body
    assert "Ceci est un enregistrement de démonstration." in body
    assert "R179/SGDIRS/1" in body
    assert client.get("/en/coordination/no-such-activity/").status_code == 404


def test_only_the_secretariat_adds_activities(client):
    response = client.get("/en/coordination/add/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def _form(**overrides):
    data = {
        "organisation": "unicef", "kind": "campaign", "status": "ongoing", "original_language": "fr",
        "title": "Campagne contre le cyberharcèlement dans les écoles kényanes",
        "description": "Affiches et ateliers sur le harcèlement en ligne pour les élèves.",
        "starts_on": "2025-03-01", "ends_on": "2025-12-31", "countries": ["KE"],
        "contact_role": "Bureau de pays, protection de l'enfance",
    }  # fmt: skip
    data.update(overrides)
    return data


def test_add_in_french_then_see_the_english_overlap_and_mark_it(client):
    english = make_activity()
    client.force_login(SecretariatFactory())
    response = client.post("/fr/coordination/add/", _form())
    assert response.status_code == 302
    french = Activity.objects.get(original_language="fr")
    assert response["Location"] == f"/fr/coordination/{french.slug}/overlaps/"
    body = client.get(response["Location"]).content.decode()
    assert english.get_absolute_url().replace("/en/", "/fr/") in body
    assert "Thèmes communs : Cyberharcèlement" in body
    assert "Pays communs : Kenya" in body
    response = client.post(
        response["Location"], {"other": english.slug, "relation": "duplicate", "note": "Même école"}
    )
    assert response.status_code == 302
    mark = OverlapMark.objects.get()
    assert (mark.relation, mark.score) == ("duplicate", 0.95)
    body = client.get("/fr/coordination/organisations/unicef/").content.decode()
    assert "Doublon" in body and "Même école" in body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_on": "2025-01-01"}, "Une activité ne peut pas se terminer avant de commencer."),
        ({"organisation": "ministry-of-magic"}, "Organisation inconnue : « ministry-of-magic »"),
        ({"original_language": "de"}, "dans les six langues officielles seulement"),
        (
            {"description": "साइबर धमकी के विरुद्ध विद्यालयों में अभियान"},
            "pas dans l'une des six langues officielles",
        ),
        (
            {"contact_role": "Marie Dupont, marie@example.org"},
            "Indiquez une fonction, pas une personne",
        ),
        (
            {"resources": "no-such-resource"},
            "Aucune ressource publiée n'a l'adresse « no-such-resource »",
        ),
    ],
)
def test_bad_input_shows_a_translated_error_and_stores_nothing(client, overrides, message):
    client.force_login(SecretariatFactory())
    response = client.post("/fr/coordination/add/", _form(**overrides))
    assert response.status_code == 422
    body = response.content.decode()
    assert message in body.replace("&#x27;", "'").replace("&quot;", '"')
    assert 'aria-invalid="true"' in body or "error-summary" in body
    assert Activity.objects.count() == 0


def test_edit_keeps_other_languages_and_lists_overlaps_again(client):
    activity = make_activity()
    client.force_login(SecretariatFactory())
    page = client.get(f"/en/coordination/{activity.slug}/edit/")
    assert 'value="Cyberbullying awareness campaign in Kenyan schools"' in page.content.decode()
    response = client.post(f"/en/coordination/{activity.slug}/edit/", _form(original_language="en",
                           title="Cyberbullying campaign in Kenya", description="Posters."))  # fmt: skip
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title_en == "Cyberbullying campaign in Kenya"
    assert activity.organisation.code == "unicef"


def test_a_bad_mark_is_refused_with_a_message(client):
    a, b = make_activity(), make_activity(organisation="unicef")
    client.force_login(SecretariatFactory())
    response = client.post(
        f"/en/coordination/{a.slug}/overlaps/", {"other": a.slug, "relation": "duplicate"}
    )
    assert response.status_code == 422
    assert "An activity cannot overlap itself." in response.content.decode()
    assert not OverlapMark.objects.exists()
    services.mark_pair(activity=a, other=b, relation="coordinated", user=SecretariatFactory())
    body = client.get(f"/en/coordination/{b.slug}/").content.decode()
    assert "Coordinated" in body and a.get_absolute_url() in body


def test_topic_page_links_resources_of_the_same_topic(client):
    from cophub.resources.tests.factories import make_resource

    make_resource(
        titles={"en": "Stop cyberbullying: a guide for schools"}, topics=["cyberbullying"]
    )
    make_activity()
    body = client.get("/en/coordination/topics/cyberbullying/").content.decode()
    assert "Stop cyberbullying: a guide for schools" in body
    assert "Kenyan schools" in body
    assert client.get("/en/coordination/topics/knitting/").status_code == 404


def test_country_profile_section_lists_the_activities():
    from cophub.core import profiles
    from cophub.core.models import Country

    make_activity()
    section = next(s for s in profiles.sections() if s.key == "coordination")
    assert [a.title_en for a in section.data(Country.objects.get(iso2="KE"))] == [
        "Cyberbullying awareness campaign in Kenyan schools"
    ]
    assert not section.data(Country.objects.get(iso2="FR"))


def test_mandate_page_lists_the_activity(client):
    make_activity()
    body = client.get("/en/mandate/R179-SGDIRS-1/").content.decode()
    assert "Cyberbullying awareness campaign in Kenyan schools" in body


def test_the_yearly_report_to_council_has_the_coordination_section(client):
    year = datetime.date.today().year
    a = make_activity(starts_on=datetime.date(year, 1, 10), ends_on=None)
    b = make_activity(organisation="unicef", titles={"en": "School posters against online bullying"},
                      starts_on=datetime.date(year, 2, 1), ends_on=None)  # fmt: skip
    services.mark_pair(activity=a, other=b, relation="duplicate", user=SecretariatFactory())
    body = client.get(f"/en/reports/annual/{year}/").content.decode()
    assert "Coordination with other organisations" in body
    assert "Activities by organisation" in body
    assert "School posters against online bullying (UNICEF)" in body
    assert "Duplicate" in body
    body = client.get(f"/ar/reports/annual/{year}/").content.decode()
    assert "التنسيق مع المنظمات الأخرى" in body


def test_the_country_filter_is_a_list_of_countries_in_the_page_language(client):
    make_activity(countries=["DE"])
    body = client.get("/fr/coordination/?country=DE").content.decode()
    assert '<option value="DE" selected>Allemagne</option>' in body
    assert '<option value="KE">Kenya</option>' in body
    assert body.count("<option value=") > 240  # every country, not only those with activities
