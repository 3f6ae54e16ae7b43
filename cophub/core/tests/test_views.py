import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from cophub.core import mandate
from cophub.core.models import MandateParagraph

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"),
        ("zh-CN,zh;q=0.9", "/zh/"),
        ("ar-EG", "/ar/"),
        ("de-DE", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_language_the_browser_asks_for(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_answers_in_each_language_with_its_direction(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if lang == "ar" else "ltr"
    assert re.search(rf'<html lang="{lang}" dir="{direction}">', html)
    assert 'id="quick-exit"' in html
    # The language switcher offers every language, each at its own address.
    for other in LANGUAGES:
        assert f'href="/{other}/" lang="{other}"' in html


def test_pages_are_translated(client):
    expected = {
        "ar": "خروج سريع",
        "zh": "快速离开",
        "fr": "Sortie rapide",
        "ru": "Быстрый выход",
        "es": "Salida rápida",
        "en": "Quick exit",
    }
    for lang, text in expected.items():
        assert text in client.get(f"/{lang}/").content.decode(), lang


@override_settings(QUICK_EXIT_URL="https://neutral.example.org/weather")
def test_quick_exit_is_on_every_public_page(client):
    for path in [
        "/en/",
        "/ar/mandate/",
        "/fr/accounts/login/",
        "/es/accounts/request/",
        "/ru/no-such-page/",
    ]:
        html = client.get(path).content.decode()
        assert (
            '<a id="quick-exit" class="quick-exit" href="https://neutral.example.org/weather"'
            in html
        ), path


def test_unknown_language_prefix_is_a_not_found_page_in_the_browser_language(client):
    response = client.get("/xx/", headers={"accept-language": "fr"})
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "Page not found"), ("ar", "الصفحة غير موجودة"), ("ru", "Страница не найдена")],
)
def test_unknown_url_is_a_not_found_page_in_the_page_language(client, lang, text):
    response = client.get(f"/{lang}/no/such/page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_mandate_list_shows_both_resolutions_with_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    client.get("/en/mandate/")  # counts what serves each paragraph, kept until data changes
    with django_assert_max_num_queries(3):
        response = client.get("/en/mandate/", {"again": 1})
    html = response.content.decode()
    assert "Council Resolution 1306" in html
    assert "Plenipotentiary Resolution 179" in html
    # Each paragraph once in its section; the unserved ones once more in the list of gaps.
    start = html.index('id="unserved"')
    unserved = html[start : html.index("</details>", start)]
    assert MandateParagraph.objects.count() + unserved.count('href="/en/mandate/R') == html.count(
        'href="/en/mandate/R'
    )


def test_mandate_list_shows_coverage_and_the_paragraphs_nothing_serves(client):
    paragraphs = list(MandateParagraph.objects.all())
    served = {p.code for p in paragraphs if mandate.features_serving(p)}
    html = client.get("/en/mandate/").content.decode()
    assert f"{len(served)} of {len(paragraphs)} paragraphs are served" in html
    start = html.index('id="unserved"')
    unserved = html[start : html.index("</details>", start)]
    assert f"Paragraphs with nothing serving them yet: {len(paragraphs) - len(served)}" in unserved
    # The registry of documents serves R1306 §5; nothing is built for R179 SM/5 (informing
    # Member States of new technologies) and no record names it in an empty database.
    assert "R1306/RES/5" in served
    assert 'href="/en/mandate/R179-SM-5/"' in unserved
    assert 'href="/en/mandate/R1306-RES-5/"' not in unserved

    mandate.register_feature(
        mandate.MandateFeature(
            "test-sm5", "A test feature", "Serves SM/5.", "core:mandate", ("R179/SM/5",)
        )
    )
    try:
        again = client.get("/en/mandate/", {"after": "registration"}).content.decode()
    finally:
        mandate.unregister_feature("test-sm5")
    assert f"{len(served) + 1} of {len(paragraphs)} paragraphs are served" in again


def test_every_registered_feature_names_stored_paragraphs():
    assert len(mandate.features()) >= 8
    assert mandate.unknown_feature_paragraphs() == []
    mandate.register_feature(
        mandate.MandateFeature(
            "test-typo", "Typo", "A code that is not stored.", "core:mandate", ("R179/MS/99",)
        )
    )
    try:
        assert mandate.unknown_feature_paragraphs() == [("test-typo", "R179/MS/99")]
    finally:
        mandate.unregister_feature("test-typo")


@pytest.mark.parametrize(
    ("code", "feature_url", "label"),
    [
        ("R1306-RES-5", "/en/documents/", "The public document registry and its feeds"),
        ("R179-COUNCIL-5", "/en/documents/", "The public document registry and its feeds"),
        ("R1306-RES-1.3", "/en/reports/", "Reports to Council"),
        ("R179-BDT-1", "/en/reports/", "Reports to Council"),
        ("R179-MS-2", "/en/reports/", "Gender balance of the delegations"),
        ("R179-MS-10", "/en/help/", "The helpline finder and directory"),
        ("R179-TSB-1", "/en/help/", "The helpline finder and directory"),
        ("R1306-RES-3", "/en/consultations/", "Youth consultations"),
        ("R179-COUNCIL-4", "/en/consultations/", "Youth consultations"),
        ("R179-BDT-6", "/en/statistics/", "The statistics framework"),
        ("R179-MS-14", "/en/statistics/", "The statistics framework"),
        ("R179-SG-1", "/en/coordination/", "The coordination register"),
        ("R179-BDT-3", "/en/coordination/", "The coordination register"),
        ("R1306-RES-1", "/en/meetings/", "The working group&#x27;s meetings"),
        ("R179-MS-1", "/en/meetings/", "The working group&#x27;s meetings"),
        ("R179-COUNCIL-3", "/en/liaisons/", "Liaison statements"),
        ("R179-BDT-2", "/en/liaisons/", "Liaison statements"),
        ("R179-MS-12", "/en/resources/", "The resource repository"),
        ("R179-BDT-5", "/en/resources/guidelines/", "The guidelines in six languages"),
        ("R179-RES-2", "/en/countries/", "Requests for assistance"),
        ("R179-BDT-8", "/en/countries/", "Requests for assistance"),
        ("R179-MS-7", "/en/countries/compare/", "Measures compared against one checklist"),
    ],
)
def test_a_paragraph_page_lists_the_features_that_serve_it(client, code, feature_url, label):
    html = client.get(f"/en/mandate/{code}/").content.decode()
    features = html[html.index('<ul class="features">') :]
    assert f'<a href="{feature_url}">{label}</a>' in features
    assert 'id="nothing-serves"' not in html


def test_a_paragraph_nothing_serves_says_so_in_its_language(client):
    html = client.get("/fr/mandate/R179-SM-5/").content.decode()
    assert 'id="nothing-serves"' in html
    assert "Rien sur COP Hub ne sert encore ce paragraphe" in html


def test_mandate_paragraph_page_shows_the_text_and_what_serves_it(client):
    paragraph = MandateParagraph.objects.get(code="R1306/RES/3")
    mandate.register_provider(
        mandate.MandateProvider(
            key="test-consultations",
            label="Youth consultations",
            records=lambda p: (
                [mandate.MandateWork("Consultation of March 2026", "/en/somewhere/")]
                if p == paragraph
                else []
            ),
        )
    )
    try:
        html = client.get(f"/en/mandate/{paragraph.slug}/").content.decode()
        other = client.get("/en/mandate/R1306-RES-5/").content.decode()
    finally:
        mandate.unregister_provider("test-consultations")
    assert escape(paragraph.text_en) in html
    assert paragraph.title_en in html
    assert '<a href="/en/somewhere/"><bdi>Consultation of March 2026</bdi></a>' in html
    assert "Consultation of March 2026" not in other
    assert "Nothing recorded yet." in other


def test_unknown_mandate_paragraph_is_not_found(client):
    assert client.get("/en/mandate/R179-XYZ-99/").status_code == 404


def test_titles_follow_the_page_language(client):
    paragraph = MandateParagraph.objects.get(code="R1306/RES/3")
    html = client.get(f"/zh/mandate/{paragraph.slug}/").content.decode()
    assert paragraph.title_zh in html


def _shown_text(html: str) -> re.Match:
    """The paragraph's text as the page shows it first, before any hidden Arabic or marked text."""
    return re.search(
        r'<blockquote (lang="\w+" dir="\w+") class="resolution-text">\s*<p>(.*?)</p>', html
    )


@pytest.mark.parametrize("lang", ["fr", "zh", "ru"])
def test_every_paragraph_page_shows_its_text_in_the_page_language_labelled(client, lang):
    with translation.override(lang):
        label = escape(gettext("Unofficial translation"))
    for paragraph in MandateParagraph.objects.all():
        html = client.get(f"/{lang}/mandate/{paragraph.slug}/").content.decode()
        shown = _shown_text(html)
        assert shown.group(1) == f'lang="{lang}" dir="ltr"', paragraph.code
        assert shown.group(2) == escape(getattr(paragraph, f"text_{lang}")), paragraph.code
        assert f"<strong>{label}</strong>" in html, paragraph.code
        # The Arabic text stays one click away, right to left.
        assert (
            f'<blockquote lang="ar" dir="rtl" class="resolution-text"><p>{escape(paragraph.text_ar)}'
            in html
        )
        assert paragraph.source_document in html


def test_arabic_page_shows_the_clean_text_and_the_marked_one_on_request(client):
    paragraph = MandateParagraph.objects.get(code="R179/BDT/1")
    html = client.get(f"/ar/mandate/{paragraph.slug}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    shown = _shown_text(html)
    assert shown.groups() == ('lang="ar" dir="rtl"', paragraph.text_ar)
    assert "(المراجَع في كيغالي، 2022)" in shown.group(2) and "2017" not in shown.group(2)
    with translation.override("ar"):
        assert gettext("Unofficial translation") not in html
        assert gettext("The Arabic text") not in html
    opened = html.index("<details>")
    marked = html[opened : html.index("</details>", opened)]
    assert "<summary>" in marked
    assert "بوينس آيرس، 2017كيغالي، 2022" in marked
    assert 'class="resolution-text marked"' in marked and 'dir="rtl"' in marked
    assert "EUR/44A18/1" in html

    unmarked = client.get("/ar/mandate/R1306-RES-6/").content.decode()
    assert "<details>" not in unmarked
    assert "C24/140-A" in unmarked and "EUR/44A18/1" not in unmarked


def test_healthz_reports_the_database(monkeypatch):
    from django.db import connection
    from django.test import Client

    from cophub.core import views

    clock = [1000.0]
    monkeypatch.setattr(views.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(views, "_answered_at", [-views.HEALTHY_FOR_SECONDS])
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}

    def down():
        raise OSError("connection refused")

    monkeypatch.setattr(connection, "cursor", down)
    clock[0] += 0.5  # an answer is trusted for a second: a flood of probes asks once
    assert Client().get("/healthz").status_code == 200
    clock[0] += 0.6
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}
    clock[0] += 0.1  # a failure is not remembered: the next probe asks again
    assert Client().get("/healthz").status_code == 503
    monkeypatch.undo()


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/en/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/ar/mandate/",
        "/zh/mandate/R1306-RES-1/",
        "/fr/accounts/login/",
        "/ru/accounts/request/",
        "/es/nowhere/",
    ],
)
def test_pages_load_nothing_from_other_sites(client, path):
    html = client.get(path).content.decode()
    off_site = {
        url
        for url in re.findall(r'(?:src|href|action)="([^"]+)"', html)
        if not url.startswith(("/", "#"))
    }
    # The only address on another site is where the quick exit leaves for.
    assert off_site == {settings.QUICK_EXIT_URL}
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
    assert "style=" not in html


def test_dates_and_numbers_follow_the_locale():
    import datetime

    from cophub.core.i18n import format_date, format_number

    day = datetime.date(2026, 3, 5)
    with translation.override("fr"):
        assert format_date(day) == "5 mars 2026"
        assert format_number(1234567.5, 1) == "1\u202f234\u202f567,5"
    with translation.override("ru"):
        assert format_date(day) == "5 марта 2026\u202fг."
    with translation.override("zh"):
        assert format_date(day) == "2026年3月5日"
    with translation.override("es"):
        assert format_number(1234567) == "1.234.567"


def test_a_date_time_in_a_list_gives_its_day_in_the_site_time_zone(settings):
    import datetime

    from django.utils import timezone

    from cophub.core.templatetags.cophub import lday

    settings.TIME_ZONE = "Pacific/Auckland"  # 5 March 23:30 UTC is already 6 March there
    moment = datetime.datetime(2026, 3, 5, 23, 30, tzinfo=datetime.UTC)
    with timezone.override("Pacific/Auckland"), translation.override("fr"):
        assert lday(moment) == "6 mars 2026"
    with translation.override("ar"):
        assert "2026" in lday(moment) and ":" not in lday(moment)
    assert lday(None) == ""


def test_translated_field_falls_back_visibly(client):
    from cophub.core.i18n import translated_value
    from cophub.core.templatetags.cophub import translated

    paragraph = MandateParagraph.objects.get(code="R1306/RES/5")
    paragraph.title_ru = ""
    with translation.override("ru"):
        value = translated_value(paragraph, "title")
        html = translated(paragraph, "title")
        note = translation.gettext("not translated yet")
    assert (value.text, value.language, value.is_fallback) == (paragraph.title_en, "en", True)
    assert note != "not translated yet"
    assert (
        html
        == f'<span lang="en" dir="ltr">{paragraph.title_en}</span> <span class="untranslated">({note})</span>'
    )
    with translation.override("fr"):
        assert translated(paragraph, "title") == paragraph.title_fr


def test_reverse_gives_language_prefixed_addresses():
    with translation.override("ar"):
        assert reverse("core:home") == "/ar/"
        assert reverse("login") == "/ar/accounts/login/"


def test_favicon_is_an_icon_served_from_the_root_like_a_static_file(client):
    from io import BytesIO

    from PIL import Image

    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert "max-age" in response["Cache-Control"]
    icon = Image.open(BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]


def test_home_page_summarises_the_mandate_in_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        html = client.get("/en/").content.decode()
    sections = (
        MandateParagraph.objects.filter(resolution="R179").values("section").distinct().count()
    )
    assert f"{sections} operative sections" in html
    assert '<a href="/en/mandate/#R1306">Council Resolution 1306</a>' in html


def test_language_switcher_keeps_the_query_string_and_works_on_error_pages(client):
    login = client.get("/en/accounts/login/?next=/en/mandate/").content.decode()
    assert 'href="/fr/accounts/login/?next=/en/mandate/" lang="fr"' in login
    missing = client.get("/fr/no-such-page/").content.decode()
    assert 'href="/ar/no-such-page/" lang="ar"' in missing
    assert 'href="/fr/no-such-page/" lang="fr"' in missing


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
@override_settings(CONTACT_EMAIL="secretariat@example.org")
def test_the_footer_links_four_site_pages_written_in_each_language(client, lang):
    home = client.get(f"/{lang}/").content.decode()
    for name in ("privacy", "accessibility", "contact", "terms"):
        assert f'href="/{lang}/{name}/"' in home
        page = client.get(f"/{lang}/{name}/")
        assert page.status_code == 200
        body = page.content.decode()
        assert f'<html lang="{lang}"' in body and 'id="quick-exit"' in body
        # Each language has its own text, not the English one.
        if lang != "en":
            english = client.get(f"/en/{name}/").content.decode()
            assert _main(body) != _main(english)
    contact = client.get(f"/{lang}/contact/").content.decode()
    assert "mailto:secretariat@example.org" in contact and f'href="/{lang}/help/"' in contact
    # The notice tells what docs/data-protection.md tells: a rate-limit count lives 65 s at most.
    assert "65" in client.get(f"/{lang}/privacy/").content.decode()
    accessibility = client.get(f"/{lang}/accessibility/").content.decode()
    assert "WCAG" in accessibility and "2.2" in accessibility


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_the_conformance_check_finds_what_makes_a_page_invalid():
    from .conformance import problems

    assert problems('<!DOCTYPE html><html lang="en"><title>x</title><p>ok</p>') == []
    found = problems('<!DOCTYPE html><html lang="en"><title>x</title><form action=""></form>')
    assert found == ['<form action=""> (must be a non-empty URL)']
    assert problems("<!DOCTYPE html><title>x</title><p>less than <5</p>")


@pytest.mark.parametrize(
    "path", ["/ar/", "/zh/countries/compare/", "/en/privacy/", "/ar/contact/", "/api/v1/docs"]
)
def test_pages_are_valid_html(client, path):
    from .conformance import problems

    assert problems(client.get(path).content.decode()) == []
