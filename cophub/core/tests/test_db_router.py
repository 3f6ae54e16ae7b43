"""The read-replica router: reads to the replica, writes and the reads that must see them to the
primary, migrations on the primary only."""

import contextvars
import copy

import pytest
from django.db import connections
from django.db.utils import InternalError
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cophub.accounts.models import User
from cophub.accounts.tests.factories import UserFactory
from cophub.core import db_router
from cophub.core.db_router import PIN_COOKIE, PrimaryReplicaRouter


def fresh(function, *args, **kwargs):
    """Run in a context of its own, as each request does, so that no pin leaks between tests."""
    return contextvars.Context().run(function, *args, **kwargs)


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)


def test_without_a_replica_everything_goes_to_the_primary():
    router = PrimaryReplicaRouter()
    assert fresh(router.db_for_read, User) == "default"
    assert fresh(router.db_for_write, User) == "default"


def test_reads_go_to_the_replica_and_writes_to_the_primary(with_replica):
    router = PrimaryReplicaRouter()
    assert fresh(router.db_for_read, User) == "replica"
    assert fresh(router.db_for_write, User) == "default"


def test_a_write_pins_the_reads_that_follow_to_the_primary(with_replica):
    router = PrimaryReplicaRouter()

    def read_write_read():
        before = router.db_for_read(User)
        router.db_for_write(User)
        return before, router.db_for_read(User)

    assert fresh(read_write_read) == ("replica", "default")


def test_reads_in_a_block_pinned_to_the_primary_go_to_the_primary(with_replica):
    router = PrimaryReplicaRouter()

    def inside_and_after():
        with db_router.pinned_to_primary():
            inside = router.db_for_read(User)
        return inside, router.db_for_read(User)

    assert fresh(inside_and_after) == ("default", "replica")


def test_reads_inside_a_transaction_on_the_primary_go_to_the_primary(with_replica, monkeypatch):
    monkeypatch.setattr(connections["default"], "in_atomic_block", True)

    def read():
        # A copy of this context, so that it sees the same connection, with no pin of its own.
        db_router._pinned.set(False)
        return PrimaryReplicaRouter().db_for_read(User)

    assert contextvars.copy_context().run(read) == "default"


def test_migrations_run_on_the_primary_only():
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "accounts", "user") is True
    assert router.allow_migrate("replica", "accounts", "user") is False


def test_select_for_update_is_sent_to_the_primary(with_replica):
    # Django routes it as a write: the services' locked read-then-write steps never read the
    # replica (and they run in a transaction, where every read goes to the primary).
    assert fresh(lambda: User.objects.all().db) == "replica"
    assert fresh(lambda: User.objects.select_for_update().db) == "default"


def _through_middleware(request, *, write=False):
    seen = {}

    def view(request):
        seen["before"] = db_router.is_pinned()
        if write:
            PrimaryReplicaRouter().db_for_write(User)
        return HttpResponse("ok")

    response = db_router.pin_to_primary_middleware(view)(request)
    return seen["before"], response


def test_a_get_reads_the_replica_and_sets_no_cookie(with_replica):
    pinned, response = fresh(_through_middleware, RequestFactory().get("/en/"))
    assert pinned is False
    assert PIN_COOKIE not in response.cookies


def test_a_post_is_pinned_and_pins_the_browser_for_a_few_seconds(with_replica, settings):
    settings.REPLICA_PIN_SECONDS = 7
    pinned, response = fresh(_through_middleware, RequestFactory().post("/en/"))
    assert pinned is True
    assert response.cookies[PIN_COOKIE]["max-age"] == 7
    assert response.cookies[PIN_COOKIE]["httponly"] is True


def test_a_get_that_writes_pins_the_browser(with_replica):
    pinned, response = fresh(_through_middleware, RequestFactory().get("/en/"), write=True)
    assert pinned is False
    assert PIN_COOKIE in response.cookies


def test_a_browser_that_wrote_a_moment_ago_reads_the_primary(with_replica):
    request = RequestFactory().get("/en/")
    request.COOKIES[PIN_COOKIE] = "1"
    pinned, response = fresh(_through_middleware, request)
    assert pinned is True
    assert PIN_COOKIE not in response.cookies  # the pin is not extended by reading


def test_the_pin_ends_with_the_request(with_replica):
    def post_then_state():
        _through_middleware(RequestFactory().post("/en/"))
        return db_router.is_pinned()

    assert fresh(post_then_state) is False


def test_without_a_replica_the_middleware_sets_no_cookie():
    _pinned, response = fresh(_through_middleware, RequestFactory().post("/en/"))
    assert PIN_COOKIE not in response.cookies


@pytest.fixture
def read_only_replica(with_replica):
    """A second alias on the same PostgreSQL database, in read-only transactions: a write routed
    there fails, and the queries each alias runs can be counted."""
    primary = connections["default"].settings_dict
    replica = copy.deepcopy(primary)
    replica["OPTIONS"] = {
        **replica.get("OPTIONS", {}),
        "options": "-c default_transaction_read_only=on",
    }
    # A connection made here, outside DATABASES, as a test database's settings are fixed.
    connections["replica"] = connections["default"].__class__(replica, alias="replica")
    yield connections["replica"]
    connections["replica"].close()
    del connections["replica"]


@pytest.mark.django_db(transaction=True)
def test_pages_read_the_replica_and_a_sign_in_reads_its_own_write(read_only_replica, client):
    with read_only_replica.cursor() as cursor, pytest.raises(InternalError):
        cursor.execute("CREATE TABLE replica_is_read_only (id int)")
    UserFactory(email="reader@example.org")

    with (
        CaptureQueriesContext(read_only_replica) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        assert client.get(reverse("core:home")).status_code == 200
    assert len(on_replica) > 0
    assert len(on_primary) == 0

    with CaptureQueriesContext(read_only_replica) as on_replica:
        response = client.post(
            reverse("login"),
            {"username": "reader@example.org", "password": "a long and safe passphrase"},
        )
    assert response.status_code == 302, response.content.decode()[:500]
    assert len(on_replica) == 0
    assert PIN_COOKIE in response.cookies

    # The page the sign-in leads to reads the new session from the primary.
    with CaptureQueriesContext(read_only_replica) as on_replica:
        profile = client.get(response["Location"])
    assert profile.status_code == 200
    assert b"reader@example.org" in profile.content
    assert len(on_replica) == 0

    # Once the pin has expired, the same signed-in person's pages read the replica.
    del client.cookies[PIN_COOKIE]
    with CaptureQueriesContext(read_only_replica) as on_replica:
        assert client.get(reverse("accounts:profile")).status_code == 200
    assert len(on_replica) > 0
