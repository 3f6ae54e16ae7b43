"""Fuzzing the statistics importer (CSV, SDMX-CSV, SDMX-ML) with hypothesis.

Whatever the bytes, a submission is either stored whole or refused with a message for the
person who sent it; a refusal leaves the database as it was, and a stored file leaves every
earlier observation in place (revised ones keep their old value as a revision).
"""

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.core.tests.fuzzing import fuzz_settings, rolled_back, table
from cophub.statistics import services
from cophub.statistics.models import Indicator, Observation, ObservationRevision, Submission

from .factories import ObservationFactory

pytestmark = pytest.mark.django_db

CSV_COLUMNS = ["indicator", "country", "year", "sex", "age", "value", "unit", "status", "note"]
SDMX_COLUMNS = ["DATAFLOW", "INDICATOR", "REF_AREA", "SEX", "AGE", "TIME_PERIOD", "OBS_VALUE"]
VALUES = {
    "indicator": ["CYBERBULLYING", "cyberbullying", "NO_SUCH"],
    "country": ["KE", "ke", "FR", "XX", ""],
    "year": ["2023", "2022", "1800", "20x3", "-1"],
    "sex": ["_T", "F", "M", "Q"],
    "age": ["_T", "Y12T14", "Y9T11", "Y99"],
    "value": ["30.5", "0", "100", "101", "-3", "NaN", "inf", "1e308", "3,5", ""],
    "unit": ["PT", "NUMBER", ""],
    "status": ["A", "E", "Z", ""],
    "note": ["", "a note"],
    "DATAFLOW": ["ITU:DF_COP(1.0)", "DF_COP", "OTHER:DF_X(1.0)"],
}
for concept, field in zip(
    SDMX_COLUMNS[1:], ["indicator", "country", "sex", "age", "year", "value"], strict=True
):
    VALUES[concept] = VALUES[field]


def _cell(column: str):
    return st.one_of(st.sampled_from(VALUES.get(column, [""])), st.text(max_size=12))


@st.composite
def tables(draw, columns):
    header = draw(st.lists(st.sampled_from(columns), min_size=1, max_size=len(columns) + 1))
    shapes = st.lists(st.sampled_from(header), min_size=len(header) - 1, max_size=len(header) + 1)
    rows = [[draw(_cell(name)) for name in names] for names in draw(st.lists(shapes, max_size=6))]
    separator = draw(st.sampled_from([",", ",", ";", "\t"]))
    lines = [separator.join(header)] + [
        separator.join(_quoted(cell) for cell in row) for row in rows
    ]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return newline.join(lines).encode(encoding, errors="replace")


@st.composite
def nearly_valid_tables(draw):
    """Good rows for Kenya, one cell of which may be changed: most are stored."""
    rows = [
        f"CYBERBULLYING,KE,{year},{sex},_T,{draw(st.integers(0, 100))}"
        for year, sex in draw(
            st.lists(st.tuples(st.sampled_from(["2021", "2022", "2023"]), st.sampled_from("FM")),
                     min_size=1, max_size=4, unique=True)
        )
    ]  # fmt: skip
    if draw(st.booleans()):
        row = draw(st.integers(0, len(rows) - 1))
        cells = rows[row].split(",")
        cells[draw(st.integers(0, 5))] = _quoted(draw(_cell(draw(st.sampled_from(CSV_COLUMNS)))))
        rows[row] = ",".join(cells)
    return "\n".join(["indicator,country,year,sex,age,value", *rows]).encode()


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n\r') else cell


OBS = '<gen:Obs><gen:ObsDimension value="{year}"/><gen:ObsValue value="{value}"/></gen:Obs>'
SDMX_ML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<mes:GenericData xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"'
    ' xmlns:gen="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic">'
    "<mes:DataSet><gen:Series><gen:SeriesKey>"
    '<gen:Value id="INDICATOR" value="{indicator}"/><gen:Value id="REF_AREA" value="{country}"/>'
    '<gen:Value id="SEX" value="{sex}"/><gen:Value id="AGE" value="{age}"/></gen:SeriesKey>'
    "{observations}</gen:Series></mes:DataSet></mes:GenericData>"
)


def _attribute(column):
    return _cell(column).map(
        lambda text: text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    )


@st.composite
def sdmx_messages(draw):
    observations = draw(
        st.lists(
            st.builds(OBS.format, year=_attribute("year"), value=_attribute("value")), max_size=4
        )
    )
    text = SDMX_ML.format(
        indicator=draw(_attribute("indicator")),
        country=draw(_attribute("country")),
        sex=draw(_attribute("sex")),
        age=draw(_attribute("age")),
        observations="".join(observations),
    )
    data = text.encode()
    # Cut or splice the message somewhere, as a damaged or hostile file would be.
    cut = draw(st.integers(0, len(data)))
    splice = draw(st.sampled_from([b"", b"<", b"&lol;", b"<!--", b"\x00", b"<![CDATA[", b"]]>"]))
    return data if not splice else data[:cut] + splice + data[cut:]


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    + b"]><GenericData><DataSet>&lol9;</DataSet></GenericData>"
)
# The document type after the first 4 KB, past the quick look at the file's head.
LATE_DOCTYPE = (
    b'<?xml version="1.0"?>' + b"<!--" + b"x" * 5000 + b"-->"
    b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><GenericData>&xxe;</GenericData>'
)
DEEP = b"<GenericData>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</GenericData>"
QUADRATIC = b'<GenericData x="' + b"y" * 5_000_000 + b'"><DataSet/></GenericData>'


@pytest.fixture
def secretariat():
    return SecretariatFactory()


@pytest.fixture
def earlier():
    """Observations stored before, which no refused file may touch; the second is one that the
    generated files may revise."""
    ObservationFactory()
    ObservationFactory(indicator=Indicator.objects.get(code="CYBERBULLYING"), period=2023)


def _submit_and_check(data: bytes, secretariat, file_name: str) -> None:
    with rolled_back():
        observations, submissions = table(Observation), table(Submission)
        revisions = table(ObservationRevision)
        try:
            report = services.submit_observations(
                data=data, file_name=file_name, submitted_by=secretariat
            )
        except services.SubmissionRejected as rejected:
            event("refused")
            assert rejected.report.errors
            assert all(str(error.message).strip() for error in rejected.report.errors)
            assert table(Observation) == observations
            assert table(Submission) == submissions
            assert table(ObservationRevision) == revisions
        except services.DomainError as error:
            assert str(error.message).strip()
            assert table(Observation) == observations
        else:
            event("stored")
            stored = Observation.objects.filter(submission=report.submission).count()
            assert stored == report.created + report.revised > 0
            still_there = set(Observation.objects.values_list("pk", flat=True))
            assert {row["id"] for row in observations} <= still_there
            assert ObservationRevision.objects.count() == len(revisions) + report.revised


@fuzz_settings(80)
@given(
    data=st.one_of(
        nearly_valid_tables(), tables(CSV_COLUMNS), tables(SDMX_COLUMNS), st.binary(max_size=600)
    )
)
@example(data=b"indicator,country,year,value\nCYBERBULLYING,KE,2023,30.5\n")
@example(data=b"\xef\xbb\xbf")
@example(data=b"indicator,country,year,value\n" + b"CYBERBULLYING,KE,2023,1\n" * 3)
@example(data=b'indicator,country,year,value\n"CYBERBULLYING,KE,2023,1\n')
@example(data=b"indicator,country,year,value\nCYBERBULLYING,KE,99999999999999999999,1\n")
@example(data=b"indicator,country,year,value\nCYBERBULLYING,KE,2023,1e400\n")
def test_any_csv_is_stored_whole_or_refused_with_a_message(data, secretariat, earlier):
    _submit_and_check(data, secretariat, "observations.csv")


@fuzz_settings(60)
@given(data=st.one_of(sdmx_messages(), st.binary(max_size=300).map(lambda b: b"<" + b)))
@example(data=BILLION_LAUGHS)
@example(data=LATE_DOCTYPE)
@example(data=DEEP)
@example(data=QUADRATIC)
@example(data=b'<?xml version="1.0" encoding="UTF-16"?><GenericData/>')
@example(data=b'<?xml version="1.0" encoding="EBCDIC-X"?><GenericData/>')
@example(data=b'<?xml-stylesheet href="http://example.invalid/x.xsl"?><GenericData/>')
@example(data=b'<x:GenericData xmlns:x="&#0;"><DataSet/></x:GenericData>')
def test_any_sdmx_ml_is_stored_whole_or_refused_with_a_message(data, secretariat, earlier):
    _submit_and_check(data, secretariat, "observations.xml")


@fuzz_settings(30)
@given(
    data=st.one_of(tables(CSV_COLUMNS), sdmx_messages(), st.binary(max_size=300)),
    content_type=st.sampled_from(
        ["text/csv", "application/xml", "text/xml", "application/octet-stream", "text/plain"]
    ),
    file_format=st.sampled_from(["", "csv", "sdmx-csv", "sdmx-ml", "xlsx", "%00"]),
)
def test_the_api_answers_any_file_with_a_documented_status(
    client, data, content_type, file_format, secretariat, earlier
):
    client.force_login(secretariat)
    with rolled_back():
        before = table(Observation)
        query = f"?format={file_format}" if file_format else ""
        response = client.post(
            f"/api/v1/statistics/submissions{query}", data=data, content_type=content_type
        )
        assert response.status_code in (201, 400, 413, 422), response.content[:500]
        if response.status_code != 201:
            assert response["Content-Type"] == "application/problem+json"
            assert response.json()["detail"]
            assert table(Observation) == before


def test_two_observations_with_one_key_on_one_line_are_refused(secretariat, earlier):
    """Found by the long run of the fuzzing above: two Obs elements on the same line share a row
    number, and with the same key they were once both stored (the second over the first)
    instead of refused."""
    observations = OBS.format(year=2023, value=1) + OBS.format(year=2023, value=2)
    data = SDMX_ML.format(
        indicator="CYBERBULLYING", country="KE", sex="_T", age="_T", observations=observations
    ).encode()
    before = table(Observation)
    with pytest.raises(services.SubmissionRejected) as rejected:
        services.submit_observations(data=data, file_name="one-line.xml", submitted_by=secretariat)
    assert [e.message for e in rejected.value.report.errors] == [
        "This observation repeats element Obs on line 1."
    ]
    assert table(Observation) == before
