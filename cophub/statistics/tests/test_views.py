import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cophub.accounts.tests.factories import DelegateFactory, UserFactory
from cophub.core import profiles
from cophub.core.models import Country
from cophub.statistics.models import Observation

from .factories import IndicatorFactory, ObservationFactory, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    indicator = IndicatorFactory(code="TEST_USE", name_zh="测试指标")
    for iso2, value in [("KE", 61.5), ("TZ", 48.25), ("UG", 52.0)]:
        country = Country.objects.get(iso2=iso2)
        ObservationFactory(indicator=indicator, country=country, period=2023, value=value)
        ObservationFactory(indicator=indicator, country=country, period=2022, value=value - 5)
    ObservationFactory(indicator=indicator, period=2023, sex="F", age="Y9T11", value=58)
    ObservationFactory(
        indicator=indicator, period=2023, sex="M", age="Y9T11", value=7.5, confidential=True
    )
    return indicator


def test_index_lists_the_indicators_with_a_fixed_number_of_queries(
    client, figures, django_assert_num_queries
):
    # the published totals' coverage (from their index), the indicators, the demo flag
    with django_assert_num_queries(3):
        response = client.get("/en/statistics/")
    assert response.status_code == 200
    assert (
        "TEST_USE" in response.text and "Children who use the internet every day" in response.text
    )


def test_indicator_page_compares_countries_with_charts_and_tables(client, figures):
    response = client.get("/en/statistics/TEST_USE/?period=2023&country=KE&country=TZ")
    assert response.status_code == 200
    body = response.text
    assert body.count('role="img"') == 3  # countries, years, sex × age
    table = body.split('id="comparison-table"')[1].split("</table>")[0]
    assert "Kenya" in table and "61.5 %" in table and "Uganda" not in table
    breakdown = body.split('id="breakdown-table"')[1].split("</table>")[0]
    assert "58.0 %" in breakdown
    assert "7.5" not in breakdown  # the confidential cell is never shown


def test_indicator_page_query_count_does_not_grow_with_countries(
    client, figures, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get("/zh/statistics/TEST_USE/").status_code == 200


def test_unknown_indicator_and_bad_parameters(client, figures):
    assert client.get("/en/statistics/NO_SUCH/").status_code == 404
    response = client.get("/en/statistics/TEST_USE/?period=1800&country=ZZ")
    assert response.status_code == 422
    assert "Select a valid choice" in response.text


def test_downloads_follow_the_filters_and_leave_out_confidential_cells(client, figures):
    response = client.get("/en/statistics/TEST_USE/data.csv?country=KE&period=2023")
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("indicator,country,country_name,year")
    assert [line.split(",")[3] + line.split(",")[4] for line in lines[1:]] == ["2023F", "2023_T"]
    data = client.get("/en/statistics/TEST_USE/data.json").json()
    assert data["indicator"]["code"] == "TEST_USE"
    assert 7.5 not in [o["value"] for o in data["observations"]]
    assert len(data["observations"]) == 7


def test_submission_page_needs_a_focal_point(client):
    assert client.get("/en/statistics/submit/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/en/statistics/submit/").status_code == 403


def test_a_bad_file_is_rejected_with_its_row_named(client):
    client.force_login(DelegateFactory())
    upload = SimpleUploadedFile(
        "ke.csv", csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30", "CYBERBULLYING,KE,2023,_T,_T,300")
    )
    response = client.post("/fr/statistics/submit/", {"file": upload})
    assert response.status_code == 422
    assert "ligne 3" in response.text
    assert Observation.objects.count() == 0


def test_a_good_file_is_accepted(client):
    client.force_login(DelegateFactory())
    upload = SimpleUploadedFile("ke.csv", csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30"))
    response = client.post("/en/statistics/submit/", {"file": upload}, follow=True)
    assert "The file was accepted: 1 new and 0 revised observations." in response.text
    assert Observation.objects.get().value == 30


def test_profile_section_shows_key_figures(figures):
    section = next(s for s in profiles.sections() if s.key == "statistics")
    kenya = Country.objects.get(iso2="KE")
    assert [(f.indicator.code, f.value) for f in section.data(kenya)] == [("TEST_USE", 61.5)]
    assert section.gaps(kenya) == []  # by sex and by age in the latest year
    assert section.data(Country.objects.get(iso2="FR")) == []


def test_only_those_who_may_submit_see_the_submit_link(client):
    assert "/en/statistics/submit/" not in client.get("/en/statistics/").text
    client.force_login(UserFactory())
    assert "/en/statistics/submit/" not in client.get("/en/statistics/").text
    client.force_login(DelegateFactory())
    assert "/en/statistics/submit/" in client.get("/en/statistics/").text


def _kenya_2023(client, language="en") -> str:
    body = client.get(f"/{language}/statistics/TEST_USE/?period=2023").text
    table = body.split('id="comparison-table"')[1].split("</table>")[0]
    return table.split("</th>", 1)[1].split("</td>", 1)[0] if "Kenya" in table else table


def test_the_computed_comparison_is_reused_until_the_figures_change(
    client, figures, django_assert_max_num_queries
):
    from cophub.accounts.tests.factories import SecretariatFactory
    from cophub.statistics import services

    assert "61.5 %" in _kenya_2023(client)
    # Seen again: the indicator and the mandate paragraphs it serves only (the version is in the
    # cache), whatever the number of countries.
    with django_assert_max_num_queries(2):
        assert client.get("/en/statistics/TEST_USE/?period=2023").status_code == 200
    # A submission revises Kenya's figure: every page shows the new one at once.
    services.submit_observations(
        data=csv_bytes("TEST_USE,KE,2023,_T,_T,63"), file_name="ke.csv",
        submitted_by=SecretariatFactory(),
    )  # fmt: skip
    assert "63.0 %" in _kenya_2023(client)
    # So does an edit in the admin (a model save), and a withheld cell disappears.
    kenya = Observation.objects.get(
        indicator=figures, country="KE", period=2023, sex="_T", age="_T"
    )
    kenya.value = 64.5
    kenya.save()
    assert "64.5 %" in _kenya_2023(client)
    kenya.confidential = True
    kenya.save()
    body = client.get("/en/statistics/TEST_USE/?period=2023").text
    assert "Kenya" not in body.split('id="comparison-table"')[1].split("</table>")[0]


def test_the_computed_comparison_is_kept_per_language(client, figures):
    assert "61.5 %" in client.get("/en/statistics/TEST_USE/?period=2023").text
    french = client.get("/fr/statistics/TEST_USE/?period=2023").text
    assert "61,5" in french and "Kenya" in french
    chinese = client.get("/zh/statistics/TEST_USE/?period=2023").text
    assert "肯尼亚" in chinese
