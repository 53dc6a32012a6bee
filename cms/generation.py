"""The content generation: one number every process agrees on, moved by every content change.

Everything remembered between requests (the API's response cache, the per-process memos of
sites, view restrictions and menus) is kept per generation, so a publish, a new view
restriction or a deleted site is honoured by every process at its next request. That only
holds if every process reads the same value, so where it lives depends on the cache:

- a cache shared between processes (Redis, Memcached, the database cache): there, read with
  the response cache's round trip;
- a cache of one process (locmem, dummy) or of one machine (file-based): in the database, a
  one-row table (``cms.ContentGeneration``), one query per request. A value in such a cache
  would be seen by the process that bumped it and by no other (the bug this module fixes:
  a view restriction added in one worker or a shell was ignored by the others for 600 s).

``TINGSTED_GENERATION_STORE`` ("auto", "cache" or "database") overrides the choice.

When a shared cache fails (see cms.cache), every request gets a fresh generation, so nothing
remembered before the outage is used; a process that saw the outage bumps the generation once
the cache answers again, because a bump it made meanwhile was lost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest

GENERATION_KEY = "tingsted:api:generation"

#: Cache backends whose entries other app processes (or other machines) do not see.
NOT_SHARED_BACKENDS: tuple[type[BaseCache], ...] = (LocMemCache, DummyCache, FileBasedCache)

STORES = ("auto", "cache", "database")


def generation_cache() -> BaseCache:
    """The cache the generation and the API's responses live in (TINGSTED_API_CACHE)."""
    return caches[getattr(settings, "TINGSTED_API_CACHE", "default")]


def is_shared(cache: BaseCache) -> bool:
    """Whether every app process, on every machine, sees what one process stores in ``cache``."""
    return not isinstance(cache, NOT_SHARED_BACKENDS)


def store() -> str:
    """Where the generation lives now: "cache" or "database"."""
    configured = getattr(settings, "TINGSTED_GENERATION_STORE", "auto") or "auto"
    if configured not in STORES:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"TINGSTED_GENERATION_STORE is '{configured}'; use one of {', '.join(STORES)}."
        )
    if configured != "auto":
        return configured
    return "cache" if is_shared(generation_cache()) else "database"


#: The request being answered (GenerationMiddleware), for callers that have none at hand.
_answering: ContextVar[HttpRequest | None] = ContextVar("tingsted_answering", default=None)


class GenerationMiddleware:
    """Lets code without the request (Wagtail's page serving) read the generation once too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = _answering.set(request)
        try:
            return self.get_response(request)
        finally:
            _answering.reset(token)


def answering() -> HttpRequest | None:
    """The request being answered (GenerationMiddleware), for code that has none at hand."""
    return _answering.get()


def generation(request: HttpRequest | None = None) -> int:
    """The current generation: the time (ns) of the last change, created when missing.

    Read once per request: a GET's site lookup, view restrictions, response cache and feed
    links agree on one generation and cost one read between them.
    """
    if request is None:
        request = _answering.get()
    request = getattr(request, "_request", request)  # DRF wraps Django's request
    if request is None:
        return _read()
    if not hasattr(request, "_tingsted_generation"):
        request._tingsted_generation = _read()
    return request._tingsted_generation


def _read() -> int:
    if store() == "database":
        return _database_generation()
    return _cache_generation()


def generation_with(request: HttpRequest, keys: list[str]) -> tuple[int, dict]:
    """The generation, and the values of ``keys`` in the generation's cache.

    One round trip where the generation lives in that cache (a cache hit's whole cost is
    little more than its round trips); two where it lives in the database. Values stored
    under another generation are the caller's to tell apart (the page cache stores the
    generation with each answer).
    """
    if hasattr(request, "_tingsted_generation") or store() == "database":
        return generation(request), generation_cache().get_many(keys)
    found = generation_cache().get_many([GENERATION_KEY, *keys])
    request._tingsted_generation = _cache_generation(found.pop(GENERATION_KEY, None))
    return request._tingsted_generation, found


def bump_generation(**kwargs: Any) -> int:
    """Start a new generation: every process drops what it remembered, at its next request."""
    if store() == "database":
        value = _bump_database()
    else:
        value = max(time.time_ns(), _cache_generation() + 1)
        generation_cache().set(GENERATION_KEY, value, timeout=None)
    request = _answering.get()
    if request is not None:
        # The rest of this request sees its own change.
        request._tingsted_generation = value
    return value


def last_modified() -> float:
    """When content last changed, as a Unix time: the API's Last-Modified."""
    return generation() / 1_000_000_000


class GenerationMemo:
    """Facts this process computed in the current content generation, by key.

    For what every request needs and content changes seldom (sites, view restrictions, a
    site's root translations): the first request of a generation computes it, the rest of
    the generation reads it without a query. Bumping the generation (on any change an API
    response or page can show, see cms.invalidation) empties every memo on its next use.
    """

    def __init__(self) -> None:
        self.generation: int | None = None
        self.values: dict = {}

    def _current(self, request: HttpRequest | None) -> dict:
        """The values of the current generation (emptied when it moved on)."""
        current = generation(request)
        if current != self.generation:
            self.values = {}
            self.generation = current
        return self.values

    def get(self, request: HttpRequest | None, key, compute: Callable[[], Any]):
        self._current(request)
        if key not in self.values:
            self.values[key] = compute()
        return self.values[key]

    def forget(self, key) -> None:
        """Drop ``key``'s value: the next ``get`` computes it again."""
        self.values.pop(key, None)

    def get_many(
        self, request: HttpRequest | None, keys: Iterable, compute: Callable[[set], dict]
    ) -> dict:
        """``{key: value}`` for each of ``keys``; ``compute(missing)`` gives the ones not
        remembered in this generation together (one query for a list's items, not one each),
        None for a key it has no value for."""
        values = self._current(request)
        keys = list(keys)
        missing = {key for key in keys if key not in values}
        if missing:
            found = compute(missing)
            for key in missing:
                values[key] = found.get(key)
        return {key: values[key] for key in keys}


# --- In a shared cache ----------------------------------------------------------------------

#: Outages of each cache alias this process has already answered with a bump.
_outages_seen: dict[str, int] = {}
_outages_lock = threading.Lock()


#: Marks a generation not read yet (None is a missing one).
_UNREAD = object()


def _cache_generation(value: Any = _UNREAD) -> int:
    """The generation in the shared cache; ``value``: what a read just found there."""
    cache = generation_cache()
    if value is _UNREAD:
        value = cache.get(GENERATION_KEY)
    if not getattr(cache, "available", True):
        # The cache failed: a value made up now matches nothing remembered, so every memo
        # recomputes and no stored response is used until it answers again.
        return time.time_ns()
    if _outage_ended(cache):
        value = max(time.time_ns(), int(value or 0) + 1)
        cache.set(GENERATION_KEY, value, timeout=None)
        return value
    if value is None:
        value = time.time_ns()
        # add(): if another process created it meanwhile, theirs wins.
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)
    return int(value)


def _outage_ended(cache: BaseCache) -> bool:
    """True once per outage this process saw, when the cache answers again."""
    outages = getattr(cache, "outages", 0)
    alias = getattr(settings, "TINGSTED_API_CACHE", "default")
    with _outages_lock:
        seen = _outages_seen.get(alias, 0)
        if outages <= seen:
            return False
        _outages_seen[alias] = outages
    return True


# --- In the database ------------------------------------------------------------------------


def _row_model():
    """``cms.ContentGeneration``, from the app registry: importing ``cms.models`` would
    import every page type of the site layer above this module."""
    from django.apps import apps

    return apps.get_model("cms", "ContentGeneration")


def _database_generation() -> int:
    ContentGeneration = _row_model()
    value = ContentGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    if value is None:
        row, _created = ContentGeneration.objects.get_or_create(
            pk=1, defaults={"value": time.time_ns()}
        )
        value = row.value
    return int(value)


def _bump_database() -> int:
    from django.db.models import F, Value
    from django.db.models.functions import Greatest

    ContentGeneration = _row_model()
    # One UPDATE: two processes bumping at once both move it forward, neither goes back.
    changed = ContentGeneration.objects.filter(pk=1).update(
        value=Greatest(F("value") + 1, Value(time.time_ns()))
    )
    if not changed:
        _database_generation()
        return _bump_database()
    return _database_generation()
