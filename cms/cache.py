"""A Redis cache whose outage degrades service instead of stopping it.

Django's Redis backend raises on every call while Redis is stopped, and waits for the
operating system's timeouts while it is frozen: every page, API route, form and the admin
login then answered 500, or after seconds. This backend gives each call short socket
timeouts (TINGSTED_CACHE_CONNECT_TIMEOUT, TINGSTED_CACHE_READ_TIMEOUT), and turns a Redis
error into a miss: ``get`` returns the default, ``add`` and ``touch`` False, ``incr`` None,
writes do nothing. After an error the process leaves Redis alone for
TINGSTED_CACHE_RETRY_AFTER seconds (one wait per process, not one per call) and logs once
per outage.

What callers see in an outage: no cached answer (pages and API are computed afresh), a fresh
content generation per request (cms.generation, so nothing remembered is reused), rate
limits that let everything through (django-ratelimit with RATELIMIT_FAIL_OPEN), and
``available`` False, which the health check (/health/) reports.

``CACHE_URL=redis://…`` selects this backend (cms/settings.py).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


@dataclass
class _Health:
    """How Redis answered this process: shared by the threads' cache instances."""

    failing: bool = False
    retry_at: float = 0.0
    outages: int = 0


_health: dict[tuple[str, ...], _Health] = {}
_health_lock = threading.Lock()


class _OneClientPerPool(RedisCacheClient):
    """Django's Redis client wrapper, reusing one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call, and its constructor fills a
    table of some 170 response callbacks: more CPU than the loopback round trip itself, twice
    per cache hit (the generation, then the answer). A ``redis.Redis`` is safe to share
    between threads (each command takes a connection from the pool), so one per pool does.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache with short timeouts, where an unreachable Redis is a cache miss."""

    def __init__(self, server, params):
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        options = dict(params.get("OPTIONS") or {})
        options.setdefault(
            "socket_connect_timeout", getattr(settings, "TINGSTED_CACHE_CONNECT_TIMEOUT", 0.25)
        )
        options.setdefault("socket_timeout", getattr(settings, "TINGSTED_CACHE_READ_TIMEOUT", 0.5))
        # No retries: a second attempt doubles the wait of every request in an outage.
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _OneClientPerPool
        with _health_lock:
            self._health = _health.setdefault(tuple(self._servers), _Health())

    @property
    def available(self) -> bool:
        """False while Redis is failing, until the next attempt after an error."""
        return not self._health.failing or time.monotonic() >= self._health.retry_at

    @property
    def outages(self) -> int:
        """How many times this process has seen Redis start failing."""
        return self._health.outages

    def _call(self, default, method, *args, **kwargs):
        from redis.exceptions import RedisError

        health = self._health
        if health.failing and time.monotonic() < health.retry_at:
            return default
        try:
            result = method(*args, **kwargs)
        except (RedisError, OSError) as error:
            self._failed(error)
            return default
        if health.failing:
            health.failing = False
            logger.warning("Cache %s answers again.", ",".join(self._servers))
        return result

    def _failed(self, error: Exception) -> None:
        health = self._health
        retry_after = getattr(settings, "TINGSTED_CACHE_RETRY_AFTER", 5.0)
        health.retry_at = time.monotonic() + retry_after
        if not health.failing:
            health.failing = True
            health.outages += 1
            logger.error(
                "Cache %s is unavailable (%s: %s): answering uncached, rate limits open; "
                "retrying every %s s.",
                ",".join(self._servers),
                type(error).__name__,
                error,
                retry_after,
            )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError, as in every backend; an outage gives None.
        return self._call(None, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)
