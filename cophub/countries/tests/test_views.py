import csv
import io

import pytest

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core import profiles
from cophub.core.models import Country
from cophub.countries import services
from cophub.countries.models import Change, Evidence, Measure, Proposal

from .factories import (
    EvidenceFactory,
    MeasureFactory,
    MilestoneFactory,
    RoadmapFactory,
    country,
    item,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a long and safe passphrase"


def _measures_for(iso2s):
    for iso2 in iso2s:
        for code in ("tec-hotline", "tec-helpline", "edu-schools"):
            MeasureFactory(country=country(iso2), item=item(code))


@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
def test_country_list_lists_member_states_with_scores(client, lang):
    MeasureFactory(status="in_force")
    response = client.get(f"/{lang}/countries/")
    assert response.status_code == 200
    rows = {row.country.iso2: row for row in response.context["rows"]}
    assert len(rows) == 194  # the ITU Member States
    assert rows["KE"].score == 5 and rows["FR"].score is None
    assert f'href="/{lang}/countries/KE/"' in response.content.decode()


def test_list_and_comparison_query_counts_do_not_grow_with_the_data(
    client, django_assert_num_queries
):
    _measures_for(["KE"])
    with django_assert_num_queries(6):
        client.get("/en/countries/")
    with django_assert_num_queries(4):
        client.get("/en/countries/compare/")
    _measures_for(["FR", "BR", "IN", "NG"])
    RoadmapFactory(country=country("FR"))
    with django_assert_num_queries(6):
        client.get("/en/countries/")
    with django_assert_num_queries(4):
        client.get("/en/countries/compare/")
    with django_assert_num_queries(4):
        client.get("/en/countries/compare.csv")


def test_comparison_filters_by_region_and_group(client):
    response = client.get("/en/countries/compare/?region=AFR")
    iso2s = {country.iso2 for country, _score, _cells in response.context["comparison"].rows}
    assert "KE" in iso2s and "FR" not in iso2s
    response = client.get("/en/countries/compare/?group=LDC")
    iso2s = {country.iso2 for country, _score, _cells in response.context["comparison"].rows}
    assert {"AF", "BD"} <= iso2s and "KE" not in iso2s
    response = client.get("/en/countries/compare/?region=ARB&group=LDC")
    iso2s = {row[0].iso2 for row in response.context["comparison"].rows}
    assert "SD" in iso2s
    assert iso2s == set(
        Country.objects.filter(region="ARB", ldc=True, itu_member=True).values_list(
            "iso2", flat=True
        )
    )


@pytest.mark.parametrize("query", ["region=XYZ", "group=RICH", "region=AFR&group=ldc"])
def test_unknown_filters_are_a_clear_error(client, query):
    response = client.get(f"/en/countries/compare/?{query}")
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert client.get(f"/en/countries/compare.csv?{query}").status_code == 422


def test_csv_export_has_one_row_per_country_and_a_column_per_item(client):
    MeasureFactory(status="draft", item=item("tec-hotline"))
    response = client.get("/en/countries/compare.csv?region=AFR")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="cop-checklist-AFR.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    kenya = next(row for row in rows if row["iso2"] == "KE")
    assert kenya["country"] == "Kenya" and kenya["tec-hotline"] == "draft"
    assert kenya["score"] == "2" and kenya["edu-schools"] == "unknown"
    assert all(row["itu_region"] == "AFR" for row in rows)


def test_the_map_is_an_svg_shaded_by_score(client):
    MeasureFactory(status="in_force")
    response = client.get("/en/countries/compare/map.svg?region=AFR")
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg") and "<title>Kenya: 5</title>" in svg
    assert "<title>France" not in svg  # outside the filter: drawn plain, unnamed


def test_profile_shows_sections_in_order_with_gaps_at_the_top(client):
    EvidenceFactory(measure=MeasureFactory(item=item("tec-hotline")), title="Hotline decree")
    profiles.register_section(
        profiles.ProfileSection(
            key="test-helplines",
            title="Helplines",
            order=15,
            template="countries/includes/profile_section.html",
            data=lambda country: None,
            empty_message="No helpline is listed for this country yet.",
            gaps=lambda country: ["No helpline answers at night."],
        )
    )
    try:
        html = client.get("/en/countries/KE/").content.decode()
    finally:
        profiles.unregister_section("test-helplines")
    positions = [
        html.index(text)
        for text in (
            "No helpline answers at night.",
            "There is no national roadmap or strategy",
            'id="section-measures"',
            'id="section-test-helplines"',
            "No helpline is listed for this country yet.",
            'id="section-roadmap"',
            "No national roadmap or strategy for child online protection is recorded yet.",
        )
    ]
    assert positions == sorted(positions)
    assert "Hotline decree" in html and "In force" in html


def test_profile_in_russian_and_arabic(client):
    RoadmapFactory(title="Дорожная карта")
    html = client.get("/ru/countries/KE/").content.decode()
    assert "Кения" in html and "Дорожная карта" in html
    html = client.get("/ar/countries/KE/").content.decode()
    assert 'dir="rtl"' in html and "كينيا" in html


def test_profile_address_is_upper_case_and_unknown_codes_are_404(client):
    response = client.get("/en/countries/ke/")
    assert response.status_code == 301 and response["Location"] == "/en/countries/KE/"
    assert client.get("/en/countries/ZZ/").status_code == 404
    assert client.get("/en/countries/KEN/").status_code == 404


def test_roadmap_section_shows_milestones_progress_and_overdue(client):
    roadmap = RoadmapFactory()
    MilestoneFactory(roadmap=roadmap, title="Open the helpline", status="done")
    MilestoneFactory(roadmap=roadmap, title="Train teachers", target_date="2020-01-01")
    html = client.get("/en/countries/KE/").content.decode()
    assert "Open the helpline" in html and "50% of milestones done" in html
    assert "overdue" in html


def test_history_page_is_public_and_translated(client):
    services.import_measures(
        rows=[{"country": "KE", "item": "tec-hotline", "status": "in_force"}], by=SYSTEM
    )
    html = client.get("/en/countries/KE/history/").content.decode()
    assert "Measure changed" in html and "In force" in html and "Data import" in html
    html = client.get("/fr/countries/KE/history/").content.decode()
    assert "En vigueur" in html


def test_propose_needs_the_focal_point_of_the_country(client):
    response = client.get("/en/countries/KE/propose/measure/")
    assert response.status_code == 302
    client.force_login(DelegateFactory(country=country("FR")))
    response = client.get("/en/countries/KE/propose/measure/")
    assert response.status_code == 403
    assert "only for the Member State you represent" in response.content.decode()
    response = client.post(
        "/en/countries/KE/propose/measure/", {"item": "tec-hotline", "status": "in_force"}
    )
    assert response.status_code == 403 and not Proposal.objects.exists()


def test_a_bad_link_in_a_proposal_is_shown_on_the_field(client):
    client.force_login(DelegateFactory())
    response = client.post(
        "/en/countries/KE/propose/measure/",
        {
            "item": "tec-hotline",
            "status": "in_force",
            "evidence_title": "Decree",
            "evidence_year": "2021",
            "evidence_url": "ftp://example.org/decree",
        },
    )
    assert response.status_code == 422
    assert "http:// or https://" in str(response.context["form"].errors["evidence_url"])
    assert not Proposal.objects.exists()


def test_proposal_reviewed_appears_in_the_history(client):
    delegate = DelegateFactory(full_name="Wanjiru Kamau")
    client.force_login(delegate)
    response = client.post(
        "/en/countries/KE/propose/milestone/",
        {
            "title": "Open the helpline",
            "owner": "Ministry",
            "target_date": "2027-01-01",
            "status": "planned",
        },
    )
    assert "Record the roadmap before its milestones" in response.content.decode()
    response = client.post(
        "/en/countries/KE/propose/roadmap/",
        {
            "title": "COP roadmap",
            "kind": "roadmap",
            "status": "adopted",
            "cop_in_cybersecurity_strategy": "yes",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    html = client.get("/en/countries/KE/").content.decode()
    assert "Recent proposals for this country" in html and "Waiting for review" in html
    assert client.get("/en/countries/proposals/").status_code == 403
    client.force_login(SecretariatFactory(full_name="Amina Diallo"))
    assert "COP roadmap" not in client.get("/en/countries/KE/").content.decode()
    assert "Kenya" in client.get("/en/countries/proposals/").content.decode()
    review = client.get(f"/en/countries/proposals/{proposal.pk}/")
    values = {line.label: line for line in review.context["values"]}
    assert values["Status"].current == "" and values["Status"].proposed == "Adopted"
    assert values["Title"].proposed == "COP roadmap"
    response = client.post(f"/en/countries/proposals/{proposal.pk}/", {"decision": "reject"})
    assert "Say why the proposal is rejected" in response.content.decode()
    response = client.post(f"/en/countries/proposals/{proposal.pk}/", {"decision": "accept"})
    assert response.status_code == 302
    html = client.get("/en/countries/KE/history/").content.decode()
    assert "Roadmap changed" in html and "Wanjiru Kamau" in html and "Amina Diallo" in html


def test_the_secretariat_edits_directly(client):
    client.force_login(SecretariatFactory())
    response = client.post(
        "/en/countries/FR/propose/measure/",
        {"item": "edu-schools", "status": "draft", "evidence_title": "", "evidence_url": ""},
    )
    assert response.status_code == 302
    assert Measure.objects.get(country="FR").status == "draft"
    assert not Evidence.objects.exists() and Change.objects.count() == 1


def test_checklist_page_in_chinese(client):
    html = client.get("/zh/countries/checklist/").content.decode()
    assert "儿童求助热线" in html and 'id="tec-helpline"' in html
