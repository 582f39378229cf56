"""A Redis cache that degrades to "always a miss" while Redis is unreachable, instead of failing requests.

The cache only ever holds things the site can rebuild (rendered fragments, rate-limit counters),
so an outage should cost speed, not pages. On the first connection error the backend logs once
at ERROR and stops asking Redis for RETRY_SECONDS: a Redis host that silently drops packets
would otherwise add the socket timeout to every cache call of every request. When Redis answers
again it logs that too.

While Redis is down: reads miss, writes are dropped, add() reports nothing stored, incr() raises
ValueError as for a missing key. Rate limits built on the cache therefore stop counting (requests
are allowed) rather than refusing everyone; sessions are in the database and unaffected.
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

CONNECTION_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    RETRY_SECONDS = 10

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("retry_seconds", self.RETRY_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, fallback, method, *args, **kwargs):
        if self.is_down:
            return fallback()
        try:
            result = method(*args, **kwargs)
        except CONNECTION_ERRORS as error:
            with self._lock:
                first = self._down_until == 0.0
                self._down_until = time.monotonic() + self.retry_seconds
            if first:
                logger.error(
                    "Redis cache unreachable, serving without it and retrying every %ss: %s",
                    self.retry_seconds,
                    error,
                    extra={"cache_location": self._servers[0].rsplit("@", 1)[-1]},
                )
            return fallback()
        if self._down_until:
            with self._lock:
                self._down_until = 0.0
            logger.warning("Redis cache reachable again")
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(lambda: default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(lambda: False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call(dict, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(lambda: False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key {key!r} not found (Redis unreachable)")

        return self._call(missing, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(lambda: None, super().delete_many, keys, version)

    def clear(self):
        return self._call(lambda: False, super().clear)
