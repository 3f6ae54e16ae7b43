import datetime
import io

import pytest

from cophub.core import mandate, reporting
from cophub.core.models import MandateParagraph
from cophub.statistics import demo, selectors
from cophub.statistics.models import Observation, Submission

pytestmark = pytest.mark.django_db


def test_demo_data_is_loaded_once_marked_and_shows_gaps():
    out = io.StringIO()
    demo.load_demo(stdout=out)
    count = Observation.objects.count()
    assert "30 countries" in out.getvalue()
    demo.load_demo(stdout=io.StringIO())
    assert Observation.objects.count() == count  # idempotent
    assert Submission.objects.get().demo is True
    assert set(Observation.objects.values_list("source", flat=True)) == {demo.DEMO_SOURCE}
    assert Observation.objects.values("country").distinct().count() == 30
    assert Observation.objects.filter(confidential=True).exists()  # small disability cells withheld
    assert selectors.has_demo_data()
    # Countries 0, 3, 6... break down by sex and age in the first year only.
    first_year = Observation.objects.order_by("period").first().period
    assert selectors.gaps_for_country(demo.DEMO_COUNTRIES[0]) == [
        f"No data by sex since {first_year}",
        f"No data by age since {first_year}",
    ]
    assert selectors.gaps_for_country(demo.DEMO_COUNTRIES[1]) == []
    # Demo submissions are not reported to Council as work done.
    section = next(s for s in reporting.sections() if s.key == "statistics")
    today = datetime.date.today()
    assert section.blocks(today - datetime.timedelta(days=1), today) == [
        reporting.ReportParagraph("No submission of statistics was accepted in this period.")
    ]


def test_indicators_serve_the_mandate_on_data_and_statistics():
    provider = next(
        p
        for p in mandate.work_serving(MandateParagraph.objects.get(code="R179/MS/14"))
        if p[0].key == "statistics"
    )
    assert sorted(work.url for work in provider[1]) == [
        "/en/statistics/STUDENT_HOME_ACCESS/", "/en/statistics/STUDENT_SCHOOL_ACCESS/",
    ]  # fmt: skip
