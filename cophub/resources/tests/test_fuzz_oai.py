"""Fuzzing the OAI-PMH endpoint's arguments with hypothesis.

Whatever a harvester sends (any verb, prefix, identifier, set, dates or resumption token, in
any characters, by GET or POST), the answer is a well-formed OAI-PMH document: the verb's answer
or one of the protocol's error codes, never a server error.
"""

import pytest
from django.core import signing
from hypothesis import event, example, given
from hypothesis import strategies as st
from lxml import etree

from cophub.core.tests.fuzzing import fuzz_settings
from cophub.resources import oai

from .factories import make_resource

pytestmark = pytest.mark.django_db

OAI = "{http://www.openarchives.org/OAI/2.0/}"
ERROR_CODES = {
    "badArgument", "badResumptionToken", "badVerb", "cannotDisseminateFormat", "idDoesNotExist",
    "noRecordsMatch", "noMetadataFormats", "noSetHierarchy",
}  # fmt: skip
VALUES = {
    "verb": [*oai.VERBS, "", "listrecords", "Identify\x00"],
    "metadataPrefix": ["oai_dc", "marc21", "", "oai_dc "],
    "identifier": ["oai:testserver:online-safety", "oai:other:x", "", "oai:testserver:"],
    "set": ["kind", "kind:guideline", "audience:parents", "kind:", ":", "nothing:at:all"],
    "from": ["2020-01-01", "2020-01-01T00:00:00Z", "0001-01-01", "9999-12-31", "2020-13-01",
             "2020-02-30T25:00:00Z", "99999-01-01", "2020-01-01T00:00:00+01:00"],
    "until": ["2030-12-31", "2030-12-31T23:59:59Z", "0001-01-01", "9999-12-31T23:59:59Z"],
    "resumptionToken": ["", "x", "a:b:c"],
}  # fmt: skip
KEYS = [*VALUES, "verbose", ""]


def _value(key: str):
    return st.one_of(st.sampled_from(VALUES.get(key, ["1"])), st.text(max_size=40))


@st.composite
def arguments(draw):
    keys = draw(st.lists(st.sampled_from(KEYS), max_size=5, unique=True))
    chosen = {key: draw(_value(key)) for key in keys}
    if draw(st.booleans()):
        # A known verb with its required arguments: most of these get an answer.
        chosen["verb"] = verb = draw(st.sampled_from(list(oai.VERBS)))
        for key in oai.VERBS[verb][0]:
            chosen.setdefault(key, VALUES[key][0])
    return chosen


def _tokens():
    """Signed tokens, as the endpoint issues them, holding states it never issues."""
    states = st.fixed_dictionaries(
        {},
        optional={
            "arguments": st.one_of(
                st.fixed_dictionaries({"metadataPrefix": _value("metadataPrefix")}),
                st.dictionaries(st.sampled_from(KEYS), st.text(max_size=10), max_size=3),
                st.integers(),
                st.none(),
            ),
            "after": st.one_of(st.integers(), st.text(max_size=5), st.none()),
            "cursor": st.one_of(st.integers(), st.text(max_size=5)),
            "phase": st.sampled_from(["records", "deleted", "other"]),
        },
    )
    return states.map(lambda state: signing.dumps(state, salt=oai.TOKEN_SALT))


@pytest.fixture
def repository():
    make_resource()


def _check_answer(response) -> str:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = etree.fromstring(response.content)
    assert root.tag == f"{OAI}OAI-PMH"
    errors = root.findall(f"{OAI}error")
    if errors:
        assert {error.get("code") for error in errors} <= ERROR_CODES
        assert all(error.text for error in errors)
        return "error"
    assert len(root) == 3
    return "answer"


@fuzz_settings(150)
@given(params=arguments(), method=st.sampled_from(["get", "post"]))
@example(params={"verb": "ListRecords", "metadataPrefix": "oai_dc"}, method="get")
@example(params={"verb": "ListRecords", "metadataPrefix": "\x01"}, method="get")
@example(params={"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "0001-01-01",
                 "until": "0001-01-01"}, method="get")  # fmt: skip
@example(params={"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "9999-12-31T23:59:59Z",
                 "until": "9999-12-31T23:59:59Z"}, method="get")  # fmt: skip
@example(params={"verb": "ListSets", "set": "x" * 10_000}, method="get")
def test_any_arguments_get_a_well_formed_answer(client, params, method, repository):
    event(_check_answer(getattr(client, method)("/oai", params)))


@fuzz_settings(60)
@given(token=st.one_of(_tokens(), st.text(max_size=80)), verb=st.sampled_from(list(oai.VERBS)))
def test_any_resumption_token_gets_a_well_formed_answer(client, token, verb, repository):
    event(_check_answer(client.get("/oai", {"verb": verb, "resumptionToken": token})))


def test_repeated_and_raw_query_strings(client, repository):
    for query in ["verb=Identify&verb=Identify", "verb=%FF%FE", "verb=Identify&%00=1", "&&&=",
                  "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
                  "verb=GetRecord&metadataPrefix=oai_dc&identifier=%ED%A0%80"]:  # fmt: skip
        _check_answer(client.get(f"/oai?{query}"))


def test_control_characters_are_a_bad_argument(client, repository):
    """Found by the fuzzing above: lxml refused to echo them in <request>, a server error."""
    response = client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "\x01"})
    error = etree.fromstring(response.content).find(f"{OAI}error")
    assert error.get("code") == "badArgument"
    assert etree.fromstring(response.content).find(f"{OAI}request").attrib == {}
    response = client.get("/oai", {"verb": "Identify", "\x00": "1"})
    assert etree.fromstring(response.content).find(f"{OAI}error").get("code") == "badArgument"


@pytest.mark.parametrize("arguments", [None, {"metadataPrefix": "\x1f"}])
def test_a_signed_token_with_arguments_never_issued_is_a_bad_token(client, repository, arguments):
    """Found by the fuzzing above (the second by its long run): server errors."""
    state = {"arguments": arguments, "after": 0, "cursor": 0}
    token = signing.dumps(state, salt=oai.TOKEN_SALT)
    response = client.get("/oai", {"verb": "ListRecords", "resumptionToken": token})
    error = etree.fromstring(response.content).find(f"{OAI}error")
    assert error.get("code") == "badResumptionToken"
