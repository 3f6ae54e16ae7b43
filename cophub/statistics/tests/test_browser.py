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


# Every text of every chart on the page, its box on the screen; every bar and legend key; the
# chart's own box. Boxes are the font's full height (ascender to descender), as the reader sees.
CHART_BOXES = """() => Array.from(document.querySelectorAll('svg.chart')).map((svg) => {
  const box = (e) => { const r = e.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent}; };
  return {
    id: svg.id, svg: box(svg),
    texts: Array.from(svg.querySelectorAll('text')).map(box),
    shapes: Array.from(svg.querySelectorAll('rect')).map(box),
  };
})"""


def _overlap(a, b, slack=0.5):
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > slack
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > slack
    )


def _inside(inner, outer, slack=0.5):
    return (
        inner["left"] >= outer["left"] - slack
        and inner["right"] <= outer["right"] + slack
        and inner["top"] >= outer["top"] - slack
        and inner["bottom"] <= outer["bottom"] + slack
    )


def chart_faults(page) -> list[str]:
    """What is wrong with the charts on the page: texts on texts, texts on bars, clipped texts."""
    faults = []
    for chart in page.evaluate(CHART_BOXES):
        texts = chart["texts"]
        for index, text in enumerate(texts):
            if not _inside(text, chart["svg"]):
                faults.append(f"{chart['id']}: {text['text']!r} is cut by the chart's edge")
            faults += [
                f"{chart['id']}: {text['text']!r} overlaps {other['text']!r}"
                for other in texts[index + 1 :]
                if _overlap(text, other)
            ]
            faults += [
                f"{chart['id']}: {text['text']!r} lies on a bar or key"
                for shape in chart["shapes"]
                if _overlap(text, shape)
            ]
    return faults


@pytest.fixture
def many_countries():
    """Long names and short ones, in every script, on one indicator."""
    indicator = IndicatorFactory(code="TEST_WIDE", name_ar="مؤشر للاختبار")
    countries = ["CF", "BA", "GB", "AE", "SA", "KE", "CN", "TZ", "VN", "FR", "VC", "KN"]
    for rank, iso2 in enumerate(countries):
        for year in (2021, 2022, 2023):
            ObservationFactory(
                indicator=indicator,
                country=Country.objects.get(iso2=iso2),
                period=year,
                value=95 - rank * 7 + year - 2023,
            )
    for age in ("Y9T11", "Y12T14", "Y15T17"):
        for sex, value in [("F", 58), ("M", 62), ("_T", 60)]:
            ObservationFactory(
                indicator=indicator, country=Country.objects.get(iso2="CF"), period=2023,
                sex=sex, age=age, value=value,
            )  # fmt: skip
    return indicator


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_charts_draw_names_in_full_without_overlaps_in_the_pages_direction(
    page, live_server, many_countries, lang
):
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/{lang}/statistics/TEST_WIDE/?period=2023")
        assert page.locator("svg.chart").count() == 3
        assert chart_faults(page) == []
        # Names in full: the longest country name is drawn whole.
        names = page.locator("#chart-countries text.chart-label").all_text_contents()
        table = page.locator("#comparison-table tbody th").all_text_contents()
        assert "".join(names).replace(" ", "") == "".join(table).replace(" ", "")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The bars grow from the start of the line (the right in Arabic, the left in Chinese) and
    # the legend's keys stand before their names in the same direction.
    bar = page.locator("#chart-countries rect.chart-bar").first.bounding_box()
    chart = page.locator("#chart-countries").bounding_box()
    key = page.locator("#chart-series rect.chart-key").first.bounding_box()
    name = page.locator("#chart-series text.chart-label").first.bounding_box()
    middle = chart["x"] + chart["width"] / 2
    if lang == "ar":
        assert bar["x"] + bar["width"] > middle and bar["x"] < middle
        assert key["x"] > name["x"] + name["width"]
    else:
        assert bar["x"] < middle and bar["x"] + bar["width"] > middle
        assert key["x"] + key["width"] < name["x"]
