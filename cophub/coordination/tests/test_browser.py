"""The register as the secretariat and a reader meet it, in Chromium, with axe-core on every page:
an activity added in French is found to overlap an English one, the pair is marked, and the mark
is on the organisation's page; the public pages in English and Arabic."""

import datetime
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from cophub.accounts.tests import signing_in
from cophub.accounts.tests.factories import SecretariatFactory
from cophub.coordination import services
from cophub.coordination.models import Activity, OverlapMark
from cophub.testing import check_accessibility

from .factories import make_activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and safe passphrase"


def _sign_in(page, live_server, lang, email):
    signing_in.sign_in(page, live_server, lang, email, PASSWORD)


def test_a_french_activity_overlapping_an_english_one_is_found_marked_and_shown(page, live_server):
    english = make_activity(organisation="bdt")
    make_activity(titles={"en": "Household survey of children's internet use"}, kind="research",
                  descriptions={"en": "Indicators for statistics offices."}, countries=["BR"])  # fmt: skip
    SecretariatFactory(email="secretariat@example.org")
    _sign_in(page, live_server, "fr", "secretariat@example.org")

    page.goto(f"{live_server.url}/fr/coordination/add/")
    check_accessibility(page)
    page.select_option("#id_organisation", "unicef")
    page.select_option("#id_kind", "campaign")
    page.select_option("#id_original_language", "fr")
    page.fill("#id_title", "Campagne contre le cyberharcèlement dans les écoles kényanes")
    page.fill(
        "#id_description", "Affiches et ateliers sur le harcèlement en ligne pour les élèves."
    )
    page.fill("#id_starts_on", "2025-03-01")
    page.fill("#id_ends_on", "2025-12-31")
    page.check("#id_countries input[value=KE]")
    page.fill("#id_contact_role", "Bureau de pays, protection de l'enfance")
    page.click("main form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/fr/coordination/[\w-]+/overlaps/$"))

    # The English activity is listed first, with its score and its reasons in French.
    candidate = page.locator("#candidates > li").first
    assert candidate.get_attribute("data-activity") == english.slug
    reasons = candidate.locator(".co-reasons li").all_inner_texts()
    assert "Thèmes communs : Cyberharcèlement" in reasons[0]
    assert "Pays communs : Kenya" in reasons
    assert "Leurs dates se chevauchent" in reasons
    assert "Score" in candidate.locator(".co-score").inner_text()
    assert page.locator("#candidates > li").count() == 1
    check_accessibility(page)

    # The secretariat marks the pair as a duplicate.
    candidate.get_by_label("Doublon").check()
    candidate.locator("textarea").fill("Même public, mêmes écoles : une seule campagne.")
    candidate.locator("button[type=submit]").click()
    page.wait_for_load_state()
    with translation.override("fr"):
        assert gettext("The decision is recorded.") in page.locator(".messages").inner_text()
    assert page.locator("#candidates > li .co-mark").first.inner_text() == "Doublon"
    french = Activity.objects.get(original_language="fr")
    mark = OverlapMark.objects.get()
    assert {mark.first, mark.second} == {english, french}
    assert mark.relation == "duplicate"

    # The mark is on the organisation's page, both sides of the pair.
    for code in ("unicef", "itu-d"):
        page.goto(f"{live_server.url}/fr/coordination/organisations/{code}/")
        marks = page.locator("section[aria-labelledby=marks-heading]")
        assert "Doublon" in marks.inner_text()
        assert "Même public, mêmes écoles" in marks.inner_text()
        assert marks.locator(f"a[href='/fr/coordination/{english.slug}/']").count() == 1
        check_accessibility(page)


def test_bad_input_is_said_in_the_form_and_nothing_is_stored(page, live_server):
    SecretariatFactory(email="secretariat@example.org")
    _sign_in(page, live_server, "ar", "secretariat@example.org")
    page.goto(f"{live_server.url}/ar/coordination/add/")
    page.select_option("#id_organisation", "unicef")
    page.select_option("#id_original_language", "en")
    page.fill("#id_title", "Campaign")
    page.fill("#id_description", "Posters.")
    page.fill("#id_starts_on", "2025-03-01")
    page.fill("#id_ends_on", "2025-01-01")
    page.click("main form.form button[type=submit]")
    page.wait_for_load_state()
    assert "لا يمكن أن ينتهي النشاط قبل أن يبدأ." in page.locator("#error-summary").inner_text()
    assert page.get_attribute("html", "dir") == "rtl"
    check_accessibility(page)
    assert not Activity.objects.exists()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_public_pages_are_accessible(page, live_server, lang):
    english = make_activity(contact_role="COP focal point, BDT", is_demo=True)
    french = make_activity(organisation="unicef", original_language="fr", titles={"fr": "Campagne contre le cyberharcèlement au Kenya"},
                           descriptions={}, starts_on=datetime.date(2024, 3, 1), ends_on=None)  # fmt: skip
    make_activity(organisation="unodc", kind="training", titles={"ar": "تدريب المحققين على مكافحة استدراج الأطفال"},
                  descriptions={}, original_language="ar", countries=[], regions=["ARB"])  # fmt: skip
    services.mark_pair(
        activity=english, other=french, relation="complementary", user=SecretariatFactory()
    )
    pages = [
        "coordination/", "coordination/?kind=campaign&country=KE", "coordination/timeline/",
        "coordination/organisations/", "coordination/organisations/unicef/", "coordination/topics/",
        "coordination/topics/cyberbullying/", f"coordination/{english.slug}/",
    ]  # fmt: skip
    for path in pages:
        response = page.goto(f"{live_server.url}/{lang}/{path}")
        assert response.status == 200, path
        assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
        check_accessibility(page)
    assert "COP focal point, BDT" in page.locator("main").inner_text()
    assert page.locator("main .co-mark-complementary").count() == 1


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_secretariat_pages_are_accessible(page, live_server, lang):
    english = make_activity()
    make_activity(organisation="unicef", original_language="ar", titles={"ar": "حملة ضد التنمر الإلكتروني في مدارس كينيا"},
                  descriptions={})  # fmt: skip
    SecretariatFactory(email="secretariat@example.org")
    _sign_in(page, live_server, lang, "secretariat@example.org")
    page.goto(f"{live_server.url}/{lang}/coordination/{english.slug}/overlaps/")
    assert page.locator("#candidates > li").count() == 1
    assert page.locator("#candidates .co-reasons li").count() >= 3
    check_accessibility(page)
    page.goto(f"{live_server.url}/{lang}/coordination/{english.slug}/edit/")
    assert page.input_value("#id_title") == "Cyberbullying awareness campaign in Kenyan schools"
    check_accessibility(page)
