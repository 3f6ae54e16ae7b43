"""Dedicated numbers (Resolution 179, MS/11, TSB/3, MSSM/2): only sourced facts, else "not known"."""

import datetime

import pytest

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import SecretariatFactory, UserFactory
from cophub.core import mandate, profiles
from cophub.core.errors import DomainError
from cophub.core.models import MandateParagraph
from cophub.helplines import selectors, services
from cophub.helplines.models import DedicatedNumber

from .factories import ChannelFactory, HelplineFactory

pytestmark = pytest.mark.django_db

SOURCE = {
    "source_name": "Regulator: numbering plan",
    "source_url": "https://regulator.example/plan",
}


def _record(by, **changes):
    arguments = {"country": "KE", "number": "116 111", "status": "in_service",
                 "checked_on": "2026-01-05"} | SOURCE | changes  # fmt: skip
    return services.record_dedicated_number(by=by, **arguments)


def test_the_secretariat_records_a_number_and_a_later_check_replaces_it():
    secretariat = SecretariatFactory()
    fact = _record(secretariat, status="allocated")
    assert (fact.country_id, fact.number, fact.status) == ("KE", "116111", "allocated")
    assert fact.checked_on == datetime.date(2026, 1, 5)
    _record(secretariat, checked_on="2026-02-01")
    stored = DedicatedNumber.objects.get()
    assert (stored.status, stored.checked_on) == ("in_service", datetime.date(2026, 2, 1))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"country": "XX"}, "country", "Choose a country from the list."),
        ({"number": "0800"}, "number", "short code of 3 to 6 digits"),
        ({"number": "12"}, "number", "short code of 3 to 6 digits"),
        ({"number": "116-111-1"}, "number", "short code of 3 to 6 digits"),
        ({"status": "maybe"}, "status", "Choose the status the source gives."),
        ({"source_name": "  "}, "source_name", "Name the public source of this fact."),
        ({"source_url": "regulator.example"}, "source_url", "starting with https://"),
        ({"checked_on": "05/01/2026"}, "checked_on", "YYYY-MM-DD"),
        ({"checked_on": "2999-01-01"}, "checked_on", "checked in the future"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(changes, field, message):
    with pytest.raises(DomainError) as refused:
        _record(SecretariatFactory(), **changes)
    assert refused.value.field == field
    assert message in refused.value.message
    assert not DedicatedNumber.objects.exists()


def test_only_the_secretariat_records_numbers():
    with pytest.raises(DomainError, match="Only the secretariat"):
        _record(UserFactory())
    assert not DedicatedNumber.objects.exists()


def _entry(country, *, value="116111", is_demo=False, active=True, verified=None):
    helpline = HelplineFactory(
        country_id=country,
        is_demo=is_demo,
        active=active,
        source_name=f"Child Helpline International: {country}",
        last_verified=verified or datetime.date(2025, 1, 15),
    )
    ChannelFactory(helpline=helpline, value=value, works_in=[country])
    return helpline


def test_the_directory_gives_116_111_only_from_listed_sourced_entries():
    listed = _entry("NO")
    _entry("RS", is_demo=True)  # its details are less certain: no fact from it
    _entry("MD", active=False)  # waits for the secretariat to confirm it
    _entry("KE", value="116")  # another number, not 116 111
    assert services.dedicated_numbers_from_directory(by=SYSTEM) == 1
    fact = DedicatedNumber.objects.get()
    assert (fact.country_id, fact.number, fact.status) == ("NO", "116111", "in_service")
    assert (fact.source_name, fact.checked_on) == (listed.source_name, listed.last_verified)


def test_the_directory_leaves_a_later_check_of_the_secretariat_alone():
    _entry("NO")
    _record(SecretariatFactory(), country="NO", status="not_allocated", checked_on="2026-03-01")
    assert services.dedicated_numbers_from_directory(by=SYSTEM) == 0
    assert DedicatedNumber.objects.get().status == "not_allocated"
    with pytest.raises(DomainError):
        services.dedicated_numbers_from_directory(by=UserFactory())


def test_a_country_without_a_source_says_not_known_and_116_111_comes_first():
    _record(SecretariatFactory(), number="1098")
    lines = selectors.dedicated_numbers_for_country("KE")
    assert [(line.number, line.fact) for line in lines][0] == ("116111", None)
    assert lines[1].number == "1098" and lines[1].fact.status == "in_service"
    assert [line.fact for line in selectors.dedicated_numbers_for_country("FR")] == [None]


def test_the_pages_show_the_fact_with_its_source_or_not_known(client):
    _record(SecretariatFactory(), country="KE")
    page = client.get("/en/help/KE/").content.decode()
    assert "Allocated and in service" in page and SOURCE["source_url"] in page
    assert 'datetime="2026-01-05"' in page
    assert "not known" in client.get("/en/help/FR/").content.decode()
    assert "inconnu" in client.get("/fr/help/FR/").content.decode()
    listing = client.get("/ar/help/numbers/").content.decode()
    assert SOURCE["source_name"] in listing and 'href="/ar/help/KE/"' in listing


def test_the_country_profile_shows_the_numbers(client):
    section = next(s for s in profiles.sections() if s.key == "dedicated-numbers")
    assert [line.fact for line in section.data(type("C", (), {"iso2": "FR"}))] == [None]
    page = client.get("/ru/countries/FR/").content.decode()
    assert "116 111" in page and "неизвестно" in page


def test_the_secretariat_page_refuses_bad_input_in_the_users_language(client):
    client.force_login(SecretariatFactory())
    data = {"action": "record", "country": "KE", "number": "0800", "status": "in_service",
            "checked_on": "2026-01-05"} | SOURCE  # fmt: skip
    response = client.post("/fr/help/manage/numbers/", data)
    assert response.status_code == 422
    assert "chiffres" in response.content.decode()
    assert not DedicatedNumber.objects.exists()
    response = client.post("/fr/help/manage/numbers/", data | {"number": "116 111"})
    assert response.status_code == 302
    assert DedicatedNumber.objects.get().number == "116111"


def test_the_secretariat_takes_116_111_from_the_directory_on_its_page(client):
    _entry("GR")
    client.force_login(SecretariatFactory())
    assert client.post("/en/help/manage/numbers/", {"action": "directory"}).status_code == 302
    assert DedicatedNumber.objects.get().country_id == "GR"
    client.force_login(UserFactory())
    assert client.post("/en/help/manage/numbers/", {"action": "directory"}).status_code == 403


def test_the_api_returns_facts_and_not_known(client):
    _record(SecretariatFactory(), country="KE")
    listing = client.get("/api/v1/dedicated-numbers").json()
    assert [(row["country"], row["number"], row["status"]) for row in listing["items"]] == [
        ("KE", "116111", "in_service")
    ]
    answer = client.get("/api/v1/dedicated-numbers/fr").json()
    assert answer == [{"country": "FR", "number": "116111", "status": "not_known",
                       "source_name": "", "source_url": "", "checked_on": None}]  # fmt: skip
    assert client.get("/api/v1/dedicated-numbers/XX").status_code == 404


def test_the_feature_serves_its_paragraphs():
    codes = {"R179/MS/11", "R179/TSB/3", "R179/MSSM/2"}
    for paragraph in MandateParagraph.objects.filter(code__in=codes):
        keys = [feature.key for feature in mandate.features_serving(paragraph)]
        assert "helplines-dedicated-numbers" in keys
    assert MandateParagraph.objects.filter(code__in=codes).count() == 3
