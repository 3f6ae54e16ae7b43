"""The database refuses to change or remove an entry; `verifyaudit` finds what was done with the
protection turned off."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from cophub.audit import services
from cophub.audit.models import Entry, Seal
from cophub.audit.verification import verify

pytestmark = pytest.mark.django_db


def _entries(count=3):
    return [
        services.record(action="update", model="core.country", object_pk="KE", object_label=f"n{i}")
        for i in range(count)
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'someone else'",
        "DELETE FROM audit_entry",
        "UPDATE audit_seal SET chain = 'x'",
        "DELETE FROM audit_seal",
    ],
)
def test_raw_sql_cannot_change_or_remove_entries(statement):
    seals = Seal.objects.count()
    _entries()
    services.seal()
    before = list(Entry.objects.values_list("id", "actor", "digest"))
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(statement)
    assert list(Entry.objects.values_list("id", "actor", "digest")) == before
    assert Seal.objects.count() == seals + 1


def test_the_orm_cannot_change_or_remove_entries():
    entry = _entries(1)[0]
    entry.object_label = "changed"
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).delete()
    assert Entry.objects.get(pk=entry.pk).object_label == "n0"


def test_truncate_is_refused():
    _entries(1)
    for table in ("audit_entry", "audit_seal"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {table}")


def _tamper(statement, params=()):
    """What someone with the database owner's rights could do: turn the protection off."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER")
        cursor.execute(statement, params)
        cursor.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER")


def _verify():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verifyaudit", stdout=out, stderr=err)
    except CommandError as error:
        return False, err.getvalue() + str(error)
    return True, out.getvalue()


def test_a_whole_log_verifies_and_seals():
    seals = Seal.objects.count()  # seals of earlier transactional tests stay in the table
    _entries()
    assert _verify()[0]
    out = io.StringIO()
    call_command("verifyaudit", "--seal", stdout=out)
    seal = Seal.objects.order_by("-last_entry_id").first()
    assert seal.last_entry_id == Entry.objects.order_by("-id").first().id
    assert seal.entry_count == Entry.objects.count()
    assert seal.chain in out.getvalue()
    _entries(2)
    call_command("verifyaudit", "--seal", stdout=io.StringIO())
    assert Seal.objects.count() == seals + 2
    assert verify().problems == []


def test_an_edited_entry_is_found():
    entries = _entries()
    _tamper("UPDATE audit_entry SET object_label = %s WHERE id = %s", ["forged", entries[1].id])
    whole, report = _verify()
    assert not whole
    assert f"entry {entries[1].id}: its content does not match its digest" in report
    assert f"entry {entries[0].id}:" not in report


def test_an_edit_that_also_forges_the_digest_breaks_the_seal():
    entries = _entries()
    services.seal()
    forged = Entry.objects.get(pk=entries[1].pk)
    forged.object_label = "forged"
    _tamper(
        "UPDATE audit_entry SET object_label = %s, digest = %s WHERE id = %s",
        ["forged", forged.compute_digest(), forged.id],
    )
    whole, report = _verify()
    assert not whole and "the chain is broken" in report


def test_a_deleted_entry_breaks_the_seal():
    entries = _entries()
    services.seal()
    _tamper("DELETE FROM audit_entry WHERE id = %s", [entries[1].id])
    whole, report = _verify()
    assert not whole
    assert "the chain is broken" in report and "entries were sealed" in report
