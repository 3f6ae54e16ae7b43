import pytest

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.core.errors import DomainError
from cophub.statistics import selectors, services
from cophub.statistics.models import Observation, ObservationRevision, Submission

from .factories import IndicatorFactory, ObservationFactory, csv_bytes

pytestmark = pytest.mark.django_db

SDMX_CSV_HEADER = "DATAFLOW,INDICATOR,REF_AREA,SEX,AGE,URBANISATION,DISABILITY,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,COMMENT"

SDMX_ML = """<?xml version="1.0" encoding="UTF-8"?>
<mes:GenericData xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
  xmlns:gen="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic">
 <mes:Header><mes:ID>T1</mes:ID><mes:Test>true</mes:Test><mes:Prepared>2026-01-01T00:00:00</mes:Prepared><mes:Sender id="KNBS"/></mes:Header>
 <mes:DataSet>
  <gen:Series>
   <gen:SeriesKey><gen:Value id="INDICATOR" value="CYBERBULLYING"/><gen:Value id="REF_AREA" value="KE"/>
    <gen:Value id="SEX" value="F"/><gen:Value id="AGE" value="Y12T14"/><gen:Value id="URBANISATION" value="_T"/><gen:Value id="DISABILITY" value="_T"/></gen:SeriesKey>
   <gen:Obs><gen:ObsDimension value="2022"/><gen:ObsValue value="%s"/><gen:Attributes><gen:Value id="OBS_STATUS" value="E"/></gen:Attributes></gen:Obs>
   <gen:Obs><gen:ObsDimension value="2023"/><gen:ObsValue value="31.5"/></gen:Obs>
  </gen:Series>
 </mes:DataSet>
</mes:GenericData>"""


def _reject(data, **kwargs):
    with pytest.raises(services.SubmissionRejected) as caught:
        services.submit_observations(data=data, file_name="test.csv", **kwargs)
    assert Observation.objects.count() == 0
    assert Submission.objects.count() == 0
    return caught.value.report


def test_plain_csv_is_stored_with_its_breakdowns():
    report = services.submit_observations(
        data=csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30.5", "CYBERBULLYING,ke,2023,F,Y9T11,28"),
        file_name="kenya.csv",
        submitted_by=SecretariatFactory(),
    )
    assert (report.created, report.revised) == (2, 0)
    girls = Observation.objects.get(sex="F")
    assert (girls.country_id, girls.age, girls.value, girls.status) == ("KE", "Y9T11", 28.0, "A")
    assert report.submission.observation_count == 2


def test_sdmx_csv_and_sdmx_ml_are_read():
    sdmx_csv = csv_bytes(
        "ITU:DF_COP(1.0),CHILD_DAILY_USE,TZ,M,Y15T17,_T,_T,2024,77.5,PT,P,survey wave 2",
        header=SDMX_CSV_HEADER,
    )
    services.submit_observations(data=sdmx_csv, file_name="tz.csv")
    tz = Observation.objects.get(country_id="TZ")
    assert (tz.sex, tz.age, tz.period, tz.value, tz.status, tz.note) == (
        "M",
        "Y15T17",
        2024,
        77.5,
        "P",
        "survey wave 2",
    )
    report = services.submit_observations(data=(SDMX_ML % "29.25").encode(), file_name="ke.xml")
    assert report.file_format == Submission.Format.SDMX_ML
    assert sorted(Observation.objects.filter(country_id="KE").values_list("period", "value", "status")) == [
        (2022, 29.25, "E"), (2023, 31.5, "A"),
    ]  # fmt: skip


def test_a_new_value_keeps_the_old_one_as_a_revision():
    services.submit_observations(
        data=csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30"), file_name="a.csv"
    )
    report = services.submit_observations(
        data=csv_bytes("CYBERBULLYING,KE,2023,_T,_T,32", "CYBERBULLYING,KE,2022,_T,_T,29"),
        file_name="b.csv",
    )
    assert (report.created, report.revised) == (1, 1)
    observation = Observation.objects.get(period=2023)
    assert observation.value == 32
    assert list(ObservationRevision.objects.values_list("observation", "value")) == [
        (observation.pk, 30.0)
    ]
    again = services.submit_observations(
        data=csv_bytes("CYBERBULLYING,KE,2023,_T,_T,32"), file_name="c.csv"
    )
    assert (again.unchanged, again.revised) == (1, 0)


def test_small_cells_are_stored_confidential_and_never_published():
    services.submit_observations(
        data=csv_bytes(
            "CYBERBULLYING,KE,2023,F,Y9T11,40,6",
            "CYBERBULLYING,KE,2023,M,Y9T11,35,120",
            header="indicator,country,year,sex,age,value,base",
        ),
        file_name="cells.csv",
    )
    assert Observation.objects.get(sex="F").confidential is True
    published = selectors.published()
    assert list(published.values_list("sex", flat=True)) == ["M"]
    indicator = Observation.objects.first().indicator
    assert [o.sex for o in selectors.sex_age_breakdown(indicator, "KE", 2023)] == ["M"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("NO_SUCH_CODE,KE,2023,_T,_T,30", "Unknown indicator code “NO_SUCH_CODE”"),
        ("CYBERBULLYING,XX,2023,_T,_T,30", "Unknown country code “XX”"),
        (
            "CYBERBULLYING,KE,2023,_T,_T,130",
            "The value 130 is out of range for CYBERBULLYING (0 to 100)",
        ),
        ("CYBERBULLYING,KE,2023,_T,_T,many", "The value “many” is not a number"),
        ("CYBERBULLYING,KE,1066,_T,_T,30", "The year “1066” is not a year"),
        ("CYBERBULLYING,KE,2023,X,_T,30", "“X” is not a code for sex"),
        ("NATIONAL_COP_STRATEGY,KE,2023,F,_T,1", "has no breakdown by sex"),
        ("NATIONAL_COP_STRATEGY,KE,2023,_T,_T,0.5", "takes 1 (yes) or 0 (no)"),
    ],
)
def test_a_wrong_row_is_named_and_nothing_is_stored(row, message):
    report = _reject(csv_bytes("CYBERBULLYING,KE,2022,_T,_T,30", row))
    assert [e.row for e in report.errors] == ["row 3"]
    assert message in report.errors[0].message


def test_a_duplicate_observation_names_both_rows():
    report = _reject(
        csv_bytes(
            "CYBERBULLYING,KE,2023,F,_T,30",
            "CYBERBULLYING,KE,2023,_T,_T,31",
            "CYBERBULLYING,KE,2023,F,_T,32",
        )
    )
    assert [(e.row, e.message) for e in report.errors] == [
        ("row 4", "This observation repeats row 2.")
    ]


def test_a_wrong_unit_is_refused():
    report = _reject(
        csv_bytes(
            "CYBERBULLYING,KE,2023,_T,_T,30,NUMBER",
            header="indicator,country,year,sex,age,value,unit",
        )
    )
    assert "not the indicator's unit, PT" in report.errors[0].message


def test_semicolons_and_other_encodings_are_refused_with_the_place():
    report = _reject(b"indicator;country;year;value\nCYBERBULLYING;KE;2023;30\n")
    assert report.errors[0].row == "row 1" and "not separated by commas" in report.errors[0].message
    latin1 = "indicator,country,year,value,note\nCYBERBULLYING,KE,2023,30,ok\nCYBERBULLYING,KE,2022,30,Enquête\n".encode(
        "latin-1"
    )
    report = _reject(latin1)
    assert report.errors[0].row == "line 3" and "not UTF-8" in report.errors[0].message


def test_a_missing_column_and_a_short_row_are_named():
    report = _reject(b"indicator,country,value\nCYBERBULLYING,KE,30\n")
    assert "these are missing: year" in report.errors[0].message
    report = _reject(csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30", "CYBERBULLYING,KE,2023"))
    assert report.errors[0].row == "row 3" and "has 3 columns" in report.errors[0].message


def test_sdmx_csv_of_another_dataflow_is_refused():
    report = _reject(
        csv_bytes(
            "ESTAT:NAMA_10_GDP(1.0),CHILD_DAILY_USE,TZ,M,Y15T17,_T,_T,2024,77.5,PT,A,",
            header=SDMX_CSV_HEADER,
        )
    )
    assert "not COP Hub's DF_COP" in report.errors[0].message


def test_sdmx_ml_errors_name_the_element_line():
    report = _reject((SDMX_ML % "-4").encode())
    assert report.errors[0].row == "element Obs on line 9"
    report = _reject(
        b"<?xml version='1.0'?><mes:GenericData xmlns:mes='x'><mes:DataSet><Obs></mes:DataSet>"
    )
    assert "not well-formed XML (line 1)" in report.errors[0].message


@pytest.mark.parametrize(
    "hostile",
    [
        # Entity expansion ("billion laughs")
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<GenericData><DataSet>&lol2;</DataSet></GenericData>",
        # An external entity reading a local file
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><GenericData>&xxe;</GenericData>',
    ],
)
def test_hostile_xml_is_refused_before_anything_is_expanded(hostile):
    report = _reject(hostile)
    assert "declares a document type or entities" in report.errors[0].message
    assert "root:" not in str(report.errors)


def test_a_delegate_submits_for_their_own_country_only():
    delegate = DelegateFactory()  # Kenya
    report = _reject(
        csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30", "CYBERBULLYING,TZ,2023,_T,_T,30"),
        submitted_by=delegate,
    )
    assert [e.row for e in report.errors] == ["row 3"]
    assert "for KE only" in report.errors[0].message
    with pytest.raises(DomainError):
        services.submit_observations(
            data=csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30"),
            file_name="x.csv",
            submitted_by=UserFactory(),
        )
    assert Observation.objects.count() == 0


def test_an_empty_file_is_refused():
    report = _reject(b"indicator,country,year,value\n")
    assert report.errors[0].message == "The file has no observations."


def test_key_figures_and_gaps_for_a_country():
    indicator = IndicatorFactory(order=1)
    ObservationFactory(indicator=indicator, period=2019, sex="F", value=40)
    ObservationFactory(indicator=indicator, period=2019, value=41)
    ObservationFactory(indicator=indicator, period=2023, value=45, status="P")
    ObservationFactory(indicator=indicator, period=2024, value=99, confidential=True)
    figures = selectors.key_figures_for_country("ke")
    assert [(f.indicator.code, f.period, f.value, f.status) for f in figures] == [
        (indicator.code, 2023, 45.0, "P")
    ]
    assert selectors.gaps_for_country("KE") == ["No data by sex since 2019", "No data by age"]
    assert selectors.gaps_for_country("TZ") == []


def test_structure_specific_sdmx_ml_and_sdmx_csv_2_are_read():
    message = b"""<?xml version="1.0" encoding="UTF-8"?>
<message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
  xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific">
 <message:DataSet ss:structureRef="ITU_DSD_COP_1_0">
  <Series INDICATOR="HOTLINE_REPORTS" REF_AREA="GH" SEX="_T" AGE="_T" URBANISATION="_T" DISABILITY="_T" UNIT_MEASURE="NUMBER">
   <Obs TIME_PERIOD="2023" OBS_VALUE="1250" OBS_STATUS="A"/>
   <Obs TIME_PERIOD="2024-A" OBS_VALUE="1410" OBS_STATUS="P" COMMENT="first half doubled"/>
  </Series>
 </message:DataSet>
</message:StructureSpecificData>"""
    services.submit_observations(data=message, file_name="gh.xml")
    assert sorted(Observation.objects.values_list("period", "value", "status", "note")) == [
        (2023, 1250.0, "A", ""), (2024, 1410.0, "P", "first half doubled"),
    ]  # fmt: skip
    sdmx_csv_2 = csv_bytes(
        "dataflow,ITU:DF_COP(1.0),I,HOTLINE_REPORTS,SN,2024,300",
        header="STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE",
    )
    services.submit_observations(data=sdmx_csv_2, file_name="sn.csv")
    assert Observation.objects.get(country_id="SN").value == 300


def test_what_the_sdmx_service_serves_can_be_submitted_back_unchanged(client):
    services.submit_observations(
        data=csv_bytes("CYBERBULLYING,KE,2023,F,Y9T11,28.5", "CYBERBULLYING,TZ,2022,_T,_T,31"),
        file_name="a.csv",
    )
    served = client.get(
        "/sdmx/rest/data/DF_COP/all", HTTP_ACCEPT="application/vnd.sdmx.data+csv;version=1.0.0"
    ).content
    report = services.submit_observations(data=served, file_name="served.csv")
    assert (report.file_format, report.rows_read, report.unchanged, report.revised) == (
        "sdmx_csv",
        2,
        2,
        0,
    )


def _many_rows(count: int, value=lambda n: 30) -> list[str]:
    """`count` distinct cells of CHILD_DAILY_USE (countries × years × sex × age)."""
    from cophub.core.models import Country

    countries = list(Country.objects.order_by("iso2").values_list("iso2", flat=True))
    cells = [
        f"CHILD_DAILY_USE,{country},{year},{sex},{age}"
        for year in range(2000, 2026)
        for country in countries
        for sex in ("_T", "F", "M")
        for age in ("_T", "Y9T11", "Y12T14", "Y15T17")
    ]
    return [f"{cell},{value(n)}" for n, cell in enumerate(cells[:count])]


def test_a_repeat_far_from_its_first_row_is_found_and_nothing_is_stored():
    rows = _many_rows(12_000)  # more than two chunks of staged rows
    report = _reject(csv_bytes(*rows, rows[0]))
    assert [(e.row, e.message) for e in report.errors] == [
        ("row 12002", "This observation repeats row 2.")
    ]


def test_repeats_and_other_errors_are_reported_in_row_order():
    report = _reject(
        csv_bytes(
            "CYBERBULLYING,KE,2023,F,_T,30",
            "CYBERBULLYING,KE,2023,F,_T,31",
            "CYBERBULLYING,KE,2023,M,_T,300",
            "CYBERBULLYING,KE,2023,F,_T,32",
        )
    )
    assert [e.row for e in report.errors] == ["row 3", "row 4", "row 5"]
    assert report.error_count == 3


def test_many_repeats_are_counted_beyond_those_named():
    rows = _many_rows(300)
    report = _reject(csv_bytes(*rows, *rows))
    assert report.error_count == 300
    assert len(report.errors) == services.MAX_ERRORS_REPORTED
    assert report.errors[0].row == "row 302"


def test_a_large_resubmission_revises_what_changed_and_keeps_the_earlier_values():
    first = services.submit_observations(data=csv_bytes(*_many_rows(8000)), file_name="a.csv")
    assert (first.created, first.revised, first.unchanged) == (8000, 0, 0)
    changed = _many_rows(8000, value=lambda n: 40 if n % 2 else 30)
    second = services.submit_observations(data=csv_bytes(*changed), file_name="b.csv")
    assert (second.created, second.revised, second.unchanged) == (0, 4000, 4000)
    assert Observation.objects.count() == 8000
    assert Observation.objects.filter(value=40, submission=second.submission).count() == 4000
    assert ObservationRevision.objects.count() == 4000
    assert set(ObservationRevision.objects.values_list("value", "submission")) == {
        (30.0, first.submission.pk)
    }


def test_an_indicator_or_country_with_observations_cannot_be_deleted():
    from django.db.models import ProtectedError

    from cophub.core.models import Country

    report = services.submit_observations(
        data=csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30"), file_name="ke.csv"
    )
    with pytest.raises(ProtectedError):
        Observation.objects.get().indicator.delete()
    with pytest.raises(ProtectedError):
        Country.objects.get(iso2="KE").delete()
    report.submission.delete()
    assert Observation.objects.get().submission is None  # the figure stays, its source cleared
