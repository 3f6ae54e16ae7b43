import pytest

from .factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    indicator = IndicatorFactory(code="TEST_USE")
    ObservationFactory(indicator=indicator, period=2022, value=40)
    ObservationFactory(indicator=indicator, period=2023, value=45)
    ObservationFactory(indicator=indicator, period=2023, sex="F", value=3, confidential=True)
    return indicator


def test_indicators_in_six_languages(client, indicator):
    body = client.get("/api/v1/statistics/indicators?lang=fr").json()
    daily = next(i for i in body if i["code"] == "CHILD_DAILY_USE")
    assert daily["name"] == "Enfants qui utilisent l'internet chaque jour"
    assert set(daily["names"]) == {"ar", "zh", "en", "fr", "ru", "es"}
    assert daily["breakdowns"] == ["sex", "age", "urbanisation", "disability"]


def test_observations_are_filtered_and_confidential_cells_left_out(
    client, indicator, django_assert_num_queries
):
    with django_assert_num_queries(2):
        body = client.get("/api/v1/statistics/observations?indicator=TEST_USE&country=ke").json()
    assert body["count"] == 2
    assert [(o["year"], o["value"], o["sex"]) for o in body["items"]] == [
        (2022, 40.0, "_T"),
        (2023, 45.0, "_T"),
    ]


def test_comparison_and_key_figures(client, indicator):
    assert [
        o["value"] for o in client.get("/api/v1/statistics/indicators/TEST_USE/comparison").json()
    ] == [45.0]
    figures = client.get("/api/v1/statistics/countries/KE/key-figures").json()
    assert [(f["indicator"], f["year"]) for f in figures] == [("TEST_USE", 2023)]


def test_unknown_indicator_is_a_problem(client):
    response = client.get("/api/v1/statistics/indicators/NOPE")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_operations_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/statistics/observations" in paths
    assert "/api/v1/statistics/countries/{iso2}/key-figures" in paths
