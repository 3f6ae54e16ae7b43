"""The demo site, loaded once for the module: every page is valid HTML (conformance.py), in
English and in Arabic for a reader, in Arabic for the secretariat at its desk (its own pages, and
its links and buttons on the others); and every read operation of the API answers it as the
schema says.

From the home page (and the desk), every link of the site is followed, and one address of each URL
pattern (with each set of query parameters) is checked, so that a new page is checked as soon as a
link leads to it; the public patterns of the access table that no link reaches fail the test, so
that none is left out unseen.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from hypothesis import given
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode

from cophub.core.i18n import LANGUAGE_CODES

from . import access_table as table
from .conformance import problems
from .fuzzing import fuzz_settings, rolled_back
from .test_schema_api import CHECKS, in_process, schema

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

LINK = re.compile(r'href="(/[^"#]*)"')
# Not HTML pages, or pages of another kind: files, feeds, the API and its documentation (checked in
# test_views.py), the Django admin, and signing out.
NOT_A_PAGE = re.compile(
    r"\.(csv|json|pdf|docx|xlsx|svg|atom|ics|ico|png|xml|zip)(\?|$)|/files/|^/api/|^/static/"
    r"|^/media/|^/feeds/|^/oai|^/sdmx/|/admin/|/logout/"
)
# The same, as the access table writes a pattern.
FILE_OR_SERVICE = re.compile(
    r"\\?\.(csv|json|pdf|docx|xlsx|svg|atom|ics|xml|zip)\b|\.<str:file_format>"
    r"|^(api|oai|sdmx|feeds)\b|admin/|/files/"
)
# Pages that no link of the demo site leads to: a country's help page is reached by the finder's
# form, a comparison by choosing countries, a search by typing, the embeddable finder from
# another site, the pages after a form is sent by the form; and the secretariat's pages that its
# desk does not link (it reaches them from the e-mails it gets or by their addresses).
NOT_LINKED = [
    "/{lang}/help/KE/",
    "/{lang}/help/embed/?country=KE",
    "/embed/help/KE/?lang={lang}",
    "/{lang}/statistics/CYBERBULLYING/?countries=KE&countries=BR&countries=SA",
    "/{lang}/documents/?q=online",
    "/{lang}/resources/?q=online",
    "/{lang}/accounts/password/reset/sent/",
    "/{lang}/accounts/password/reset/done/",
    "/{lang}/accounts/request/sent/",
    "/{lang}/consultations/safe-online/take-part/",
]
SECRETARIAT_NOT_LINKED = [
    "/{lang}/help/manage/import/",
    "/{lang}/help/manage/to-confirm/",
    "/{lang}/trainings/new/",
    "/{lang}/consultations/safe-online/preview/",
]
# Signed-in pages the secretariat works in, which must be among the pages checked.
SECRETARIAT_PAGES = {
    "{lang}/desk/",
    "{lang}/meetings/manage/",
    "{lang}/meetings/<str:code>/manage/",
    "{lang}/meetings/<str:code>/report/",
    "{lang}/reports/annual/<year:year>/write/",
    "{lang}/reports/<reportkind:kind>/<year:year>/write/",
    "{lang}/reports/final/write/",
    "{lang}/reports/generations/<int:pk>/",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data set, loaded once for the module and rolled back after it."""
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("loaddemo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
        yield
        transaction.set_rollback(True)


def _pattern(url: str) -> str | None:
    """The URL pattern of an address, as the access table writes it."""
    path = urlsplit(url).path
    language = path.split("/")[1]
    if language not in LANGUAGE_CODES:
        language = None
    try:
        with translation.override(language):
            route = resolve(path).route
    except Resolver404:
        return None
    return "{lang}/" + route.removeprefix(f"{language}/") if language else route


@dataclass
class Crawl:
    language: str
    checked: dict = field(default_factory=lambda: defaultdict(list))  # pattern → addresses
    invalid: dict = field(default_factory=dict)  # address → problems

    def ours(self, url: str) -> bool:
        local = url.startswith((f"/{self.language}/", "/embed/"))
        return local and not NOT_A_PAGE.search(url)

    def run(self, client: Client, start: list[str], most: int | None = None) -> "Crawl":
        queue, seen = list(start), set()
        while queue and (most is None or sum(map(len, self.checked.values())) < most):
            url = queue.pop(0).replace("&amp;", "&")
            pattern = _pattern(url)
            key = (pattern, tuple(sorted(parse_qs(urlsplit(url).query))))
            if url in seen or pattern is None or key in seen:
                continue
            seen |= {url, key}
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            self.checked[pattern].append(url)
            html = response.content.decode()
            if found := problems(html):
                self.invalid[url] = found
            queue += [link for link in LINK.findall(html) if self.ours(link)]
        return self


def _public_patterns() -> set[str]:
    """The patterns of the access table that anyone may read as an HTML page."""
    return {
        route.replace("^", "")
        for route, visit in table.PAGES.items()
        if visit.get
        and visit.get["anonymous"] == 200
        and not FILE_OR_SERVICE.search(route.replace("^", ""))
    }


def _secretariat_client() -> tuple[Client, object]:
    """A client signed in as the demo secretariat, both steps done, and its user."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from cophub.accounts.demo import DEMO_SECRETARIAT_EMAIL

    device = TOTPDevice.objects.get(user__email=DEMO_SECRETARIAT_EMAIL, confirmed=True)
    client = Client()
    client.force_login(device.user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # signed in with the second step
    session.save()
    return client, device.user


def _records(lang: str) -> list[str]:
    """Pages of records that only some of their kind have links to: a revised document (its
    comparison with the original), a resource with an earlier edition, a subscription's pages."""
    from cophub.resources.models import Resource
    from cophub.workgroup import services as workgroup_services
    from cophub.workgroup.models import Document

    revised = Document.objects.filter(version="revision").order_by("pk").first()
    later = Resource.objects.filter(previous_edition__isnull=False).order_by("pk").first()
    subscription = workgroup_services.subscribe(email="reader@example.org")
    return [
        f"/{lang}/documents/{revised.slug}/",
        f"/{lang}/resources/{later.slug}/",
        f"/{lang}/documents/subscribe/confirm/{subscription.token}/",
        f"/{lang}/documents/unsubscribe/{subscription.token}/",
    ]


def _report_generation(lang: str, user) -> str:
    """The page of a report's generation, which the secretariat starts from the report's page."""
    from cophub.workgroup.models import ReportGeneration
    from cophub.workgroup.report_editions import edition

    generation = ReportGeneration.objects.create(
        edition=edition("annual", timezone.localdate().year - 1),
        requested_by=user,
    )
    return f"/{lang}/reports/generations/{generation.pk}/"


def _start(lang: str, *paths: str) -> list[str]:
    return [path.format(lang=lang) for path in [*paths, *NOT_LINKED]] + _records(lang)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_public_page_is_valid_html(demo, lang):
    crawl = Crawl(lang).run(Client(), _start(lang, "/{lang}/"))
    assert crawl.invalid == {}
    unreached = _public_patterns() - set(crawl.checked)
    assert unreached == set(), "public pages that no link reaches (add them to NOT_LINKED)"


def test_every_page_of_the_secretariat_is_valid_html_in_arabic(demo):
    """The secretariat's pages and what it sees of the others (its own links and buttons)."""
    client, user = _secretariat_client()
    start = _start("ar", "/{lang}/desk/", *SECRETARIAT_NOT_LINKED, "/{lang}/")
    crawl = Crawl("ar").run(client, [_report_generation("ar", user), *start])
    assert crawl.invalid == {}
    assert SECRETARIAT_PAGES - set(crawl.checked) == set()


def test_the_crawl_finds_an_invalid_page_and_names_it(db, monkeypatch):
    import cophub.core.tests.test_demo_site as this

    monkeypatch.setattr(this, "problems", lambda html: ["<p> in <ul>"] if "WCAG" in html else [])
    start = ["/en/accessibility/", "/en/accessibility/?x=1", "/en/accessibility/?x=2"]
    crawl = Crawl("en").run(Client(), start, most=8)
    assert crawl.invalid == {address: ["<p> in <ul>"] for address in start[:2]}
    # One address per pattern and set of parameters; then the links of the pages it read.
    assert crawl.checked["{lang}/accessibility/"] == start[:2]
    assert sum(map(len, crawl.checked.values())) == 8 and "{lang}/" in crawl.checked


# test_schema_api.py runs the API over a few records made for it; the demo data has what real use has (opening
# hours, revisions, withdrawn documents, liaisons, statistics with gaps ...). Each read operation
# is called with requests the schema allows, a bounded number per operation, against it: every
# one must be accepted (no 422 for a value the schema offers) and answered as the schema says.
DEMO_EXAMPLES = 8


def test_the_demo_data_is_answered_as_the_schema_says(demo):
    failures = []
    with in_process():
        for result in schema.include(method="GET").get_all_operations():
            operation = result.ok()

            @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
            @fuzz_settings(DEMO_EXAMPLES)
            def call(case):
                with rolled_back():  # one database error must not end the rest of the run
                    case.call_and_validate(checks=[*CHECKS, positive_data_acceptance])

            try:
                call()
            except Exception as error:  # noqa: BLE001 - every operation is tried, then reported
                failures.append(f"{operation.label}: {str(error)[:2000]}")
    assert not failures, "\n\n".join(failures)
