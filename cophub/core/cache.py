"""Versioned caching, the one way every app keeps what it computed from its data.

Each domain's data has a named version (`"statistics"`, `"workgroup-registry"`, ...), kept in
Django's cache: Redis in production, so that every app server sees a change as soon as one of
them makes it. The services that change the data call `bump(name)`; the selectors read through
`cached(name, key, compute, timeout=...)`, which keys what it keeps by the current version, so a
value computed before a change is never read after it.

A version is a random token, not a counter: when the cache loses it (a restart, an empty Redis,
an eviction under `allkeys-lru`), the next read draws a new one, and whatever was kept under any
earlier token is never read again. A lost version costs a recomputation, never a stale answer.
"""

import hashlib
import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import transaction

T = TypeVar("T")

logger = logging.getLogger(__name__)

try:  # Django's Redis cache raises the client's own errors when the server is unreachable.
    from redis.exceptions import RedisError

    CACHE_ERRORS: tuple[type[Exception], ...] = (OSError, RedisError)
except ImportError:  # pragma: no cover - only without the redis package (no Redis cache)
    CACHE_ERRORS = (OSError,)

_MISSING = object()
# Values kept in a process's memory at most (see `cached(in_process=True)`); the oldest half goes
# when it is full.
IN_PROCESS_AT_MOST = 500


def _short(key: str) -> str:
    """`key`, or its digest when it is too long or holds what some cache backends refuse in a
    key (spaces, control characters): a choice of many countries makes a long key."""
    if len(key) <= 200 and key.isprintable() and " " not in key:
        return key
    return hashlib.sha256(key.encode()).hexdigest()


class VersionedCache:
    """Versions and values in one Django cache (`alias`), with this process's own memory of
    values that are dearer to unpickle than to keep."""

    def __init__(self, alias: str = "default"):
        self.alias = alias
        self._kept: dict[tuple[str, str], tuple[str, float, object]] = {}
        self._lock = threading.Lock()
        # Versions as this process last read or wrote them, with when (see `versions`).
        self._read: dict[str, tuple[str, float]] = {}

    @property
    def _cache(self):
        return caches[self.alias]

    def version(self, name: str) -> str:
        """The current version of `name`'s data; a new one when the cache has none."""
        key = f"version:{name}"
        current = self._cache.get(key)
        if current is None:
            # add, not set: of two processes that find no version, the first one's token is kept
            # and the other reads it back.
            self._cache.add(key, secrets.token_hex(8), timeout=None)
            current = self._cache.get(key)
        # A cache that keeps nothing (the dummy backend) gives a version per read: nothing is
        # ever found, which is right.
        return current or secrets.token_hex(8)

    def bump(self, name: str) -> None:
        """Give `name` a new version now, and another once the caller's transaction commits.

        The first makes the change visible to the rest of the caller's transaction; the second
        is the one other processes rely on: one of them may have read the data between the first
        bump and the commit, and kept the old data under the new version."""
        self._new_version(name)
        transaction.on_commit(lambda: self._new_version(name))

    def _new_version(self, name: str) -> None:
        token = secrets.token_hex(8)
        self._cache.set(f"version:{name}", token, timeout=None)
        self._read[name] = (token, time.monotonic())

    def versions(self, names: tuple[str, ...], *, max_age: float = 0.0) -> tuple[str | None, ...]:
        """The current versions of `names` (None where the cache has none), in one round trip
        for those this process has not read or written in the last `max_age` seconds. A version
        another process raised is seen up to `max_age` seconds late; one this process raised, at
        once."""
        now = time.monotonic()
        found = {
            name: read[0]
            for name in names
            if (read := self._read.get(name)) is not None and now - read[1] <= max_age
        }
        missing = [name for name in names if name not in found]
        if missing:
            fetched = self._cache.get_many([f"version:{name}" for name in missing])
            for name in missing:
                value = fetched.get(f"version:{name}")
                found[name] = value
                if value is not None:
                    self._read[name] = (value, now)
        return tuple(found[name] for name in names)

    def renew(self, name: str) -> None:
        """Give `name` a new version now (and nothing more; `bump` is what services call)."""
        self._new_version(name)

    def cached(
        self,
        name: str,
        key: str,
        compute: Callable[[], T],
        *,
        timeout: int,
        in_process: bool = False,
    ) -> T:
        """`compute()`, kept under `key` until `name` changes or `timeout` seconds pass.

        The version is read before anything is computed: data changed after that read raises
        the version, so a value kept under it can be newer than its key, never older. None is
        not kept. With `in_process`, the value is kept in this process's memory, as the object
        itself (for what costs more to unpickle than to read again); the version still comes
        from the shared cache, so a change shows in every process at once.

        A cache that does not answer costs a computation: the value is computed and not kept."""
        try:
            current = self.version(name)
            full_key = f"{name}:{current}:{_short(key)}"
            value = _MISSING if in_process else self._cache.get(full_key, _MISSING)
        except CACHE_ERRORS:
            logger.warning("the cache did not answer: %s computed, not kept", name)
            return compute()
        if in_process:
            return self._in_process(name, key, current, compute, timeout)
        if value is _MISSING:
            value = compute()
            if value is not None:
                self._keep(full_key, value, timeout)
        return value

    def _keep(self, full_key: str, value: object, timeout: int) -> None:
        try:
            self._cache.set(full_key, value, timeout)
        except CACHE_ERRORS:
            logger.warning("the cache did not answer: a value was not kept")

    def cached_many(
        self, entries: list[tuple[str, str, Callable[[], T]]], *, timeout: int
    ) -> list[T]:
        """`cached(name, key, compute)` for each entry, in a few round trips to the cache: the
        versions read together (before anything is computed), the values read together, and
        those computed written together. A cache that does not answer costs the computations."""
        try:
            keys = self._keys(entries)
            values = self._cache.get_many(keys)
        except CACHE_ERRORS:
            logger.warning("the cache did not answer: %d values computed, not kept", len(entries))
            return [compute() for _name, _key, compute in entries]
        computed = {}
        results = []
        for full_key, (_name, _key, compute) in zip(keys, entries, strict=True):
            if full_key in values:
                results.append(values[full_key])
                continue
            value = compute()
            if value is not None:
                computed[full_key] = value
            results.append(value)
        if computed:
            try:
                self._cache.set_many(computed, timeout)
            except CACHE_ERRORS:
                logger.warning("the cache did not answer: %d values not kept", len(computed))
        return results

    def _keys(self, entries: list[tuple[str, str, Callable[[], T]]]) -> list[str]:
        """The entries' keys under their names' current versions, read in one round trip (two
        and an `add` per name when some are missing)."""
        names = list(dict.fromkeys(name for name, _key, _compute in entries))
        found = self._cache.get_many([f"version:{name}" for name in names])
        missing = [name for name in names if f"version:{name}" not in found]
        for name in missing:
            self._cache.add(f"version:{name}", secrets.token_hex(8), timeout=None)
        if missing:
            found |= self._cache.get_many([f"version:{name}" for name in missing])
        current = {name: found.get(f"version:{name}") or secrets.token_hex(8) for name in names}
        return [f"{name}:{current[name]}:{_short(key)}" for name, key, _compute in entries]

    def _in_process(self, name, key, current, compute, timeout):
        now = time.monotonic()
        entry = self._kept.get((name, key))
        if entry is not None and entry[0] == current and entry[1] > now:
            return entry[2]
        value = compute()
        if value is not None:
            with self._lock:
                if len(self._kept) >= IN_PROCESS_AT_MOST:
                    for old in list(self._kept)[: IN_PROCESS_AT_MOST // 2]:
                        del self._kept[old]
                self._kept[(name, key)] = (current, now + timeout, value)
        return value

    def forget_in_process(self) -> None:
        """Drop this process's memory of values and versions (the shared cache keeps its own)."""
        with self._lock:
            self._kept.clear()
            self._read.clear()


_default = VersionedCache()
version = _default.version
bump = _default.bump
renew = _default.renew
versions = _default.versions
cached = _default.cached
cached_many = _default.cached_many
forget_in_process = _default.forget_in_process
