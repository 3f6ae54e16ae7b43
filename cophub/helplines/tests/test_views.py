import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile

from cophub.accounts.models import Role
from cophub.accounts.tests.factories import SecretariatFactory, UserFactory, organisation
from cophub.core import help, profiles
from cophub.helplines import clock, exchange
from cophub.helplines.models import ChangeProposal, DailyCount, Helpline

from .factories import ChannelFactory, HelplineFactory, add_hours

pytestmark = pytest.mark.django_db

# Monday 25 November 2026... a Wednesday: 10:00 in Nairobi is 07:00 UTC.
WEDNESDAY_10_NAIROBI = datetime.datetime(2026, 11, 25, 7, 0, tzinfo=ZoneInfo("UTC"))
FINDER_BUDGET = 60 * 1024


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: WEDNESDAY_10_NAIROBI)


def _kenya():
    """Three services: one closed now, one open now, one without known hours."""
    closed = HelplineFactory(key="evening", name="Evening line", name_en="Evening line")
    add_hours(ChannelFactory(helpline=closed, value="116"), (2, "18:00", "22:00"))
    day = HelplineFactory(key="day", name="Day line", name_en="Day line")
    add_hours(
        ChannelFactory(helpline=day, kind="sms", value="+254722178177", works_in=[]),
        (2, "08:00", "17:00"),
    )
    unknown = HelplineFactory(
        key="report", kind="reporting_hotline", name="Report line", name_en="Report line"
    )
    ChannelFactory(helpline=unknown, kind="web", value="https://report.example.org/", works_in=[])
    return closed, day, unknown


def test_the_finder_asks_for_a_country_and_preselects_a_guess_from_the_language(client):
    HelplineFactory(country_id="MX")
    response = client.get("/es/help/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.8")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="MX" selected>México</option>' in html
    assert "¿Dónde vives?" in html
    # No cookie is set and nothing about the reader is kept.
    assert not response.cookies


def test_choosing_a_country_without_javascript_goes_to_its_page(client):
    response = client.get("/fr/help/", {"country": "ke"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/help/KE/"
    assert client.get("/fr/help/ke/")["Location"] == "/fr/help/KE/"


def test_an_unknown_country_is_answered_plainly(client):
    response = client.get("/en/help/", {"country": "ZZ"})
    assert response.status_code == 422
    assert "Choose a country from the list." in response.content.decode()
    assert client.get("/en/help/ZZ/").status_code == 404


def test_open_services_come_first_in_the_services_own_time(client, frozen):
    _kenya()
    response = client.get("/en/help/KE/")
    html = response.content.decode()
    names = re.findall(r'<h2 id="hl-\d+"><bdi>([^<]+)</bdi></h2>', html)
    assert names == ["Day line", "Report line", "Evening line"]
    assert 'href="sms:+254722178177"' in html
    assert 'href="tel:116"' in html
    assert html.count("Open now</strong>") == 1
    assert html.count("Closed now</strong>") == 1
    assert not response.cookies


def test_the_finder_is_right_to_left_in_arabic_with_the_numbers_left_to_right(client, frozen):
    _kenya()
    html = client.get("/ar/help/KE/").content.decode()
    assert 'dir="rtl"' in html
    assert '<bdi class="hl-value">116</bdi>' in html
    assert "مفتوح الآن" in html
    assert "اللغات: <bdi>الإنجليزية والسواحلية</bdi> · " in html


def _static_bytes(html: str) -> int:
    total = 0
    for path in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        total += len(open(finders.find(path), "rb").read())
    return total


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_the_finder_page_with_its_styles_and_scripts_is_under_60_kb(client, frozen, lang):
    for index in range(6):  # more services than most countries have
        helpline = HelplineFactory(key=f"s{index}")
        ChannelFactory(helpline=helpline, always_open=True)
        ChannelFactory(helpline=helpline, kind="chat", value="https://chat.example.org/")
    html = client.get(f"/{lang}/help/KE/").content.decode()
    total = len(html.encode()) + _static_bytes(html)
    assert _static_bytes(html) > 0
    assert total < FINDER_BUDGET, f"{lang}: {total} bytes"


def test_the_finder_page_queries_do_not_grow_with_the_services(
    client, frozen, django_assert_max_num_queries
):
    _kenya()
    with django_assert_max_num_queries(13) as small:
        client.get("/en/help/KE/")
    for index in range(8):
        add_hours(ChannelFactory(helpline=HelplineFactory(key=f"x{index}")), (2, "08:00", "09:00"))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/en/help/KE/")


def test_opening_the_finder_counts_a_view_for_the_country_and_day_only(client):
    client.get("/en/help/KE/")
    client.get("/en/help/KE/")
    count = DailyCount.objects.get()
    assert (count.country_id, count.event, count.count) == ("KE", "view", 2)


def test_a_tap_is_counted_without_a_cookie_or_csrf_token(client):
    channel = ChannelFactory()
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(f"/en/help/KE/tap/{channel.pk}/")
    assert response.status_code == 204
    assert not response.cookies
    assert DailyCount.objects.get(event="tap").channel == channel
    assert client.get(f"/en/help/KE/tap/{channel.pk}/").status_code == 405


def test_the_embed_page_may_be_framed_and_no_other_page_may(client, frozen):
    _kenya()
    embed = client.get("/embed/help/KE/", {"lang": "ar"})
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    html = embed.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'target="_top"' in html  # quick exit leaves the whole page, not only the frame
    for path in ("/en/help/KE/", "/en/help/", "/en/help/embed/", "/en/"):
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_embed_page_falls_back_to_english_for_an_unknown_language(client):
    html = client.get("/embed/help/KE/", {"lang": "xx"}).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert client.get("/embed/help/ZZ/").status_code == 404


def test_the_snippet_page_gives_the_iframe_code(client):
    html = client.get("/es/help/embed/", {"country": "KE"}).content.decode()
    assert "&lt;iframe src=&quot;http://testserver/embed/help/KE/?lang=es&quot;" in html


def test_export_as_csv_and_json(client):
    ChannelFactory()
    csv_text = client.get("/en/help/export.csv").content.decode()
    assert csv_text.splitlines()[0].startswith("key,kind,country")
    rows = client.get("/en/help/export.json").json()
    assert rows[0]["value"] == "116"
    assert client.get("/en/help/export.xml").status_code == 404


def test_management_pages_need_the_right_person(client):
    assert client.get("/en/help/manage/")["Location"].startswith("/en/accounts/login/")
    client.force_login(UserFactory(role=Role.STAKEHOLDER, organisation=organisation("unicef")))
    assert client.get("/en/help/manage/").status_code == 200
    assert client.get("/en/help/manage/import/").status_code == 403
    assert client.get("/en/help/manage/impact.csv").status_code == 404
    helpline = HelplineFactory(operator=organisation("iwf"))
    assert client.get(f"/en/help/manage/propose/{helpline.key}/").status_code == 403


def _upload(rows, name="directory.csv"):
    return SimpleUploadedFile(name, exchange.rows_to_csv(rows).encode(), content_type="text/csv")


def _row(**values):
    from .test_services import _row

    return _row(**values)


def test_the_import_page_reports_each_bad_row_and_imports_nothing(client):
    client.force_login(SecretariatFactory())
    response = client.post(
        "/en/help/manage/import/",
        {"file": _upload([_row(), _row(key="b", value="+254 1"), _row(key="c", hours="mo x")])},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Nothing was imported. Errors found: 2." in html
    assert re.search(r"<td>2</td><td dir=\"ltr\">value</td>", html)
    assert re.search(r"<td>3</td><td dir=\"ltr\">hours</td>", html)
    assert not Helpline.objects.exists()
    response = client.post("/en/help/manage/import/", {"file": _upload([_row()])})
    assert "Imported. New services: 1;" in response.content.decode()
    assert Helpline.objects.get().key == "childline-ke"


def test_the_import_page_refuses_other_files(client):
    client.force_login(SecretariatFactory())
    response = client.post(
        "/en/help/manage/import/", {"file": SimpleUploadedFile("list.xlsx", b"PK\x03\x04")}
    )
    assert "Upload a .csv or .json file." in response.content.decode()
    latin = SimpleUploadedFile(
        "d.csv", exchange.rows_to_csv([_row(name="Écoute")]).encode("latin-1")
    )
    response = client.post("/en/help/manage/import/", {"file": latin})
    assert "not UTF-8" in response.content.decode()
    assert not Helpline.objects.exists()


def test_a_member_proposes_a_change_and_the_secretariat_accepts_it(client):
    helpline = HelplineFactory(key="iwf", country_id="GB", operator=organisation("iwf"))
    ChannelFactory(helpline=helpline, kind="web", value="https://report.iwf.org.uk/", works_in=[])
    member = UserFactory(role=Role.STAKEHOLDER, organisation=organisation("iwf"))
    client.force_login(member)
    form = client.get("/en/help/manage/propose/iwf/").content.decode()
    assert "https://report.iwf.org.uk/" in form
    rows = exchange.export_rows(Helpline.objects.all())
    bad = client.post(
        "/en/help/manage/propose/iwf/",
        {"rows": exchange.rows_to_csv([rows[0] | {"timezone": "Atlantis"}])},
    )
    assert "“Atlantis” is not a known time zone" in bad.content.decode()
    assert not ChangeProposal.objects.exists()
    client.post(
        "/en/help/manage/propose/iwf/",
        {"rows": exchange.rows_to_csv([rows[0] | {"name": "IWF reporting"}]), "note": "renamed"},
    )
    proposal = ChangeProposal.objects.get()
    client.force_login(SecretariatFactory())
    assert (
        f"/en/help/manage/proposals/{proposal.pk}/"
        in client.get("/en/help/manage/").content.decode()
    )
    response = client.post(f"/en/help/manage/proposals/{proposal.pk}/", {"decision": "accept"})
    assert response.status_code == 302
    helpline.refresh_from_db()
    assert helpline.name == "IWF reporting"


def test_the_secretariat_sees_entries_to_verify_and_downloads_impact(client):
    HelplineFactory(name="Old line", name_en="Old line", last_verified=datetime.date(2020, 1, 1))
    channel = ChannelFactory()
    client.post(f"/en/help/KE/tap/{channel.pk}/")
    client.force_login(SecretariatFactory())
    assert "Old line" in client.get("/en/help/manage/").content.decode()
    lines = client.get("/en/help/manage/impact.csv").content.decode().splitlines()
    assert lines[0] == "day,country,event,service,channel,value,count"
    assert lines[1].endswith(f",KE,tap,{channel.helpline.key},phone,116,1")


def test_other_modules_get_help_open_first_with_the_finder_address(frozen):
    _kenya()
    answer = help.help_for_country("ke")
    assert [s.name for s in answer.services] == ["Day line", "Report line", "Evening line"]
    assert [s.open_now for s in answer.services] == [True, None, False]
    assert answer.services[0].channels[0].href == "sms:+254722178177"
    assert answer.finder_url == "/en/help/KE/"
    # A country with nothing listed keeps core's fallback: 116 111 in the EU.
    assert help.help_for_country("DE").services[0].channels[0].href == "tel:116111"


def test_the_country_profile_section_lists_services_and_gaps():
    from cophub.core.models import Country

    section = next(s for s in profiles.sections() if s.key == "helplines")
    kenya = Country.objects.get(iso2="KE")
    assert section.gaps(kenya) == ["No child helpline listed", "No reporting hotline listed"]
    ChannelFactory()
    assert section.gaps(kenya) == ["No reporting hotline listed"]
    assert [view.helpline.country_id for view in section.data(kenya)] == ["KE"]


def test_a_regional_service_is_shown_to_every_country_of_the_region(client):
    regional = HelplineFactory(
        country=None, region_id="AFR", name="Africa line", name_en="Africa line"
    )
    ChannelFactory(helpline=regional, kind="web", value="https://africa.example.org/", works_in=[])
    assert "Africa line" in client.get("/en/help/TZ/").content.decode()
    assert "Africa line" not in client.get("/en/help/FR/").content.decode()
