import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.core import help, mandate
from cophub.core.models import MandateParagraph
from cophub.helplines import exchange
from cophub.helplines.models import Helpline

from .factories import ChannelFactory, HelplineFactory, add_hours
from .test_services import _row

pytestmark = pytest.mark.django_db


def _form(helpline_fields: dict, channel: dict) -> dict:
    data = {
        "key": "childline-ke",
        "kind": "child_helpline",
        "name_en": "Childline Kenya",
        "operator_name": "Childline Kenya",
        "country": "KE",
        "languages": "[]",
        "topics": "[]",
        "source_name": "CHI",
        "source_url": "https://childhelplineinternational.org/",
        "last_verified": "2026-01-10",
        "active": "on",
        "channels-TOTAL_FORMS": "1",
        "channels-INITIAL_FORMS": "0",
        "channels-MIN_NUM_FORMS": "0",
        "channels-MAX_NUM_FORMS": "1000",
        "channels-0-kind": "phone",
        "channels-0-timezone": "Africa/Nairobi",
        "channels-0-order": "0",
        "channels-0-free": "true",
    }
    data |= helpline_fields
    data |= {f"channels-0-{name}": value for name, value in channel.items()}
    return data


def test_the_secretariat_adds_a_service_with_hours_in_the_admin(client):
    client.force_login(SecretariatFactory())
    response = client.post(
        "/en/admin/helplines/helpline/add/",
        _form({}, {"value": "116", "hours_text": "mo-fr 08:00-17:00, sa 09:00-12:00"}),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    channel = Helpline.objects.get().channels.get()
    assert (channel.value, channel.works_in) == ("116", ["KE"])
    assert channel.hours.count() == 6
    page = client.get(f"/en/admin/helplines/helpline/{channel.helpline_id}/change/")
    assert "mo-fr 08:00-17:00, sa 09:00-12:00" in page.content.decode()


def test_the_admin_refuses_a_bad_number_and_overlapping_hours(client):
    client.force_login(SecretariatFactory())
    response = client.post(
        "/en/admin/helplines/helpline/add/",
        _form({}, {"value": "+254 1", "hours_text": "mo 08:00-12:00, mo 11:00-13:00"}),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "+254 1 is not a valid international number." in html
    assert "The hours on Monday overlap." in html
    assert not Helpline.objects.exists()


def test_the_admin_lists_entries_to_verify(client, django_assert_max_num_queries):
    HelplineFactory(last_verified=datetime.date(2020, 1, 1), name="Old", name_en="Old")
    HelplineFactory(name="Recent", name_en="Recent")
    client.force_login(SecretariatFactory())
    with django_assert_max_num_queries(12):
        html = client.get("/en/admin/helplines/helpline/?verification=stale").content.decode()
    assert "Old" in html and "Recent" not in html


def test_import_and_export_commands(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(exchange.rows_to_csv([_row()]), encoding="utf-8")
    out = io.StringIO()
    call_command("import_helplines", str(good), stdout=out)
    assert "Imported 1 new" in out.getvalue()
    bad = tmp_path / "bad.json"
    bad.write_text('[{"key": "x"}]', encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_helplines", str(bad), stderr=err)
    assert "file, channel: The column “channel” is missing." in err.getvalue()
    exported = io.StringIO()
    call_command("export_helplines", format="json", stdout=exported)
    assert '"key": "childline-ke"' in exported.getvalue()


def test_the_demo_directory_loads_twice_and_covers_forty_countries():
    from cophub.helplines import demo

    demo.load_demo()
    demo.load_demo()
    countries = set(Helpline.objects.values_list("country_id", flat=True))
    assert len(countries) >= 40
    assert not Helpline.objects.filter(source_url="").exists()
    gb = Helpline.objects.get(key="childline-gb").channels.get(kind="phone")
    assert gb.value == "+448001111"
    paragraph = MandateParagraph.objects.get(code="R179/MS/10")
    records = dict((p.key, r) for p, r in mandate.work_serving(paragraph))["helplines"]
    # Entries still waiting for the secretariat are not shown anywhere public.
    assert len(records) == Helpline.objects.filter(active=True).count()


def test_the_entries_of_further_member_states_wait_for_the_secretariat():
    from cophub.helplines import demo, services

    demo.load_demo()
    waiting = Helpline.objects.filter(active=False)
    countries = set(waiting.values_list("country_id", flat=True))
    assert {"MD", "KW", "TT", "ME", "UY"} <= countries and len(countries) >= 20
    # Each names its public source and the day it was checked against it.
    assert not waiting.filter(source_url="").exists()
    assert not waiting.filter(last_verified=None).exists()
    # Hidden from a child until confirmed; shown once the secretariat confirms it.
    assert not help.help_for_country("KW").services
    services.list_for_children(
        helpline=Helpline.objects.get(key="child-helpline-147-kw"), by=SecretariatFactory()
    )
    answer = help.help_for_country("KW")
    assert [service.name for service in answer.services] == ["Child Helpline 147"]
    assert 'href="tel:147"' in render_to_string("core/includes/help_now.html", {"help": answer})
    # Loading the demo again does not hide it again.
    demo.load_demo()
    assert Helpline.objects.get(key="child-helpline-147-kw").active


def test_the_help_now_include_renders_the_providers_answer():
    channel = ChannelFactory(always_open=True)
    add_hours(
        ChannelFactory(helpline=channel.helpline, kind="sms", value="+254722178177", works_in=[]),
        (0, "08:00", "09:00"),
    )
    html = render_to_string("core/includes/help_now.html", {"help": help.help_for_country("KE")})
    assert 'href="tel:116"' in html
    assert "Open now" in html
    assert 'href="/en/help/KE/"' in html
