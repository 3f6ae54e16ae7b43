"""The versioned cache: a bump is seen at the next read, by every app server that shares the
cache, and a version the cache has lost never brings an old value back."""

import pytest
from django.db import transaction

from cophub.core.cache import VersionedCache

# bump() asks the database connection whether a transaction is open.
pytestmark = pytest.mark.django_db

# Two app servers, each with its own cache client and its own process memory, on one store: a
# LocMemCache with one LOCATION is one store in this process, as a Redis is for the servers.
SHARED_STORE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"}


@pytest.fixture
def servers(settings):
    settings.CACHES = {**settings.CACHES, "server_a": SHARED_STORE, "server_b": SHARED_STORE}
    a, b = VersionedCache("server_a"), VersionedCache("server_b")
    a._cache.clear()
    yield a, b
    a._cache.clear()


class Counted:
    """A computation that counts its calls and returns what `value` holds now."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


@pytest.mark.parametrize("in_process", [False, True])
def test_a_value_is_kept_until_its_data_changes(servers, in_process):
    server, _other = servers
    figures = Counted("61.5")
    assert server.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "61.5"
    assert server.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "61.5"
    assert figures.calls == 1
    figures.value = "63.0"
    server.bump("figures")
    assert server.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "63.0"
    assert figures.calls == 2
    # Another domain's change leaves this one's values alone.
    server.bump("registry")
    assert server.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "63.0"
    assert figures.calls == 2


@pytest.mark.parametrize("in_process", [False, True])
def test_every_server_sharing_the_cache_sees_a_bump(servers, in_process):
    a, b = servers
    figures = Counted("61.5")
    assert a.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "61.5"
    assert b.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "61.5"
    assert figures.calls == (2 if in_process else 1)  # in process: each server computes once
    figures.value = "63.0"
    a.bump("figures")
    assert b.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "63.0"
    assert a.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "63.0"


@pytest.mark.parametrize("in_process", [False, True])
def test_a_lost_version_never_brings_an_old_value_back(servers, in_process):
    """A version evicted (or Redis restarted) while a change is made: the change's bump may be
    lost with it, but whoever reads next draws a new version, under which nothing is kept."""
    a, b = servers
    figures = Counted("61.5")
    assert a.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "61.5"
    before = a.version("figures")
    a._cache.delete("version:figures")
    figures.value = "63.0"
    assert b.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "63.0"
    assert a.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "63.0"
    assert a.version("figures") == b.version("figures") != before


def test_an_emptied_cache_starts_from_a_new_version(servers):
    a, b = servers
    figures = Counted("61.5")
    a.cached("figures", "KE", figures, timeout=60, in_process=True)
    first = a.version("figures")
    a._cache.clear()
    figures.value = "63.0"
    assert a.cached("figures", "KE", figures, timeout=60, in_process=True) == "63.0"
    assert a.version("figures") not in ("", first)


def test_values_read_together_follow_their_own_data_and_agree_with_one_at_a_time(servers):
    a, b = servers
    figures, registry, empty = Counted("61.5"), Counted(["CWG-COP-25-1"]), Counted(None)

    def together(server):
        return server.cached_many(
            [("figures", "KE", figures), ("registry", "KE", registry), ("figures", "x", empty)],
            timeout=60,
        )

    assert together(a) == ["61.5", ["CWG-COP-25-1"], None]
    assert together(b) == ["61.5", ["CWG-COP-25-1"], None]  # another server finds them
    assert (figures.calls, registry.calls, empty.calls) == (1, 1, 2)  # None is not kept
    assert b.cached("figures", "KE", figures, timeout=60) == "61.5"  # the same entries
    assert figures.calls == 1
    registry.value = ["CWG-COP-25-2"]
    a.bump("registry")
    assert together(b) == ["61.5", ["CWG-COP-25-2"], None]
    assert (figures.calls, registry.calls) == (1, 2)
    # A lost version (an emptied cache) is drawn anew: nothing old comes back.
    figures.value = "63.0"
    a._cache.clear()
    assert together(b) == ["63.0", ["CWG-COP-25-2"], None]
    assert a.version("figures") == b.version("figures")


@pytest.mark.parametrize("fails", ["get", "get_many", "add", "set", "set_many"])
def test_a_cache_that_does_not_answer_costs_a_computation_not_the_answer(
    servers, monkeypatch, fails
):
    server, _other = servers
    figures = Counted("61.5")

    def unreachable(*args, **kwargs):
        raise ConnectionRefusedError("the cache is down")

    server._cache.delete("version:figures")  # so that `add` is asked too
    monkeypatch.setattr(server._cache, fails, unreachable)
    assert server.cached("figures", "KE", figures, timeout=60) == "61.5"
    assert server.cached("figures", "KE", figures, timeout=60, in_process=True) == "61.5"
    assert server.cached_many([("figures", "KE", figures)], timeout=60) == ["61.5"]
    monkeypatch.undo()
    # What was computed while it failed is found or computed again, never wrong.
    figures.value = "63.0"
    server.bump("figures")
    assert server.cached("figures", "KE", figures, timeout=60) == "63.0"


def test_nothing_is_kept_for_a_missing_record(servers):
    server, _other = servers
    missing = Counted(None)
    assert server.cached("consultations", "by-slug:x", missing, timeout=60) is None
    assert server.cached("consultations", "by-slug:x", missing, timeout=60, in_process=True) is None
    assert missing.calls == 2


def test_a_long_key_is_kept_under_its_digest(servers):
    server, _other = servers
    chosen = "+".join(f"C{n:03d}" for n in range(100))
    comparison = Counted("<table>")
    for _ in range(2):
        assert server.cached("figures", f"comparison:{chosen}", comparison, timeout=60) == "<table>"
    assert comparison.calls == 1


@pytest.mark.django_db(transaction=True)
def test_a_reader_between_the_change_and_its_commit_keeps_nothing_stale(servers):
    """Another server reads the data while the change is written but not committed, and keeps
    the old value under the version it read: the bump at the commit makes that version old."""
    a, b = servers
    figures = Counted("61.5")
    with transaction.atomic():
        a.bump("figures")
        # another connection still sees the old figures, and keeps them
        assert b.cached("figures", "KE", figures, timeout=60) == "61.5"
        figures.value = "63.0"  # the commit makes the new figures visible
    assert b.cached("figures", "KE", figures, timeout=60) == "63.0"
    assert a.cached("figures", "KE", figures, timeout=60, in_process=True) == "63.0"


def test_a_rolled_back_change_costs_a_recomputation_only(servers):
    a, _b = servers
    figures = Counted("61.5")
    a.cached("figures", "KE", figures, timeout=60)
    with pytest.raises(RuntimeError), transaction.atomic():
        a.bump("figures")
        raise RuntimeError
    assert a.cached("figures", "KE", figures, timeout=60) == "61.5"
    assert figures.calls == 2


def test_app_servers_sharing_redis_see_each_others_bumps(redis_servers):
    import redis

    from .conftest import TEST_REDIS_URL

    a, b = VersionedCache("server_a"), VersionedCache("server_b")
    figures = Counted("61.5")
    for in_process in (False, True):
        assert b.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "61.5"
    figures.value = "63.0"
    a.bump("figures")
    for in_process in (False, True):
        assert b.cached("figures", "KE", figures, timeout=60, in_process=in_process) == "63.0"
    # Redis evicts the version (allkeys-lru): the next read draws a new one.
    redis.Redis.from_url(TEST_REDIS_URL).delete(f"{redis_servers}:1:version:figures")
    figures.value = "64.5"
    assert b.cached("figures", "KE", figures, timeout=60) == "64.5"


def test_the_redis_cache_keeps_one_client_per_pool_and_works_across_threads(redis_servers):
    import threading

    from django.core.cache import caches

    cache = caches["server_a"]
    cache.set("one", 1)
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client  # one server: reads and writes share its pool
    errors = []

    def work(n):
        try:
            for i in range(50):
                cache.set(f"t{n}:{i}", i)
                assert cache.get(f"t{n}:{i}") == i
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert cache.get_many(["one", "t3:49"]) == {"one": 1, "t3:49": 49}
    assert cache._cache.get_client() is client
