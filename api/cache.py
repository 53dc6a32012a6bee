"""The API's server-side response cache and the content generation that invalidates it.

Every cached response is stored under the current *generation*, a value kept in the shared
cache (Redis in production), so when one app process bumps it after a publish every other
process stops using the old entries on its next request. Old entries are never looked up
again and expire on their own.

The generation is bumped when a page is published, unpublished, moved, deleted or
translated, and when a snippet, image, document, site, locale or view restriction is saved
or deleted: anything an API response can show.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "tingsted:api:generation"


def api_cache():
    return caches[getattr(settings, "TINGSTED_API_CACHE", "default")]


def generation(request: HttpRequest | None = None) -> int:
    """The current generation: the time (ns) of the last change, created when missing.

    With ``request``, read once per request: a GET's site lookup, response cache and feed
    links then agree on one generation and cost one cache round trip between them.
    """
    if request is not None:
        if not hasattr(request, "_tingsted_generation"):
            request._tingsted_generation = generation()
        return request._tingsted_generation
    cache = api_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        # add(): if another process created it meanwhile, theirs wins.
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)
    return int(value)


def bump_generation(**kwargs) -> int:
    """Invalidate every cached API response, in every process sharing the cache."""
    value = max(time.time_ns(), generation() + 1)
    api_cache().set(GENERATION_KEY, value, timeout=None)
    return value


def last_modified() -> float:
    """When content last changed, as a Unix time: the API's Last-Modified."""
    return generation() / 1_000_000_000


def response_key(request: HttpRequest, current: int) -> str:
    parts = "\n".join(
        [
            request.get_host().lower(),
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT", ""),
            getattr(request, "LANGUAGE_CODE", ""),
        ]
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()
    return f"tingsted:api:response:{current}:{digest}"


def get_cached(request: HttpRequest, current: int) -> HttpResponse | None:
    stored = api_cache().get(response_key(request, current))
    if stored is None:
        return None
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


#: Headers a stored response keeps; the rest (CORS, Vary from outer middleware) are per request.
STORED_HEADERS = ("Content-Type", "Content-Language", "ETag", "Last-Modified")


def store(request: HttpRequest, current: int, response: HttpResponse) -> None:
    headers = [(name, response[name]) for name in STORED_HEADERS if response.has_header(name)]
    api_cache().set(
        response_key(request, current),
        (response.status_code, headers, response.content),
        timeout=getattr(settings, "TINGSTED_API_CACHE_TIMEOUT", 600),
    )
