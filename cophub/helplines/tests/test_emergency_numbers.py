"""Every country gives a child something to call: its emergency numbers, from the short-number
data that the phonenumbers package ships, on the finder and on the help after a disclosure."""

import pytest

from cophub.core.help import emergency_numbers, help_for_country
from cophub.core.models import Country

pytestmark = pytest.mark.django_db


# libphonenumber's short-number data has no emergency numbers for these Member States; their
# pages say "call your local emergency number" until a sourced number is added.
WITHOUT_DATA = ["GN", "GQ"]


def test_every_member_state_has_an_emergency_number():
    members = list(Country.objects.filter(itu_member=True).values_list("iso2", flat=True))
    assert len(members) >= 193
    assert [iso2 for iso2 in members if not emergency_numbers(iso2)] == WITHOUT_DATA
    assert emergency_numbers("NA") == ("10111",)


@pytest.mark.parametrize(
    "iso2, expected",
    [("BO", ("110", "118", "119")), ("LA", ("190", "191", "195")), ("TD", ("17", "18")),
     ("US", ("112", "911"))],
)  # fmt: skip
def test_the_numbers_are_the_countrys(iso2, expected):
    assert emergency_numbers(iso2) == expected
    assert help_for_country(iso2).emergency == expected


def test_a_country_without_a_known_helpline_names_its_emergency_numbers(client):
    page = client.get("/es/help/BO/").content.decode()
    assert 'href="tel:110"' in page and 'href="tel:119"' in page
    assert "local emergency number" not in page
    arabic = client.get("/ar/help/LA/").content.decode()
    assert '<bdi class="hl-value">190</bdi>' in arabic
