"""The statistics pages as a person meets them, in Debian's Chromium."""

import pytest

from cophub.accounts.tests.factories import DelegateFactory
from cophub.core.models import Country
from cophub.statistics.models import Observation
from cophub.testing import check_accessibility

from .factories import IndicatorFactory, ObservationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures():
    indicator = IndicatorFactory(
        code="TEST_USE",
        name_zh="每天上网的儿童（测试）",
        name_ar="أطفال يستخدمون الإنترنت (اختبار)",
    )
    for iso2, base in [("KE", 60), ("TZ", 45), ("UG", 50), ("CN", 70)]:
        country = Country.objects.get(iso2=iso2)
        for year in (2022, 2023):
            ObservationFactory(
                indicator=indicator, country=country, period=year, value=base + year - 2022
            )
    for age, shift in [("Y9T11", -10), ("Y12T14", 0)]:
        for sex, value in [("F", 58), ("M", 62)]:
            ObservationFactory(
                indicator=indicator, period=2023, sex=sex, age=age, value=value + shift
            )
    return indicator


def test_compare_two_countries_in_chinese_and_download_the_csv(page, live_server, figures):
    page.goto(f"{live_server.url}/zh/statistics/")
    page.click("text=每天上网的儿童（测试）")
    page.select_option("#id_period", "2023")
    # The countries are check boxes; the filter field narrows the list as one types.
    page.fill(".multi-pick-filter", "肯尼")
    assert page.locator("#id_country li:not([hidden])").count() == 1
    page.check("#id_country input[value=KE]")
    page.fill(".multi-pick-filter", "中国")
    page.check("#id_country input[value=CN]")
    assert page.locator("#id_country input:checked").count() == 2
    page.click("main form button[type=submit]")
    table = page.locator("#comparison-table tbody tr")
    assert table.count() == 2
    assert "中国" in table.nth(0).inner_text() and "71.0" in table.nth(0).inner_text()
    assert "肯尼亚" in table.nth(1).inner_text()
    assert (
        page.locator("#chart-countries title").text_content().startswith("每天上网的儿童（测试）")
    )
    check_accessibility(page)
    with page.expect_download() as caught:
        page.click("main a[href*='data.csv']")
    lines = open(caught.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0].startswith("indicator,country,country_name,year")
    cells = [line.split(",") for line in lines[1:]]
    assert sorted({cell[1] for cell in cells}) == ["CN", "KE"]  # the two countries compared
    assert {cell[3] for cell in cells} == {"2023"}  # in the year chosen


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_statistics_pages_have_no_accessibility_violations(page, live_server, figures, lang):
    page.goto(f"{live_server.url}/{lang}/statistics/")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    check_accessibility(page)
    page.goto(f"{live_server.url}/{lang}/statistics/TEST_USE/?country=KE")
    assert page.locator("svg[role=img]").count() == 3
    assert page.locator("#breakdown-table tbody tr").count() == 2
    check_accessibility(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_bad_file_is_rejected_with_its_row_named(page, live_server, lang, tmp_path):
    DelegateFactory(email="focal.point@example.org")
    page.goto(f"{live_server.url}/{lang}/accounts/login/?next=/{lang}/statistics/submit/")
    page.fill("#id_username", "focal.point@example.org")
    page.fill("#id_password", "a long and safe passphrase")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/{lang}/statistics/submit/")
    bad = tmp_path / "kenya.csv"
    bad.write_text(
        "indicator,country,year,value\nCYBERBULLYING,KE,2023,30\nCYBERBULLYING,KE,2022,250\n"
    )
    page.set_input_files("#id_file", str(bad))
    page.click("main form button[type=submit]")
    rows = page.locator("#report-table tbody tr")
    rows.first.wait_for()  # the answer page, not the form still on screen
    assert rows.count() == 1
    assert ("row 3" if lang == "en" else "الصف 3") in rows.nth(0).inner_text()
    assert "250" in rows.nth(0).inner_text()
    assert Observation.objects.count() == 0
    check_accessibility(page)
