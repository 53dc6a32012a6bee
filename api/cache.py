"""The API's server-side response cache: which answers it keeps, under which key, and the
middleware that answers from it before the rest of the middleware stack.

The store itself (status and headers apart from the gzipped body, each entry holding the
content generation it was stored in) is the kernel's, shared with the rendered pages' cache:
cms/responsecache.py.

The generation is bumped when a page is published, unpublished, moved, deleted or
translated, and when a snippet, image, document, site, locale or view restriction is saved
or deleted: anything an API response can show.

:class:`APICacheMiddleware` is the one place that decides "answer from the store or build
the answer". It sits with the page cache, before the session, locale, CSRF, authentication,
message, clickjacking and redirect middleware (cms/settings.py). For a GET or HEAD of a
*shareable* request (cms.visibility.is_shareable: no session cookie, no credential header,
so no bearer token either, however malformed) it counts the request against the anonymous
rate limit (api/throttling.py, once: APIMiddleware reuses the count), then reads the
generation and the stored answer in one round trip (cms.responsecache.lookup). A hit or a
304 is answered there; anything else (a miss, a 429, every error) goes down the whole stack
to APIMiddleware (api/middleware.py) as before, which checks the token, the parameters,
``?site=`` and ``?locale=``.

A stored answer is one the whole stack once built as a 200 for the same key in the same
generation, so it passed every one of those checks then, and would pass them now: they read
nothing but the key's parts and the content of the generation. The key holds what the old
key held: the host, the full path with its query string, Accept, and the language the site
speaks (which the host and port determine in a generation, so the port is in the key).

APIMiddleware leaves a public 200 it built for such a request to this middleware: it comes
back through the middleware between the two (which add Content-Language, Content-Length,
X-Frame-Options), is stored with every header it then has but the per-answer ones, and is
sent by the very code that sends a hit, so a hit's headers are the miss's. The headers the
middleware between added are noted in the entry: a 304 gets them too, as it did when it went
through them.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from api.throttling import check_rate
from cms.generation import generation
from cms.responsecache import (
    COMPRESS_MIN_BYTES,
    Stored,
    accepts_gzip,
    build_response,
    compress,
    is_conditional,
    lookup,
)
from cms.responsecache import response_cache as api_cache
from cms.responsecache import store as store_answer
from cms.visibility import is_shareable

#: Paths whose answers depend on more than URL and host: never stored.
UNCACHED_PREFIXES = ("/api/v2/page_preview/", "/api/v3/preview/")
#: Paths a cache in front must revalidate on every request (a 304 when nothing changed):
#: a consumer calls the sync feed right after a webhook and must not get an older answer.
REVALIDATED_PREFIXES = ("/api/v3/sync/",)

#: On the request: the anonymous rate limit's verdict (None or a Limited), counted once.
RATE_COUNTED = "_tingsted_api_rate"
#: On the request: the key APICacheMiddleware stores a public answer under.
CACHE_KEY = "_tingsted_api_cache_key"
#: On the request: the public 200 APIMiddleware left to APICacheMiddleware, and the headers
#: it had when APIMiddleware returned it.
FRESH = "_tingsted_api_fresh"

#: Headers of a built answer that are not stored: each answer gets its own.
_NOT_STORED = {"content-length", "content-encoding", "date"}


def response_key(request: HttpRequest) -> str:
    """Where the answer to ``request`` is stored: one entry per key, replaced when a newer
    generation's answer is stored (the generation is in the entry, not in the key).
    Raises DisallowedHost for a host not in ALLOWED_HOSTS."""
    parts = "\n".join(
        [
            request.get_host().lower(),
            # With the host, the site (Wagtail matches sites by hostname and port), and so
            # the language it speaks, which the key held until the key was read early.
            request.get_port(),
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT", ""),
        ]
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()
    return f"tingsted:api:response:{digest}"


def cache_control(request: HttpRequest) -> str:
    """The Cache-Control of a public API answer."""
    if request.path.startswith(REVALIDATED_PREFIXES):
        return "public, no-cache"
    return (
        f"public, max-age={settings.TINGSTED_API_MAX_AGE}, "
        f"s-maxage={settings.TINGSTED_API_SHARED_MAX_AGE}"
    )


def conditional_answer(request: HttpRequest, response: HttpResponse, current: int):
    """``response``, or a 304 when the caller's copy is current; with public caching."""
    answer = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=current // 1_000_000_000,
        response=response,
    )
    if not response.has_header("Cache-Control"):
        answer["Cache-Control"] = cache_control(request)
    if answer.status_code == 304:
        answer["ETag"] = response["ETag"]
    return answer


def without_body(response: HttpResponse) -> None:
    """A HEAD answer: the GET's headers, its length included, and no body."""
    if getattr(response, "streaming", False):
        return
    length = len(response.content)
    response.content = b""
    if response.status_code != 304:
        response["Content-Length"] = str(length)


class APICacheMiddleware:
    """Answers API cache hits and 304s early; stores the public answers built below it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not request.path.startswith("/api/")
            or request.method not in ("GET", "HEAD")
            or request.path.startswith(UNCACHED_PREFIXES)
            or not getattr(settings, "TINGSTED_API_RESPONSE_CACHE", True)
            or not is_shareable(request)
            # CommonMiddleware refuses these by a header the key does not hold.
            or settings.DISALLOWED_USER_AGENTS
        ):
            return self.get_response(request)
        try:
            key = response_key(request)
        except DisallowedHost:
            return self.get_response(request)  # the 400 CommonMiddleware gives it
        # Counted as APIMiddleware counts it, a hit included; over the limit, APIMiddleware
        # answers the 429 from this count.
        limited = check_rate(request)
        setattr(request, RATE_COUNTED, limited)
        if limited is not None:
            return self.get_response(request)
        setattr(request, CACHE_KEY, key)
        # In an outage (never wait on the cache twice per request) nothing is looked up;
        # the answer is built, and its storing does nothing.
        if getattr(api_cache(), "available", True):
            current, stored = lookup(request, key, conditional=is_conditional(request))
            if stored is not None:
                answer = self._answer(request, stored, current)
                if answer is not None:
                    return answer
        response = self.get_response(request)
        fresh = getattr(request, FRESH, None)
        if fresh is None:
            return response  # not a public 200 (an error, a private answer): as built
        if fresh[0] is not response:
            # A middleware between replaced the answer left here: sent as it is, not stored.
            if request.method == "HEAD":
                without_body(response)
            return response
        return self._built(request, key, response, fresh[1])

    def _built(
        self, request: HttpRequest, key: str, response: HttpResponse, had: dict[str, str]
    ) -> HttpResponse:
        """A miss: store the public 200 built below, then send it as a hit is sent."""
        current = generation(request)
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED
        ]
        # What the middleware between APIMiddleware and here added (or changed): a 304
        # gets it too.
        added = [name for name, value in response.items() if had.get(name.lower()) != value]
        extra = {"generation": current, "added": added}
        content = response.content
        stored = store_answer(key, response.status_code, headers, content, extra=extra)
        if stored.encoding and not accepts_gzip(request):
            stored = Stored(key, response.status_code, headers, "", extra)
            stored.body = content
        answer = self._answer(request, stored, current)
        answer.cookies = response.cookies  # a cookie set below (CSRF's) still goes out
        return answer

    def _answer(self, request: HttpRequest, stored: Stored, current: int) -> HttpResponse | None:
        """``stored`` as sent: whole, gzipped, a 304 or a HEAD's headers; None when its body
        is gone (evicted)."""
        answer = None
        if is_conditional(request):
            # Decided on the stored headers alone: a 304 never reads the body.
            answer = conditional_answer(request, stored.headers_only(request), current)
            if answer.status_code != 304:
                answer = None
        if answer is None:
            response = stored.response(request)
            if response is None:
                return None
            answer = conditional_answer(request, response, current)
        added = stored.extra.get("added", ())
        if answer.status_code == 304:
            for name, value in stored.headers:
                if name in added:
                    answer[name] = value
        if "Content-Length" in added:
            answer["Content-Length"] = str(len(answer.content))
        if request.method == "HEAD":
            without_body(answer)
        return answer


__all__ = [
    "CACHE_KEY",
    "COMPRESS_MIN_BYTES",
    "FRESH",
    "RATE_COUNTED",
    "REVALIDATED_PREFIXES",
    "UNCACHED_PREFIXES",
    "APICacheMiddleware",
    "Stored",
    "accepts_gzip",
    "api_cache",
    "build_response",
    "cache_control",
    "compress",
    "conditional_answer",
    "response_key",
    "without_body",
]
