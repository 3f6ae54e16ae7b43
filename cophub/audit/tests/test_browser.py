"""The secretariat edits a record, finds the change in the audit log and exports it, in Chromium
with axe-core on every page, in English and Arabic."""

import csv
import io

import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.accounts.tests.signing_in import sign_in
from cophub.coordination.tests.factories import make_activity
from cophub.testing import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_secretariat_finds_its_edit_in_the_log_and_exports_it(page, live_server, lang):
    activity = make_activity()
    SecretariatFactory(email=f"clerk-{lang}@itu.example")
    sign_in(page, live_server, lang, f"clerk-{lang}@itu.example")

    page.goto(f"{live_server.url}/{lang}/coordination/{activity.slug}/edit/")
    page.fill("#id_title", f"Cyberbullying campaign in Kenya ({lang})")
    page.click("main form.form button[type=submit]")
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/{lang}/audit/")
    check_accessibility(page)
    page.select_option("#id_model", "coordination.activity")
    page.fill("#id_object", f"Kenya ({lang})")
    page.click("form.audit-filters button[type=submit]")
    page.wait_for_load_state()
    check_accessibility(page)
    row = page.locator("#audit-entries tbody tr").first
    assert f"clerk-{lang}@itu.example" in row.inner_text()
    row.locator("summary").click()
    changes = row.locator(".audit-changes").inner_text()
    assert "Cyberbullying awareness campaign in Kenyan schools" in changes
    assert f"Cyberbullying campaign in Kenya ({lang})" in changes
    check_accessibility(page)

    with page.expect_download() as download_info:
        page.locator(".audit-exports a").first.click()
    path = download_info.value.path()
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8").read())))
    assert {r["model"] for r in rows} == {"coordination.activity"}
    assert any(f"Kenya ({lang})" in r["object_label"] for r in rows)

    # A wrong date range is explained on the page, in the page's language.
    page.goto(f"{live_server.url}/{lang}/audit/?date_from=2026-02-10&date_to=2026-02-01")
    assert page.locator("#error-summary").is_visible()
    check_accessibility(page)
