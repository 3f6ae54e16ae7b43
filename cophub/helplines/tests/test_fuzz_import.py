"""Fuzzing the helpline directory's import (CSV and JSON) with hypothesis.

Whatever the file, the import stores all of it or nothing and says why; the services stored
before and not named in the file are still there, channels and hours included.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import event, example, given
from hypothesis import strategies as st

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import SecretariatFactory
from cophub.core.tests.fuzzing import fuzz_settings, rolled_back, table
from cophub.helplines import exchange, services
from cophub.helplines.exchange import COLUMNS, ImportRejected
from cophub.helplines.models import ContactChannel, Helpline, OpeningHours

from .factories import ChannelFactory, HelplineFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "key": "childline-ke",
    "kind": "child_helpline",
    "country": "KE",
    "name": "Childline Kenya",
    "operator_name": "Childline Kenya",
    "source_name": "Child Helpline International",
    "source_url": "https://childhelplineinternational.org/",
    "last_verified": "2026-01-10",
    "channel": "phone",
    "value": "116",
    "timezone": "Africa/Nairobi",
    "hours": "24/7",
    "free": "yes",
}
ODD_VALUES = {
    "key": ["", "childline-ke", "a" * 300, "../x", "KEY WITH SPACES"],
    "kind": ["child_helpline", "reporting_hotline", "knitting"],
    "country": ["KE", "GB", "XX", "ke", ""],
    "region": ["", "AFR", "MARS"],
    "operator": ["", "iwf", "nobody"],
    "website": ["", "https://example.org/", "javascript:alert(1)", "http://"],
    "languages": ["", "en sw", "xx"],
    "ages": ["", "0-17", "17-0", "-5", "9999999999999999999999-1"],
    "topics": ["", "cyberbullying", "nonsense"],
    "source_url": ["https://x.org/", "ftp://x", ""],
    "last_verified": ["2026-01-10", "2026-02-30", "10/01/2026", "", "99999-01-01"],
    "demo": ["", "yes", "no", "maybe"],
    "channel": ["phone", "sms", "web", "email", "chat", "pigeon"],
    "value": ["116", "+254 722 178 177", "+254 12", "https://report.example/", "a@b.c", ""],
    "free": ["yes", "no", "", "perhaps"],
    "timezone": ["Africa/Nairobi", "Mars/Olympus", "", "../../etc/passwd", "UTC"],
    "hours": ["24/7", "mo-fr 08:00-17:00", "mo 18:00-09:00", "xx 25:00-26:00", "mo-su 00:00-24:00"],
    "channel_languages": ["", "en", "zz"],
    "accessibility": ["", "deaf", "nonsense"],
}


def _value(column: str):
    return st.one_of(st.sampled_from(ODD_VALUES.get(column, [GOOD.get(column, "")])), st.text())


@st.composite
def rows(draw):
    """Rows that start good; some of their cells are changed."""
    count = draw(st.integers(1, 3))
    result = []
    for number in range(count):
        row = dict.fromkeys(COLUMNS, "") | GOOD | {"key": f"service-{number % 2}"}
        for column in draw(st.lists(st.sampled_from(COLUMNS), max_size=3, unique=True)):
            row[column] = draw(_value(column))
        if draw(st.booleans()):
            row.pop(draw(st.sampled_from(COLUMNS)))
        result.append(row)
    return result


@st.composite
def files(draw):
    file_format = draw(st.sampled_from(["csv", "json"]))
    chosen = draw(rows())
    if file_format == "csv":
        columns = list(dict.fromkeys(name for row in chosen for name in row))
        text = exchange.rows_to_csv([dict.fromkeys(COLUMNS, "") | row for row in chosen])
        if len(columns) < len(COLUMNS):
            text = "\n".join(text.split("\n")[1:])  # a file without its header line
        content = text.encode()
    else:
        value = draw(st.sampled_from(["rows", "object", "nested", "scalars"]))
        document = {
            "rows": chosen,
            "object": {"rows": chosen},
            "nested": [{**row, "value": [row.get("value")]} for row in chosen],
            "scalars": [{**row, "free": True, "ages": 12, "demo": None} for row in chosen],
        }[value]
        content = json.dumps(document).encode()
    if draw(st.booleans()):
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.binary(max_size=8)) + content[at:]
    return file_format, content


@pytest.fixture
def earlier():
    """A service stored before; the generated files never name its key."""
    ChannelFactory(helpline=HelplineFactory(key="stored-before"))


def _import_and_check(file_format: str, content: bytes) -> None:
    with rolled_back():
        before = [table(Helpline), table(ContactChannel), table(OpeningHours)]
        try:
            result = services.import_directory(content=content, file_format=file_format, by=SYSTEM)
        except ImportRejected as rejected:
            event("refused")
            assert str(rejected.message).strip()
            assert rejected.errors and all(str(e.message).strip() for e in rejected.errors)
            assert [table(Helpline), table(ContactChannel), table(OpeningHours)] == before
        else:
            event("stored")
            assert result.created + result.updated >= 1
            kept = Helpline.objects.get(key="stored-before")
            assert kept.channels.count() == 1
            assert before[0][0] in table(Helpline)


@fuzz_settings(80)
@given(file=files())
@example(file=("csv", exchange.rows_to_csv([dict.fromkeys(COLUMNS, "") | GOOD]).encode()))
@example(file=("json", b"[" * 100_000 + b"]" * 100_000))
@example(file=("json", b'{"a": ' * 50_000 + b"1" + b"}" * 50_000))
@example(file=("json", b"[1, 2]"))
@example(file=("json", b'[{"key": 1e999}]'))
@example(file=("json", b"NaN"))
@example(file=("csv", b"\x00" * 64))
@example(file=("csv", b",".join([b"key"] * 70_000)))
@example(file=("xlsx", b"PK\x03\x04"))
def test_any_file_is_imported_whole_or_refused_with_a_message(file, earlier):
    _import_and_check(*file)


@fuzz_settings(40)
@given(content=st.binary(max_size=400), file_format=st.sampled_from(["csv", "json"]))
def test_any_bytes_are_imported_whole_or_refused_with_a_message(content, file_format, earlier):
    _import_and_check(file_format, content)


@fuzz_settings(20)
@given(file=files(), name=st.sampled_from(["h.csv", "h.json", "h.CSV", "h.txt", "h", ".json"]))
def test_the_import_page_answers_any_file_with_a_page(client, file, name, earlier):
    client.force_login(SecretariatFactory())
    _format, content = file
    with rolled_back():
        before = table(Helpline)
        response = client.post(
            "/en/help/manage/import/", {"file": SimpleUploadedFile(name, content)}
        )
        # A page either way: the import's result, or the form with what was refused (422).
        assert response.status_code == (200 if response.context["result"] is not None else 422)
        if response.context["result"] is None:
            assert response.context["form"].errors
            assert table(Helpline) == before


def test_json_nested_deeper_than_the_parser_goes_is_refused(earlier):
    """Found by the fuzzing above: a RecursionError, a server error on the import page."""
    with pytest.raises(ImportRejected) as rejected:
        services.import_directory(
            content=b"[" * 100_000 + b"]" * 100_000, file_format="json", by=SYSTEM
        )
    assert [e.message for e in rejected.value.errors] == [
        "The JSON file must be a list of objects."
    ]
    assert Helpline.objects.count() == 1
