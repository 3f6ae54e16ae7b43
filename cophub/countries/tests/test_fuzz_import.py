"""Fuzzing the import of country measures (the import_country_measures command) with hypothesis.

Whatever the table, every row is stored or none is, with the wrong row named; the measures,
evidence and changes stored before are untouched by a refused table.
"""

import csv

import pytest
from django.core.management import CommandError, call_command
from hypothesis import event, example, given
from hypothesis import strategies as st

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.core.errors import DomainError
from cophub.core.tests.fuzzing import fuzz_settings, rolled_back, table
from cophub.countries import services
from cophub.countries.models import Change, Evidence, Measure

from .factories import MeasureFactory, item

pytestmark = pytest.mark.django_db

VALUES = {
    "country": ["KE", "fr", "XX", "", " NG "],
    "item": ["tec-hotline", "tec-helpline", "edu-schools", "tec-teleportation", ""],
    "status": ["in_force", "draft", "none", "maybe", ""],
    "description": ["", "A law.", "x" * 5000],
    "evidence_title": ["", "Act No. 5"],
    "evidence_year": ["", "2020", "20x0", "-1", "99999999999999999999", "1899"],
    "evidence_url": ["", "https://example.org/act", "javascript:alert(1)", "not a url"],
    "evidence_excerpt": ["", "Section 3"],
}


def _cell(column):
    return st.one_of(st.sampled_from(VALUES.get(column, [""])), st.text(max_size=20))


rows = st.lists(
    st.dictionaries(
        st.one_of(st.sampled_from(services.IMPORT_COLUMNS), st.text(max_size=5)),
        st.one_of(st.text(max_size=20), st.none()),
        max_size=4,
    )
    | st.fixed_dictionaries({column: _cell(column) for column in services.IMPORT_COLUMNS}),
    max_size=4,
)


@pytest.fixture
def earlier():
    MeasureFactory(item=item("tec-hotline"), status="in_force")
    return SecretariatFactory()


@fuzz_settings(80)
@given(rows=rows)
@example(rows=[{"country": "KE", "item": "tec-helpline", "status": "draft"}])
@example(
    rows=[{"country": "KE", "item": "tec-helpline", "status": "draft", "evidence_year": "1e9"}]
)
def test_any_table_is_imported_whole_or_refused_with_the_row(rows, earlier):
    by = earlier
    with rolled_back():
        before = [table(Measure), table(Evidence), table(Change)]
        try:
            count = services.import_measures(rows=rows, by=by)
        except DomainError as error:
            event("refused")
            assert str(error.message).startswith("Row ")
            assert [table(Measure), table(Evidence), table(Change)] == before
        else:
            event("stored")
            assert count == len(rows)
            last = {(r["country"].strip().upper(), r["item"].strip()): r["status"] for r in rows}
            for (iso2, code), status in last.items():
                measure = Measure.objects.get(country_id=iso2, item__code=code)
                assert measure.status == status.strip()
            assert {row["id"] for row in before[0]} <= set(
                Measure.objects.values_list("pk", flat=True)
            )


@fuzz_settings(20)
@given(content=st.binary(max_size=300))
def test_the_command_refuses_any_file_it_cannot_read_with_a_message(content, earlier, tmp_path):
    path = tmp_path / "measures.csv"
    path.write_bytes(content)
    with rolled_back():
        before = table(Measure)
        try:
            call_command("import_country_measures", str(path))
        except CommandError as error:
            event("refused")
            assert str(error).strip()
            assert table(Measure) == before


def test_a_file_with_the_columns_and_good_rows_is_imported(tmp_path, earlier):
    path = tmp_path / "measures.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "item", "status"])
        writer.writerow(["KE", "tec-helpline", "draft"])
    call_command("import_country_measures", str(path))
    assert Measure.objects.get(item__code="tec-helpline").status == "draft"
