"""The SDMX 2.1 REST service read back by two independent clients, sdmx1 and pysdmx."""

import io

import pytest
import requests
import sdmx as sdmx1
from pysdmx.api.qb import (
    ApiVersion,
    DataFormat,
    DataQuery,
    RestService,
    StructureFormat,
    StructureQuery,
    StructureReference,
    StructureType,
)
from pysdmx.io import read_sdmx

from cophub.core.models import Country

from .factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data():
    indicator = IndicatorFactory(code="TEST_USE")
    for iso2, base in [("KE", 50), ("TZ", 40), ("UG", 30)]:
        country = Country.objects.get(iso2=iso2)
        for year in range(2019, 2024):
            ObservationFactory(
                indicator=indicator, country=country, period=year, value=base + year - 2019
            )
    ObservationFactory(
        indicator=indicator, period=2023, sex="F", age="Y9T11", value=12.5, status="E"
    )
    ObservationFactory(
        indicator=indicator, period=2023, sex="M", age="Y9T11", value=4, confidential=True
    )
    return indicator


@pytest.fixture
def client_sdmx1(live_server):
    sdmx1.add_source(
        {"id": "ITU", "url": f"{live_server.url}/sdmx/rest", "name": "COP Hub"}, override=True
    )
    return sdmx1.Client("ITU")


def test_sdmx1_lists_the_dataflow_and_reads_its_structure(client_sdmx1, data):
    flows = client_sdmx1.dataflow()
    assert list(flows.dataflow) == ["DF_COP"]
    message = client_sdmx1.dataflow("DF_COP", params={"references": "all"})
    dsd = message.structure["DSD_COP"]
    assert [d.id for d in dsd.dimensions] == [
        "INDICATOR",
        "REF_AREA",
        "SEX",
        "AGE",
        "URBANISATION",
        "DISABILITY",
        "TIME_PERIOD",
    ]
    assert "TEST_USE" in message.codelist["CL_INDICATOR"]
    assert str(message.codelist["CL_SEX"]["F"].name.localizations["ar"]) == "الفتيات"


def test_sdmx1_reads_a_slice_with_wildcards_and_periods(client_sdmx1, data):
    message = client_sdmx1.data(
        "DF_COP", key="TEST_USE.KE+TZ....", params={"startPeriod": "2021", "endPeriod": "2022"}
    )
    frame = sdmx1.to_pandas(message).reset_index()
    assert sorted(zip(frame["REF_AREA"], frame["TIME_PERIOD"], frame["value"], strict=True)) == [
        ("KE", "2021", 52.0), ("KE", "2022", 53.0), ("TZ", "2021", 42.0), ("TZ", "2022", 43.0),
    ]  # fmt: skip


def test_sdmx1_reads_last_observations_and_sdmx_json(client_sdmx1, data, live_server):
    message = client_sdmx1.data(
        "DF_COP", key={"INDICATOR": "TEST_USE", "REF_AREA": "UG"}, params={"lastNObservations": 2}
    )
    assert sorted(sdmx1.to_pandas(message).tolist()) == [33.0, 34.0]
    response = requests.get(
        f"{live_server.url}/sdmx/rest/data/DF_COP/TEST_USE.KE.F...",
        headers={"Accept": "application/vnd.sdmx.data+json;version=1.0.0"},
        timeout=10,
    )
    series = sdmx1.to_pandas(sdmx1.read_sdmx(io.BytesIO(response.content), format="JSON"))
    assert series.tolist() == [12.5]


def test_pysdmx_reads_structures_and_data_in_csv_and_xml(live_server, data):
    base = f"{live_server.url}/sdmx/rest"
    query = StructureQuery(
        StructureType.DATAFLOW, "ITU", "DF_COP", "1.0", references=StructureReference.ALL
    )
    structures = RestService(
        base, ApiVersion.V1_5_0, structure_format=StructureFormat.SDMX_ML_2_1
    ).structure(query)
    message = read_sdmx(structures.decode())  # validated against the SDMX-ML 2.1 schemas
    assert [flow.id for flow in message.get_dataflows()] == ["DF_COP"]
    data_query = DataQuery(
        resource_id="DF_COP",
        agency_id="ITU",
        version="1.0",
        key="TEST_USE.KE+UG._T._T._T._T",
        last_n_obs=1,
    )
    for data_format in (DataFormat.SDMX_CSV_1_0_0, DataFormat.SDMX_ML_2_1_GEN):
        body = RestService(base, ApiVersion.V1_5_0, data_format=data_format).data(data_query)
        frame = read_sdmx(body.decode()).data[0].data
        assert sorted(zip(frame["REF_AREA"], frame["OBS_VALUE"].astype(float), strict=True)) == [
            ("KE", 54.0),
            ("UG", 34.0),
        ]


def test_confidential_cells_are_never_served(client, data):
    body = client.get(
        "/sdmx/rest/data/DF_COP/TEST_USE.KE...._T",
        HTTP_ACCEPT="application/vnd.sdmx.data+csv;version=1.0.0",
    ).content.decode()
    assert "12.5" in body and ",4," not in body and "Y9T11,_T,_T,2023,4" not in body


def test_availability_lists_the_codes_with_data(client, data):
    body = client.get("/sdmx/rest/availableconstraint/DF_COP/TEST_USE.KE....").content.decode()
    assert "<com:Value>KE</com:Value>" in body and "<com:Value>UG</com:Value>" not in body
    assert "<com:StartPeriod" in body and ">2019<" in body


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/sdmx/rest/data/DF_OTHER/all", 404),
        ("/sdmx/rest/data/DF_COP/A.B", 400),
        ("/sdmx/rest/data/DF_COP/all?lastNObservations=-1", 400),
        ("/sdmx/rest/data/DF_COP/NOPE.....", 404),
        ("/sdmx/rest/dataflow/ESTAT", 404),
        ("/sdmx/rest/codelist/ITU/CL_NOPE", 404),
    ],
)
def test_bad_queries_answer_an_sdmx_error(client, data, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert b"ErrorMessage" in response.content
