"""Django's Redis cache, with one redis-py client kept per connection pool.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` object for every cache call.
Building one fills its table of about 170 reply callbacks, which costs more than the round trip to
Redis itself (about 60 against 50 µs here), and a page served from the cache makes several calls.
A redis-py client holds no connection of its own (each command takes one from the pool and gives
it back) and is safe to share between threads, so one per pool is kept. The pool itself is
Django's, as before: per server, made on first use, and renewed by redis-py after a fork.
"""

from django.core.cache.backends import redis as django_redis


class _Client(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client
