"""The secretariat reads and exports the log; no one else can."""

import csv
import io
import json

import pytest
from django.utils import timezone

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.audit import services
from cophub.audit.models import Entry

from .helpers import entries_since, last_entry_id

pytestmark = pytest.mark.django_db

URLS = ["/en/audit/", "/en/audit/export.csv", "/en/audit/export.json"]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("factory", [UserFactory, DelegateFactory])
def test_other_accounts_may_not_read_or_export(client, url, factory):
    client.force_login(factory())
    since = last_entry_id()
    assert client.get(url).status_code == 403
    assert entries_since(since) == []


def _some_entries():
    clerk = SecretariatFactory(email="clerk@itu.example")
    with services.acting_as(clerk):
        services.record(
            action="withdraw",
            model="resources.resource",
            object_pk="41",
            object_label="Guide for parents",
            changes={"status": ["published", "withdrawn"]},
        )
        services.record(
            action="update",
            model="core.country",
            object_pk="KE",
            object_label="Kenya",
            changes={"ldc": [False, True]},
        )
    services.record(action="create", model="workgroup.meeting", object_pk="7", object_label="M7")
    return clerk


def test_the_page_lists_entries_with_their_changes(client):
    _some_entries()
    client.force_login(SecretariatFactory())
    page = client.get("/en/audit/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Guide for parents" in body and "clerk@itu.example" in body
    assert '<th scope="row"><bdi>status</bdi></th>' in body and "withdrawn" in body
    assert "the system" in body  # the entry made without an account
    assert '<bdi>clerk@itu.example</bdi> <span class="help">(Secretariat)</span>' in body


@pytest.mark.parametrize(
    "query, labels",
    [
        ("actor=clerk@", {"Guide for parents", "Kenya"}),
        ("model=resources.resource", {"Guide for parents"}),
        ("action=update&model=core.country", {"Kenya"}),
        ("object=41", {"Guide for parents"}),
        ("object=kenya", {"Kenya"}),
        ("date_from=2000-01-01&date_to=2000-01-02", set()),
        ("actor=" + "9" * 40, set()),
        ("actor=%D9%A3", set()),  # an Arabic-Indic digit
    ],
)
def test_filters(client, query, labels):
    since = last_entry_id()  # entries of earlier transactional tests stay in the table
    _some_entries()
    client.force_login(SecretariatFactory())
    page = client.get(f"/en/audit/?{query}")
    assert page.status_code == 200
    shown = {e.object_label for e in page.context["page"].object_list if e.id > since}
    assert shown == labels


def test_the_account_number_and_today_filter(client):
    since = last_entry_id()
    clerk = _some_entries()
    client.force_login(SecretariatFactory())
    today = timezone.localdate().isoformat()
    page = client.get(f"/en/audit/?actor={clerk.pk}&date_from={today}&date_to={today}")
    assert {e.object_label for e in page.context["page"].object_list if e.id > since} == {
        "Guide for parents",
        "Kenya",
    }


@pytest.mark.parametrize(
    "query, message",
    [
        ("date_from=yesterday", "Saisissez une date valide."),
        ("date_from=2026-02-10&date_to=2026-02-01", "La fin de la période"),
        ("action=erase", "Sélectionnez un choix valide."),
        ("model=accounts.secret", "Sélectionnez un choix valide."),
        ("actor=" + "x" * 300, "au plus 254 caractères"),
        ("object=%00", "Le caractère nul n’est pas autorisé."),
    ],
)
def test_bad_filters_get_a_translated_message_not_an_error(client, query, message):
    client.force_login(SecretariatFactory())
    for url in ("/fr/audit/", "/fr/audit/export.csv"):
        since = last_entry_id()
        page = client.get(f"{url}?{query}")
        assert page.status_code == 422
        assert message in page.content.decode()
        assert entries_since(since, action="export") == []


def test_a_page_number_out_of_range_shows_the_last_page(client):
    _some_entries()
    client.force_login(SecretariatFactory())
    assert client.get("/en/audit/?page=999").status_code == 200
    assert client.get("/en/audit/?page=abc").status_code == 200


def test_the_page_counts_its_queries(client, django_assert_max_num_queries):
    for i in range(60):
        services.record(action="create", model="core.region", object_pk=str(i), object_label="r")
    client.force_login(SecretariatFactory())
    with django_assert_max_num_queries(6):
        assert client.get("/en/audit/").status_code == 200


def _streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_csv_export_holds_the_filtered_entries_and_is_logged(client):
    first = last_entry_id()
    _some_entries()
    reader = SecretariatFactory()
    client.force_login(reader)
    since = last_entry_id()
    response = client.get("/en/audit/export.csv?model=resources.resource")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_streamed(response))))
    assert {r["model"] for r in rows} == {"resources.resource"}
    rows = [r for r in rows if int(r["id"]) > first]
    assert [r["object_label"] for r in rows] == ["Guide for parents"]
    assert json.loads(rows[0]["changes"]) == {"status": ["published", "withdrawn"]}
    assert rows[0]["digest"] == Entry.objects.get(object_label="Guide for parents").digest
    logged = entries_since(since)
    assert [(e.action, e.actor_id, e.path) for e in logged] == [
        ("export", reader.pk, "/en/audit/export.csv?model=resources.resource")
    ]


def test_json_export_holds_every_entry(client):
    _some_entries()
    client.force_login(SecretariatFactory())
    response = client.get("/en/audit/export.json")
    data = json.loads(_streamed(response))
    assert len(data) == Entry.objects.count()
    # Newest first: the export's own entry leads.
    assert data[0]["action"] == "export"
    labels = {row["object_label"] for row in data}
    assert {"Guide for parents", "Kenya", "M7"} <= labels


def test_an_unknown_export_format_is_not_found(client):
    client.force_login(SecretariatFactory())
    assert client.get("/en/audit/export.xml").status_code == 404


def test_a_formula_in_a_label_is_quoted_in_the_csv(client):
    services.record(
        action="create", model="core.region", object_pk="1", object_label="=HYPERLINK(1)"
    )
    client.force_login(SecretariatFactory())
    text = _streamed(client.get("/en/audit/export.csv"))
    assert "'=HYPERLINK(1)" in text


def test_the_admin_lists_entries_read_only(client):
    _some_entries()
    client.force_login(SecretariatFactory())
    listing = client.get("/en/admin/audit/entry/")
    assert listing.status_code == 200 and "Guide for parents" in listing.content.decode()
    entry = Entry.objects.get(object_label="Kenya")
    assert client.get(f"/en/admin/audit/entry/{entry.pk}/change/").status_code == 200
    assert (
        client.post(f"/en/admin/audit/entry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert client.get("/en/admin/audit/entry/add/").status_code == 403
    assert Entry.objects.filter(pk=entry.pk).exists()
