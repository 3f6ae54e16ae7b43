"""Every URL pattern and every API operation, visited as every role (see access_table.py).

Country A's unpublished records (a draft contribution, a pending proposal, a best practice under
review) carry marker words; every answer of every visit is searched for them, so that a page that
shows them to a role that may not read them fails here, whichever page it is.
"""

import hashlib
import sys
import types

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.cache import cache
from django.db import transaction
from django.test import Client, RequestFactory, override_settings
from django.urls import URLResolver, get_resolver, path
from django.urls.resolvers import LocalePrefixPattern

from cophub.api import api as site_api

from . import access_table as table
from .access_site import (
    ROLES,
    SECRET_ASSISTANCE,
    SECRET_DRAFT,
    SECRET_PRACTICE,
    SECRET_PROPOSAL,
)
from .headers import FRAMEABLE, header_problems, inline_code

pytestmark = pytest.mark.django_db

# Who may read each of country A's unpublished records.
SECRETS = {
    SECRET_DRAFT: {"delegate_a", "secretariat"},
    SECRET_PROPOSAL: {"delegate_a", "secretariat"},
    SECRET_PRACTICE: {"delegate_a", "secretariat"},
    SECRET_ASSISTANCE: {"delegate_a", "secretariat"},
}
# Tables that a refused request may write: the session of the person signed in.
UNTRACKED_TABLES = {"django_session"}
UNTRACKED_FIELDS = {"last_login"}
API_PREFIX = "api/v1/"


# --- what the site has -----------------------------------------------------------------------------


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            part = (
                "{lang}/"
                if isinstance(pattern.pattern, LocalePrefixPattern)
                else str(pattern.pattern)
            )
            yield from _walk(pattern.url_patterns, prefix + part)
        else:
            yield prefix + str(pattern.pattern)


def site_routes() -> set[str]:
    """Every route of the resolver, as written in the table's keys."""
    return set(_walk(get_resolver().url_patterns))


def api_operations(schema: dict) -> set[tuple[str, str]]:
    return {
        (method.upper(), address) for address, operations in schema["paths"].items()
        for method in operations
    }  # fmt: skip


def _as_openapi(route: str) -> str:
    """api/v1/countries/<iso2> → /api/v1/countries/{iso2}"""
    return "/" + route.replace("<", "{").replace(">", "}")


def missing_lines(routes: set[str], operations: set[tuple[str, str]]) -> list[str]:
    """What the table lacks or names in vain; empty when it covers the site exactly."""
    table_routes = set(table.PAGES) | set(table.admin_routes())
    api_paths = {address for _method, address in operations}
    pages = {r for r in routes if not r.startswith(API_PREFIX) or r in table.PAGES}
    api_routes = {r for r in routes if r.startswith(API_PREFIX) and r not in table.PAGES}
    problems = [
        f"URL pattern without a line in access_table.PAGES: {r!r}"
        for r in sorted(pages - table_routes)
    ]
    problems += [
        f"line for a URL pattern that no longer exists: {r!r}" for r in sorted(table_routes - pages)
    ]
    problems += [
        f"API route neither in the OpenAPI schema nor in access_table.PAGES: {r!r}"
        for r in sorted(api_routes)
        if _as_openapi(r) not in api_paths
    ]
    problems += [
        f"API operation without a line in access_table.API: {m} {p}"
        for m, p in sorted(operations - set(table.API))
    ]
    problems += [
        f"line for an API operation that no longer exists: {m} {p}"
        for m, p in sorted(set(table.API) - operations)
    ]
    return problems  # fmt: skip


def test_the_table_covers_every_url_pattern_and_api_operation_exactly():
    problems = missing_lines(site_routes(), api_operations(site_api.get_openapi_schema()))
    assert not problems, "\n".join(problems)


def test_most_of_the_table_is_open_to_anyone_and_so_has_its_headers_checked():
    """Every anonymous 200 answer of the table has its security headers checked (headers.py)."""
    visits = [
        expect
        for visit in [*table.PAGES.values(), *table.API.values()]
        for expect in [visit.get, *(e for _u, e in visit.extra)]
        if expect and expect["anonymous"] == 200
    ]
    assert len(visits) > 100


def test_the_table_covers_every_model_of_the_admin():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(table.ADMIN_MODELS), (
        f"admin models without a line in access_table.ADMIN_MODELS: {registered - set(table.ADMIN_MODELS)}; "
        f"lines for models no longer in the admin: {set(table.ADMIN_MODELS) - registered}"
    )  # fmt: skip


def _view(request):
    raise AssertionError("never called")


def test_a_new_url_pattern_without_a_line_fails_and_is_named():
    from django.conf.urls.i18n import i18n_patterns

    import cophub.urls

    urlconf = types.ModuleType("cophub_urls_with_a_new_page")
    urlconf.urlpatterns = [
        path("exports/everything.zip", _view),
        *cophub.urls.urlpatterns,
        *i18n_patterns(path("drafts/<int:pk>/", _view)),
    ]
    sys.modules[urlconf.__name__] = urlconf
    try:
        with override_settings(ROOT_URLCONF=urlconf.__name__):
            problems = missing_lines(site_routes(), api_operations(site_api.get_openapi_schema()))
    finally:
        del sys.modules[urlconf.__name__]
    assert problems == [
        "URL pattern without a line in access_table.PAGES: 'exports/everything.zip'",
        "URL pattern without a line in access_table.PAGES: '{lang}/drafts/<int:pk>/'",
    ]


def test_a_new_api_operation_without_a_line_fails_and_is_named():
    schema = site_api.get_openapi_schema()
    operations = api_operations(schema) | {("DELETE", "/api/v1/documents/{number}")}
    routes = site_routes() | {"api/v1/exports/<kind>"}
    assert missing_lines(routes, operations) == [
        "API route neither in the OpenAPI schema nor in access_table.PAGES: 'api/v1/exports/<kind>'",
        "API operation without a line in access_table.API: DELETE /api/v1/documents/{number}",
    ]


# --- visiting ------------------------------------------------------------------------------------------


def _snapshot() -> dict[str, str]:
    """A digest of every row of every table, by model (signing in sets last_login: left out)."""
    digests = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in UNTRACKED_TABLES:
            continue
        columns = [f.attname for f in meta.concrete_fields if f.name not in UNTRACKED_FIELDS]
        rows = list(model._base_manager.order_by("pk").values_list(*columns))
        digests[meta.label] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests


def _baseline(site) -> dict[str, str]:
    """Every test and every role starts from the records of the module (each visit is rolled
    back), so their digest is taken once."""
    if not hasattr(site, "baseline"):
        site.baseline = _snapshot()
    return site.baseline


def _outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.split("?")[0] == "/en/accounts/login/":
            return table.LOGIN
        if location.split("?")[0] == "/en/admin/login/":
            return table.ADMIN_LOGIN
    return response.status_code


def _client(site, role) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(site.users[role])
    return client


def _forget_kept_pages():
    from cophub.core import cache as versioned

    cache.clear()
    versioned.forget_in_process()


def _leaks(response, role) -> list[str]:
    if response.streaming or not response.get("Content-Type", "").startswith(
        ("text/", "application/json", "application/xml", "application/atom", "image/svg")
    ):
        return []
    body = response.content.decode()
    return [secret for secret, readers in SECRETS.items() if secret in body and role not in readers]


def _security_problems(route, response) -> list[str]:
    """The headers and inline code of a page an anonymous reader gets (see headers.py)."""
    found = header_problems(response, frameable=route in FRAMEABLE)
    if response["Content-Type"].startswith("text/html"):
        found += inline_code(response.content.decode())
    return found


def _visit(site, route, role, method, url, expected, post=None) -> str | None:
    """What went wrong for this role, or None."""
    refused = method == "POST" and expected != table.ALLOWED
    before = _baseline(site) if refused else None
    with transaction.atomic():
        _forget_kept_pages()
        client = _client(site, role)
        if method == "GET":
            response = client.get(url)
        elif post.json:
            response = client.post(url, post.data(site), content_type="application/json")
        else:
            response = client.post(url, post.data(site))
        changed = []
        if before is not None:
            after = _snapshot()
            changed = sorted(label for label in before if before[label] != after[label])
        transaction.set_rollback(True)
    outcome = _outcome(response)
    problems = []
    if expected == table.ALLOWED:
        if outcome in table.REFUSALS or response.status_code >= 500:
            problems.append(f"refused ({outcome}) where writing is allowed")
    elif expected == table.NO_WRITE:
        if response.status_code >= 500:
            problems.append(f"answered {outcome}")
    elif outcome != expected:
        problems.append(f"answered {outcome}, expected {expected}")
    if changed:
        problems.append(f"wrote to {', '.join(changed)} though refused")
    if leaks := _leaks(response, role):
        problems.append(f"shows country A's unpublished {leaks}")
    if role == "anonymous" and method == "GET" and response.status_code == 200:
        problems += _security_problems(route, response)
    return f"{role:12} {method} {url}: {'; '.join(problems)}" if problems else None


def _check(site, route, visit: table.Visit):
    problems = []
    url = visit.url(site)
    for get_url, expect in [(url, visit.get), *((u(site), e) for u, e in visit.extra)]:
        if expect is None:
            continue
        problems += [_visit(site, route, role, "GET", get_url, expect[role]) for role in ROLES]
    if visit.post is not None:
        post_url = visit.post.url(site) if visit.post.url else url
        problems += [
            _visit(site, route, role, "POST", post_url, visit.post.expect[role], visit.post)
            for role in ROLES
        ]
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", sorted(table.PAGES))
def test_page(site, route):
    _check(site, route, table.PAGES[route])


@pytest.mark.parametrize("operation", sorted(table.API), ids=" ".join)
def test_api(site, operation):
    _check(site, " ".join(operation), table.API[operation])


def _admin_visit(site, label: str, rights: table.AdminModel, suffix: str) -> table.Visit:
    model = apps.get_model(label)
    # The latest record the admin lists to the secretariat (the site's own, not reference data).
    request = RequestFactory().get("/")
    request.user = site.users["secretariat"]
    record = admin.site._registry[model].get_queryset(request).order_by("-pk").first()
    assert record is not None, f"access_site.build_site makes no {label} for its admin pages"
    base = f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/"
    opens = 200 if rights.secretariat else 403
    if suffix == "":
        return table.Visit(lambda s: base, table.staff(opens))
    if suffix == "add/":
        return table.Visit(lambda s: base + "add/", table.staff(opens if rights.add else 403))
    if suffix == "<path:object_id>/delete/":
        deletes = rights.delete and rights.secretariat
        return table.Visit(
            lambda s: f"{base}{record.pk}/delete/",
            table.staff(200 if deletes else 403),
            table.Post(lambda s: {"post": "yes"}, table.staff(table.ALLOWED if deletes else 403)),
        )
    if suffix == "<path:object_id>/":  # the admin's old address of a record: a redirect
        return table.Visit(lambda s: f"{base}{record.pk}/", table.staff(302))
    if suffix == "<id>/password/":
        return table.Visit(lambda s: f"{base}{record.pk}/password/", table.staff(opens))
    action = suffix.removeprefix("<path:object_id>/")
    return table.Visit(lambda s: f"{base}{record.pk}/{action}", table.staff(opens))


@pytest.mark.parametrize("route", sorted(table.admin_routes()))
def test_admin_page(site, route):
    label, suffix = table.admin_routes()[route]
    _check(site, route, _admin_visit(site, label, table.ADMIN_MODELS[label], suffix))


# Writes that need no CSRF token: a counter with no session, cookie or identity behind it.
CSRF_EXEMPT = {"{lang}/help/<str:iso2>/tap/<int:channel_id>/"}


def _writes(visit) -> bool:
    """A write that some role of the site may make (the others are refused by the table)."""
    return bool(visit.post) and table.ALLOWED in visit.post.expect.values()


WRITES = {
    **{route: visit for route, visit in table.PAGES.items() if _writes(visit)},
    **{" ".join(key): visit for key, visit in table.API.items() if _writes(visit)},
}


@pytest.mark.parametrize("route", sorted(WRITES))
def test_a_write_without_its_csrf_token_is_refused(site, route):
    """As the first role allowed to write, from a page of another site (no CSRF token)."""
    visit = WRITES[route]
    role = next(role for role in ROLES if visit.post.expect[role] == table.ALLOWED)
    client = Client(enforce_csrf_checks=True)
    if role != "anonymous":
        client.force_login(site.users[role])
    address = visit.post.url(site) if visit.post.url else visit.url(site)
    data = visit.post.data(site)
    if visit.post.json:
        response = client.post(address, data, content_type="application/json")
    else:
        response = client.post(address, data)
    if route in CSRF_EXEMPT:
        assert response.status_code != 403
    else:
        assert response.status_code == 403, f"{role} POST {address}: {response.status_code}"
        assert _snapshot() == _baseline(site)


def test_the_secretariat_cannot_take_over_the_account_of_a_superuser(site):
    """The secretariat manages accounts, but a superuser's password, address and existence are
    a superuser's business: otherwise the secretariat could sign in with powers it is not given."""
    base = f"/en/admin/accounts/user/{site.superuser.pk}/"
    secretariat, superuser = Client(), Client()
    secretariat.force_login(site.users["secretariat"])
    superuser.force_login(site.superuser)
    password = {"password1": "another long passphrase", "password2": "another long passphrase"}
    change = {"email": "taken@example.org", "full_name": "Taken", "role": "secretariat"}
    for method, address, data in [
        ("post", f"{base}password/", password),
        ("post", f"{base}change/", change),
        ("post", f"{base}delete/", {"post": "yes"}),
        ("get", f"{base}password/", None),
        ("get", f"{base}delete/", None),
    ]:
        response = getattr(secretariat, method)(address, data)
        assert response.status_code == 403, f"{method} {address}: {response.status_code}"
        assert _snapshot() == _baseline(site), f"{method} {address} wrote"
    page = secretariat.get(f"{base}change/")
    assert page.status_code == 200 and 'name="email"' not in page.content.decode()
    assert superuser.get(f"{base}password/").status_code == 200
    assert (
        secretariat.get(f"/en/admin/accounts/user/{site.users['public'].pk}/password/").status_code
        == 200
    )


# --- country A and country B ------------------------------------------------------------------------


def _signed_in(site, role) -> Client:
    client = Client()
    client.force_login(site.users[role])
    return client


def test_only_country_a_sees_the_proposals_for_country_a_on_its_profile(site):
    caption = "Recent proposals for this country"
    assert (
        caption in _signed_in(site, "delegate_a").get(f"/en/countries/{table.A}/").content.decode()
    )
    for role in ("public", "delegate_b", "organisation"):
        page = _signed_in(site, role).get(f"/en/countries/{table.A}/").content.decode()
        assert caption not in page, role
    assert caption not in Client().get(f"/en/countries/{table.A}/").content.decode()


def test_country_b_cannot_revise_a_document_of_country_a(site):
    from .access_table import _docx

    def revise(role):
        return _signed_in(site, role).post(
            "/en/documents/submit/",
            {
                "revise": site.document.slug,
                "version": "revision",
                "document_type": "contribution",
                "title": "Child online protection in Kenyan schools",
                "original_language": "en",
                "file": _docx("Schools in Kenya stop teaching online safety."),
            },
        )

    with transaction.atomic():
        response = revise("delegate_b")
        assert response.status_code == 422
        assert "Only the sources of a document can revise it." in response.content.decode()
        assert _snapshot() == _baseline(site)
        transaction.set_rollback(True)
    with transaction.atomic():
        response = revise("delegate_a")
        assert response.status_code == 302, response.content.decode()
        assert site.document.versions.filter(status="submitted").count() == 1
        transaction.set_rollback(True)


def test_the_records_of_the_module_outlive_the_sign_in_cool_off(site):
    """A run of this module may take longer than the sign-in pause lasts; the pause among the
    module's records (and so every digest of "nothing was written") must stay as it is."""
    from axes.models import AccessAttempt
    from django.utils import timezone

    with transaction.atomic():
        AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(days=1))
        Client().post("/en/accounts/login/", {"username": "someone@example.org", "password": "x"})
        assert AccessAttempt.objects.filter(username="nobody@example.org").exists()
        transaction.set_rollback(True)
