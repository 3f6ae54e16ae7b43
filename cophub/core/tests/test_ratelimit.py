"""Rate limits: each class of request sends its limit, then one more, and the one more is refused
with 429 and writes nothing; budgets are per user or per address; a forwarded address is trusted
only behind our own proxy."""

import json

import django_ratelimit.core
import pytest
from django.core.cache import cache
from django.utils import translation

from cophub.accounts.models import AccountRequest
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.coordination.models import Activity
from cophub.core import ratelimit

pytestmark = pytest.mark.django_db

LIMIT = 3
PASSWORD = "a long and safe passphrase"


class FrozenClock:
    """django-ratelimit counts in fixed windows of the clock: a test whose requests straddled a
    window's end would see its count start again. The clock stands still unless moved."""

    def __init__(self):
        self.now = 1_800_000_000.0

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    frozen = FrozenClock()
    monkeypatch.setattr(django_ratelimit.core, "time", frozen)
    return frozen


@pytest.fixture
def limits(settings, clock):
    """The limits on and low, each class its own rate, and no count left from another test."""
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMITS = {
        "signin": f"{LIMIT}/m",
        "write": f"{LIMIT}/m",
        "search": f"{LIMIT}/m",
        "consultation": f"{LIMIT}/m",
        "subscription": f"{LIMIT}/m",
    }
    cache.clear()
    yield settings
    cache.clear()


def account_request(n: int) -> dict:
    return {
        "full_name": f"Ana Souza {n}",
        "email": f"ana{n}@example.org",
        "role": "member_state",
        "country": "BR",
        "position": "Adviser",
        "preferred_language": "es",
    }


def assert_refused_page(response, language: str):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'id="quick-exit"' in html
    return html


def test_sign_in_is_limited_and_the_refused_attempt_signs_no_one_in(client, limits):
    user = DelegateFactory(email="wanjiru@example.org")
    for _ in range(LIMIT):
        response = client.post(
            "/en/accounts/login/", {"username": "wanjiru@example.org", "password": "wrong"}
        )
        assert response.status_code == 422  # the form again, with its error
    response = client.post(
        "/en/accounts/login/", {"username": "wanjiru@example.org", "password": PASSWORD}
    )
    html = assert_refused_page(response, "en")
    assert "has not been saved" in html
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.last_login is None


@pytest.mark.parametrize(
    "path", ["/en/accounts/login/", "/en/admin/login/", "/fr/accounts/password/reset/"]
)
def test_every_way_to_sign_in_draws_on_the_sign_in_budget(client, limits, path):
    limits.RATELIMITS = {**limits.RATELIMITS, "write": "1000/m"}
    for _ in range(LIMIT):
        assert (
            client.post(path, {"username": "a@example.org", "email": "a@example.org"}).status_code
            != 429
        )
    assert client.post(path, {"username": "a@example.org"}).status_code == 429
    # Other writes have a budget of their own.
    assert client.post("/en/accounts/request/", {}).status_code == 422


def test_a_page_form_over_the_limit_stores_nothing_and_says_so_in_the_page_language(client, limits):
    for n in range(LIMIT):
        assert client.post("/es/accounts/request/", account_request(n)).status_code == 302
    response = client.post("/es/accounts/request/", account_request(LIMIT))
    html = assert_refused_page(response, "es")
    with translation.override("es"):
        assert translation.gettext("Too many requests") in html
    assert "Demasiadas" in html
    assert AccountRequest.objects.count() == LIMIT
    assert not AccountRequest.objects.filter(email=f"ana{LIMIT}@example.org").exists()


@pytest.mark.parametrize("language", ["ar", "zh", "en", "fr", "ru", "es"])
def test_the_refusal_page_is_translated_in_every_language(client, limits, language):
    for _ in range(LIMIT):
        client.post(f"/{language}/accounts/request/", {})
    response = client.post(f"/{language}/accounts/request/", {})
    html = assert_refused_page(response, language)
    with translation.override(language):
        title = translation.gettext("Too many requests")
        template = translation.gettext(
            "You have sent a lot in a short time, so what you just sent has not been saved. "
            "Please wait %(wait)s, then try again."
        )
    assert f"<h1>{title}</h1>" in html
    assert template.split("%(wait)s")[0].replace("'", "&#x27;") in html
    if language != "en":
        assert title != "Too many requests"
        assert "has not been saved" not in html


def test_an_api_write_over_the_limit_is_a_problem_and_writes_nothing(client, limits):
    from cophub.coordination.tests.test_api import NEW_ACTIVITY

    client.force_login(SecretariatFactory())
    url = "/api/v1/coordination/activities?lang=fr"
    for n in range(LIMIT):
        body = dict(NEW_ACTIVITY, titles={"fr": f"Campagne {n} contre le cyberharcèlement"})
        assert client.post(url, body, content_type="application/json").status_code == 201
    body = dict(NEW_ACTIVITY, titles={"fr": "Campagne de trop"})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response["Content-Language"] == "fr"
    problem = json.loads(response.content)
    assert problem["status"] == 429
    assert problem["title"] == "Trop de requêtes"
    assert str(problem["detail"]).endswith(f"{response['Retry-After']} s.")
    assert 1 <= int(response["Retry-After"]) <= 61
    assert Activity.objects.count() == LIMIT


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_write_method_to_any_view_draws_on_the_write_budget(client, limits, method):
    """No view is listed anywhere: a write to a view that refuses the method still counts."""
    send = getattr(client, method)
    for _ in range(LIMIT):
        assert send("/en/mandate/").status_code == 405
    assert send("/en/mandate/").status_code == 429
    assert send("/api/v1/regions").status_code == 429
    assert client.get("/en/mandate/").status_code == 200  # reading is not limited


@pytest.mark.parametrize(
    "path",
    [
        "/en/resources/?q=bullying",
        "/api/v1/resources?q=bullying",
        "/en/documents/?q=report",
        "/oai?verb=Identify",
        "/sdmx/rest/data/DF_COP/all",
    ],
)
def test_searches_and_machine_reads_are_limited(client, limits, path):
    for _ in range(LIMIT):
        assert client.get(path).status_code != 429
    response = client.get(path)
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1


def test_reading_without_a_search_is_not_limited(client, limits):
    for _ in range(LIMIT * 3):
        assert client.get("/en/resources/").status_code == 200
        assert client.get("/en/resources/?q=").status_code == 200
        assert client.get("/api/v1/resources").status_code == 200


def test_health_checks_and_static_files_are_never_limited(client, limits):
    limits.RATELIMITS = {**limits.RATELIMITS, "search": "1/m", "write": "1/m"}
    for _ in range(5):
        assert client.get("/healthz?q=x").status_code == 200
        assert client.post("/healthz").status_code == 405  # answered, never counted
    for _ in range(5):
        static = client.get("/static/core/site.css?q=x")
        assert static.status_code == 200
        static.close()


def test_the_budget_comes_back_with_the_next_window(client, limits, clock):
    for _ in range(LIMIT):
        client.get("/en/resources/?q=x")
    response = client.get("/en/resources/?q=x")
    assert response.status_code == 429
    clock.now += int(response["Retry-After"])
    assert client.get("/en/resources/?q=x").status_code == 200


def test_classes_have_budgets_of_their_own(client, limits):
    for _ in range(LIMIT):
        client.get("/en/resources/?q=x")
    assert client.get("/en/resources/?q=x").status_code == 429
    # Searching has used up the search budget only: sign-in and other writes still answer.
    assert client.post("/en/accounts/login/", {"username": "a@example.org"}).status_code == 422
    assert client.post("/en/accounts/request/", {}).status_code == 422


def test_each_user_has_a_budget_of_their_own(client, limits):
    first, second = DelegateFactory(), DelegateFactory()
    client.force_login(first)
    for _ in range(LIMIT):
        client.get("/api/v1/resources?q=x")
    assert client.get("/api/v1/resources?q=x").status_code == 429
    client.force_login(second)
    assert client.get("/api/v1/resources?q=x").status_code == 200


def test_each_address_has_a_budget_of_its_own(client, limits):
    for _ in range(LIMIT):
        client.get("/en/resources/?q=x", REMOTE_ADDR="198.51.100.7")
    assert client.get("/en/resources/?q=x", REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.get("/en/resources/?q=x", REMOTE_ADDR="198.51.100.8").status_code == 200
    # One IPv6 network (/64) is one client, whatever address it takes within it.
    for n in range(LIMIT):
        client.get("/en/resources/?q=x", REMOTE_ADDR=f"2001:db8:1:2::{n + 1}")
    assert client.get("/en/resources/?q=x", REMOTE_ADDR="2001:db8:1:2::ff").status_code == 429
    assert client.get("/en/resources/?q=x", REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_a_forwarded_address_is_ignored_unless_behind_our_proxy(client, limits):
    limits.BEHIND_PROXY = False
    for n in range(LIMIT):
        client.get("/en/resources/?q=x", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    # Each request claimed another address; all came from one connection's address.
    assert client.get("/en/resources/?q=x", HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_our_proxy_the_last_forwarded_hop_is_the_client(client, limits):
    limits.BEHIND_PROXY = True
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # every request reaches us through the load balancer
    for n in range(LIMIT):
        forwarded = f"192.0.2.{n}, 203.0.113.5"  # the client made up the left part
        client.get("/en/resources/?q=x", HTTP_X_FORWARDED_FOR=forwarded, **proxy)
    refused = client.get(
        "/en/resources/?q=x", HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.5", **proxy
    )
    assert refused.status_code == 429
    other = client.get("/en/resources/?q=x", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert other.status_code == 200


def test_the_address_reaches_the_cache_only_as_a_keyed_hash(rf, settings):
    request = rf.get("/en/resources/?q=x", REMOTE_ADDR="198.51.100.7")
    request.user = None
    key = ratelimit.client_key("search", request)
    assert "198.51.100.7" not in key and key.startswith("address:")
    assert ratelimit.client_key("search", request) == key
    settings.SECRET_KEY = "another-" + "k" * 50
    assert ratelimit.client_key("search", request) != key


def test_the_counts_in_the_cache_hold_no_address(client, limits):
    client.get("/en/resources/?q=x", REMOTE_ADDR="198.51.100.7")
    stored = " ".join(str(key) + str(value) for key, value in cache._cache.items())
    assert stored  # the count is there
    assert "198.51.100.7" not in stored


def test_an_unreachable_cache_lets_requests_through(client, limits, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionRefusedError("the cache is down")

    monkeypatch.setattr(cache, "add", unreachable)
    for _ in range(LIMIT + 2):
        assert client.get("/en/resources/?q=x").status_code == 200


def test_limits_can_be_switched_off(client, limits):
    limits.RATELIMIT_ENABLE = False
    for _ in range(LIMIT + 2):
        assert client.get("/en/resources/?q=x").status_code == 200


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_refusal_page_in_a_browser_is_accessible_and_has_the_quick_exit(
    page, live_server, limits, language
):
    from cophub.testing import check_accessibility

    limits.RATELIMITS = {**limits.RATELIMITS, "signin": "1/m"}
    for _ in range(2):
        page.goto(f"{live_server.url}/{language}/accounts/login/")
        page.fill('input[name="username"]', "someone@example.org")
        page.fill('input[name="password"]', "not the password")
        page.click('main button[type="submit"]')
        page.wait_for_load_state()
    with translation.override(language):
        title = translation.gettext("Too many requests")
    assert page.inner_text("h1") == title
    assert page.locator("#quick-exit").is_visible()
    check_accessibility(page)


def test_app_servers_sharing_redis_share_the_counts(client, limits, redis_servers):
    """Two app servers, each with its own Redis client, draw on one budget per address."""
    import redis

    from .conftest import TEST_REDIS_URL

    statuses = []
    for n in range(LIMIT + 1):
        limits.RATELIMIT_USE_CACHE = "server_a" if n % 2 else "server_b"
        statuses.append(client.get("/en/resources/?q=x").status_code)
    assert statuses == [200] * LIMIT + [429]
    connection = redis.Redis.from_url(TEST_REDIS_URL)
    keys = connection.keys(f"{redis_servers}:*")
    assert len(keys) == 1  # one count, under a key that holds no address
    assert b"127.0.0.1" not in keys[0]
    assert 0 < connection.ttl(keys[0]) <= 65
