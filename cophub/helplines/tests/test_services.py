import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from cophub.accounts.models import Role
from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import (
    DelegateFactory,
    SecretariatFactory,
    UserFactory,
    organisation,
)
from cophub.core.errors import DomainError
from cophub.helplines import exchange, services
from cophub.helplines.exchange import COLUMNS, ImportRejected
from cophub.helplines.hours import describe_hours, is_open, parse_hours
from cophub.helplines.models import ChangeProposal, ContactChannel, DailyCount, Helpline
from cophub.helplines.numbers import canonical_number, display_number

from .factories import ChannelFactory, HelplineFactory

pytestmark = pytest.mark.django_db


# Numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("0800 1111", "GB", ("+448001111", [])),
        ("+353 1800 66 66 66", "IE", ("+3531800666666", [])),
        ("00 1 800 422 4453", "US", ("+18004224453", [])),
        ("116 111", "DE", ("116111", ["DE"])),
        ("116", "KE", ("116", ["KE"])),
    ],
)
def test_numbers_are_stored_in_canonical_form(raw, country, expected):
    assert canonical_number(raw, country=country, works_in=[]) == expected


def test_a_short_code_is_checked_in_every_country_it_works_in():
    assert canonical_number("116111", country=None, works_in=["de", "fr", "es"]) == (
        "116111",
        ["DE", "FR", "ES"],
    )
    with pytest.raises(DomainError) as error:
        canonical_number("116111", country=None, works_in=["DE", "KE"])
    assert "KE" in str(error.value)


@pytest.mark.parametrize(
    ("raw", "country", "message"),
    [
        ("+44 12", "GB", "not a valid international number"),
        ("1280", "KH", "not a valid number or short code in KH"),
        ("call me", "GB", "use digits only"),
        ("", "GB", "Enter a number"),
    ],
)
def test_numbers_not_valid_for_their_country_are_refused(raw, country, message):
    with pytest.raises(DomainError) as error:
        canonical_number(raw, country=country, works_in=[])
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("raw", "country", "source"),
    [
        ("1280", "KH", "Child Helpline Cambodia: free 24-hour helpline 1280"),
        ("2511", "MA", "ONDE: numéro abrégé 2511 et numéro vert 0800002511"),
        ("116 111", "GE", "Public Health Foundation of Georgia: Child Helpline 116 111"),
    ],
)
def test_a_short_number_unknown_to_libphonenumber_is_kept_as_its_source_quotes_it(
    raw, country, source
):
    digits = raw.replace(" ", "")
    assert canonical_number(raw, country=country, works_in=[], source=source) == (
        digits,
        [country],
    )


@pytest.mark.parametrize(
    ("raw", "country", "works_in", "source"),
    [
        # Made up: no source quotes it.
        ("1281", "KH", [], "Child Helpline Cambodia: free 24-hour helpline 1280"),
        ("1280", "KH", [], ""),
        # The digits only inside a longer number of the source.
        ("2511", "MA", [], "ONDE: numéro vert 0800002511"),
        # Too short, too long, or a national prefix: not a short number.
        ("12", "KH", [], "helpline 12"),
        ("1280000", "KH", [], "helpline 1280000"),
        ("0280", "KH", [], "helpline 0280"),
        # Said to work beyond the service's own country: nothing vouches for the others.
        ("1280", "KH", ["KH", "LA"], "helpline 1280"),
    ],
)
def test_an_unknown_short_number_without_a_source_quoting_it_is_refused(
    raw, country, works_in, source
):
    with pytest.raises(DomainError) as error:
        canonical_number(raw, country=country, works_in=works_in, source=source)
    assert "not a valid number or short code" in str(error.value)


def test_the_import_keeps_a_sourced_short_number_and_refuses_an_unsourced_one():
    sourced = _row(
        key="child-helpline-kh",
        country="KH",
        value="1280",
        timezone="Asia/Phnom_Penh",
        source_name="Child Helpline Cambodia: free 24-hour helpline 1280",
    )
    services.import_directory(content=_csv(sourced), file_format="csv", by=SYSTEM)
    channel = ContactChannel.objects.get(helpline__key="child-helpline-kh")
    assert (channel.value, channel.works_in, channel.href) == ("1280", ["KH"], "tel:1280")
    with pytest.raises(ImportRejected) as rejected:
        services.import_directory(
            content=_csv(sourced | {"key": "made-up-kh", "value": "1299"}),
            file_format="csv",
            by=SYSTEM,
        )
    assert [(e.row, e.column) for e in rejected.value.errors] == [(1, "value")]
    assert not Helpline.objects.filter(key="made-up-kh").exists()


def test_numbers_read_as_a_child_reads_them():
    assert display_number("116111") == "116 111"
    assert display_number("+448001111") == "+44 800 1111"
    assert display_number("1098") == "1098"


# Hours ------------------------------------------------------------------------------------


def test_hours_parse_day_ranges_and_midnight():
    always, openings = parse_hours("mo-fr 08:00-20:00, sa 10:00-24:00")
    assert not always
    assert [(o.weekday, o.opens.hour, o.closes.hour) for o in openings] == [
        (0, 8, 20),
        (1, 8, 20),
        (2, 8, 20),
        (3, 8, 20),
        (4, 8, 20),
        (5, 10, 23),
    ]
    assert parse_hours("24/7") == (True, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mo 20:00-08:00", "end before they start"),
        ("mo-fr 08:00-12:00, we 11:00-14:00", "overlap"),
        ("fr-mo 08:00-12:00", "days run backwards"),
        ("monday 8-12", "is not understood"),
        ("mo 25:00-26:00", "is not a time of day"),
    ],
)
def test_wrong_hours_are_refused_with_a_reason(text, message):
    with pytest.raises(DomainError) as error:
        parse_hours(text)
    assert message in str(error.value)


def test_open_now_is_computed_in_the_services_own_time_zone():
    _always, openings = parse_hours("mo-fr 09:00-17:00")
    # 06:30 UTC on a Monday is 09:30 in Nairobi and 01:30 in Mexico City.
    moment = datetime.datetime(2026, 11, 23, 6, 30, tzinfo=ZoneInfo("UTC"))
    assert is_open(False, openings, "Africa/Nairobi", moment) is True
    assert is_open(False, openings, "America/Mexico_City", moment) is False
    assert is_open(False, [], "UTC", moment) is None
    assert is_open(True, [], "UTC", moment) is True


def test_hours_are_described_in_the_readers_language():
    _always, openings = parse_hours("mo-fr 09:00-17:00")
    with translation.override("fr"):
        assert describe_hours(False, openings, "Europe/Paris").startswith("lun.–ven. 09:00–17:00")
    with translation.override("ar"):
        assert describe_hours(True, [], "UTC") == "مفتوح 24 ساعة، كل يوم"


# Import -----------------------------------------------------------------------------------


def _row(**values):
    row = dict.fromkeys(COLUMNS, "")
    row |= {
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
    return row | values


def _csv(*rows) -> bytes:
    return exchange.rows_to_csv(list(rows)).encode("utf-8")


def test_import_creates_services_with_channels_and_hours():
    content = _csv(
        _row(),
        _row(channel="sms", value="+254 722 178 177", hours="mo-fr 08:00-17:00", free="no"),
        _row(key="iwf", kind="reporting_hotline", country="GB", name="IWF", operator="iwf",
             channel="web", value="https://report.iwf.org.uk/", timezone="Europe/London"),
    )  # fmt: skip
    result = services.import_directory(content=content, file_format="csv", by=SYSTEM)
    assert (result.created, result.updated, result.channels) == (2, 0, 3)
    helpline = Helpline.objects.get(key="childline-ke")
    sms = helpline.channels.get(kind="sms")
    assert sms.value == "+254722178177"
    assert sms.free is False
    assert sms.hours.count() == 5
    assert Helpline.objects.get(key="iwf").operator.code == "iwf"


def test_import_replaces_a_service_with_the_same_key():
    services.import_directory(
        content=_csv(_row(), _row(channel="sms")), file_format="csv", by=SYSTEM
    )
    result = services.import_directory(
        content=_csv(_row(name="Childline Kenya 116")), file_format="csv", by=SYSTEM
    )
    assert (result.created, result.updated) == (0, 1)
    helpline = Helpline.objects.get(key="childline-ke")
    assert helpline.name == "Childline Kenya 116"
    assert helpline.channels.count() == 1


def test_import_with_one_bad_row_imports_nothing_and_names_the_row():
    existing = HelplineFactory(key="childline-ke", name="Before")
    content = _csv(
        _row(),
        _row(key="other", value="+254 12"),  # row 2: not a Kenyan number
        _row(key="third", hours="mo 18:00-09:00", timezone="Mars/Olympus"),  # row 3: two errors
    )
    with pytest.raises(ImportRejected) as rejected:
        services.import_directory(content=content, file_format="csv", by=SYSTEM)
    errors = [(e.row, e.column) for e in rejected.value.errors]
    assert errors == [(2, "value"), (3, "timezone"), (3, "hours")]
    assert "Nothing was imported" in rejected.value.message
    assert Helpline.objects.count() == 1
    existing.refresh_from_db()
    assert existing.name == "Before"
    assert not ContactChannel.objects.exists()


def test_import_refuses_a_file_in_the_wrong_encoding():
    content = _csv(_row(name="Écoute-Enfants")).decode("utf-8").encode("latin-1")
    with pytest.raises(ImportRejected) as rejected:
        services.import_directory(content=content, file_format="csv", by=SYSTEM)
    assert rejected.value.errors[0].row is None
    assert "not UTF-8" in rejected.value.errors[0].message
    assert not Helpline.objects.exists()


def test_import_refuses_a_file_with_a_missing_column():
    text = _csv(_row()).decode("utf-8").replace("timezone", "time zone", 1)
    with pytest.raises(ImportRejected) as rejected:
        services.import_directory(content=text.encode("utf-8"), file_format="csv", by=SYSTEM)
    assert [(e.row, e.column) for e in rejected.value.errors] == [(None, "timezone")]


def test_import_reports_rows_of_one_service_that_disagree():
    content = _csv(_row(), _row(channel="sms", country="TZ"))
    with pytest.raises(ImportRejected) as rejected:
        services.import_directory(content=content, file_format="csv", by=SYSTEM)
    assert [(e.row, e.column) for e in rejected.value.errors] == [(2, "country")]


@pytest.mark.parametrize(
    ("values", "column"),
    [
        ({"country": "", "region": ""}, "country"),
        ({"country": "XX"}, "country"),
        ({"kind": "hotline"}, "kind"),
        ({"last_verified": "10/01/2026"}, "last_verified"),
        ({"ages": "18-5"}, "ages"),
        ({"operator": "nobody"}, "operator"),
        ({"source_url": "childhelplineinternational.org"}, "source_url"),
        ({"channel": "email", "value": "not an address"}, "value"),
        ({"name": ""}, "name"),
        ({"languages": "english"}, "languages"),
    ],
)
def test_import_names_the_field_of_each_bad_value(values, column):
    with pytest.raises(ImportRejected) as rejected:
        services.import_directory(content=_csv(_row(**values)), file_format="csv", by=SYSTEM)
    assert [(e.row, e.column) for e in rejected.value.errors] == [(1, column)]
    assert not Helpline.objects.exists()


def test_json_import_reads_the_same_rows_and_round_trips_the_export():
    rows = [_row(), _row(key="tz", country="TZ", timezone="Africa/Dar_es_Salaam")]
    services.import_directory(content=json.dumps(rows).encode(), file_format="json", by=SYSTEM)
    exported = exchange.export_rows(Helpline.objects.order_by("key"))
    assert [(r["key"], r["value"], r["hours"]) for r in exported] == [
        ("childline-ke", "116", "24/7"),
        ("tz", "116", "24/7"),
    ]
    Helpline.objects.all().delete()
    result = services.import_directory(
        content=exchange.rows_to_json(exported).encode(), file_format="json", by=SYSTEM
    )
    assert result.created == 2


def test_json_import_refuses_what_is_not_a_list_of_objects():
    for content in (b'{"key": 1}', b"[1, 2]", b"[{"):
        with pytest.raises(ImportRejected):
            services.import_directory(content=content, file_format="json", by=SYSTEM)
    assert not Helpline.objects.exists()


# Proposals --------------------------------------------------------------------------------


def _member():
    return UserFactory(role=Role.STAKEHOLDER, organisation=organisation("iwf"))


def _iwf_helpline():
    helpline = HelplineFactory(
        key="iwf", country_id="GB", operator=organisation("iwf"), name="IWF", name_en="IWF"
    )
    ChannelFactory(helpline=helpline, kind="web", value="https://report.iwf.org.uk/", works_in=[])
    return helpline


def _rows_csv(helpline, **changes) -> str:
    rows = [row | changes for row in exchange.export_rows(Helpline.objects.filter(pk=helpline.pk))]
    return exchange.rows_to_csv(rows)


def test_a_member_proposes_and_the_secretariat_accepts():
    helpline = _iwf_helpline()
    member = _member()
    proposal = services.propose_change(
        user=member, helpline=helpline, csv_text=_rows_csv(helpline, name="IWF report")
    )
    helpline.refresh_from_db()
    assert helpline.name == "IWF"  # nothing published before review
    services.accept_proposal(proposal=proposal, reviewer=SecretariatFactory())
    helpline.refresh_from_db()
    assert helpline.name == "IWF report"
    proposal.refresh_from_db()
    assert proposal.status == ChangeProposal.Status.ACCEPTED
    with pytest.raises(DomainError, match="already been reviewed"):
        services.reject_proposal(proposal=proposal, reviewer=SecretariatFactory(), note="late")


def test_only_the_organisation_that_runs_a_service_may_propose():
    helpline = _iwf_helpline()
    other = UserFactory(role=Role.STAKEHOLDER, organisation=organisation("unicef"))
    with pytest.raises(DomainError, match="Only the organisation"):
        services.propose_change(user=other, helpline=helpline, csv_text=_rows_csv(helpline))
    assert not ChangeProposal.objects.exists()


def test_a_proposal_may_not_touch_another_service_or_carry_bad_rows():
    helpline = _iwf_helpline()
    with pytest.raises(ImportRejected) as rejected:
        services.propose_change(
            user=_member(), helpline=helpline, csv_text=_rows_csv(helpline, key="childline-gb")
        )
    assert rejected.value.errors[0].column == "key"
    with pytest.raises(ImportRejected) as rejected:
        services.propose_change(
            user=_member(), helpline=helpline, csv_text=_rows_csv(helpline, timezone="Nowhere")
        )
    assert (rejected.value.errors[0].row, rejected.value.errors[0].column) == (1, "timezone")
    assert not ChangeProposal.objects.exists()


def test_only_the_secretariat_reviews_a_proposal():
    helpline = _iwf_helpline()
    member = _member()
    proposal = services.propose_change(
        user=member, helpline=helpline, csv_text=_rows_csv(helpline, name="IWF report")
    )
    for reviewer in (member, DelegateFactory()):
        with translation.override("ru"), pytest.raises(DomainError) as refused:
            services.accept_proposal(proposal=proposal, reviewer=reviewer)
        assert refused.value.message == "Предложенные изменения проверяет только секретариат."
        with translation.override("ru"), pytest.raises(DomainError):
            services.reject_proposal(proposal=proposal, reviewer=reviewer, note="no")
    proposal.refresh_from_db()
    helpline.refresh_from_db()
    assert (proposal.status, proposal.reviewed_by, helpline.name) == ("pending", None, "IWF")


def test_only_the_secretariat_imports_the_directory_or_marks_it_verified():
    old = HelplineFactory(last_verified=datetime.date(2025, 1, 1))
    for user in (_member(), DelegateFactory()):
        with translation.override("zh"), pytest.raises(DomainError) as refused:
            services.import_directory(content=_csv(_row()), file_format="csv", by=user)
        assert refused.value.message == "只有秘书处维护热线名录。"
        with translation.override("zh"), pytest.raises(DomainError):
            services.mark_verified(helpline=old, on=datetime.date(2026, 1, 1), by=user)
    assert list(Helpline.objects.all()) == [old]
    old.refresh_from_db()
    assert old.last_verified == datetime.date(2025, 1, 1)
    services.mark_verified(helpline=old, on=datetime.date(2026, 1, 1), by=SecretariatFactory())
    old.refresh_from_db()
    assert old.last_verified == datetime.date(2026, 1, 1)


def test_rejecting_needs_a_reason():
    helpline = _iwf_helpline()
    proposal = services.propose_change(
        user=_member(), helpline=helpline, csv_text=_rows_csv(helpline)
    )
    with pytest.raises(DomainError, match="Say why"):
        services.reject_proposal(proposal=proposal, reviewer=SecretariatFactory(), note=" ")
    proposal.refresh_from_db()
    assert proposal.status == ChangeProposal.Status.PENDING


# Verification and counts ------------------------------------------------------------------


def test_entries_not_verified_for_a_year_are_flagged():
    from cophub.helplines import selectors

    today = datetime.date(2026, 11, 25)
    old = HelplineFactory(last_verified=datetime.date(2025, 11, 24))
    HelplineFactory(last_verified=datetime.date(2025, 11, 26))
    assert list(selectors.needing_verification(today)) == [old]
    services.mark_verified(helpline=old, on=datetime.date(2026, 1, 1), by=SYSTEM)
    assert not selectors.needing_verification(today).exists()
    with pytest.raises(DomainError, match="future"):
        services.mark_verified(helpline=old, on=datetime.date(2999, 1, 1), by=SYSTEM)


def test_views_and_taps_are_counted_per_country_and_day_only():
    channel = ChannelFactory()
    services.count_finder_view(iso2="KE")
    services.count_finder_view(iso2="KE")
    assert services.count_tap(channel_id=channel.pk, iso2="KE")
    assert not services.count_tap(channel_id=channel.pk + 999, iso2="KE")
    assert not services.count_tap(channel_id=channel.pk, iso2="ZZ")
    counts = {(c.event, c.channel_id): c.count for c in DailyCount.objects.all()}
    assert counts == {("view", None): 2, ("tap", channel.pk): 1}
    fields = {f.name for f in DailyCount._meta.get_fields()}
    assert fields == {"id", "day", "country", "event", "channel", "count"}


def test_an_unconfirmed_entry_stays_hidden_from_children_until_the_secretariat_lists_it(client):
    from cophub.accounts.tests.factories import SecretariatFactory
    from cophub.core.help import help_for_country

    content = _csv(_row(listed="no"))
    services.import_directory(content=content, file_format="csv", by=SYSTEM)
    helpline = Helpline.objects.get(key="childline-ke")
    assert helpline.active is False
    assert help_for_country("KE").services == []
    assert "Childline Kenya" not in client.get("/en/help/KE/").content.decode()
    assert client.get("/api/v1/help/KE").json()["services"] == []
    # The export keeps the mark, so that a round trip does not show it.
    assert exchange.export_rows([helpline])[0]["listed"] == "no"
    services.list_for_children(helpline=helpline, by=SecretariatFactory())
    assert "Childline Kenya" in client.get("/en/help/KE/").content.decode()
    with pytest.raises(DomainError):
        services.list_for_children(helpline=helpline, by=None)
