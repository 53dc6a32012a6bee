"""The rendered pages' response cache: anonymous page views answered from the shared cache.

A GET of a page by a *shareable* request (cms.visibility.is_shareable: no session cookie, no
credential) is stored in the response store the API uses (cms/responsecache.py), under the
scheme, the host and the full path (the site, its language and time zone follow from host
and path), with the content generation it was rendered in. Every publish, unpublish, move, snippet, image, document,
site or view-restriction change bumps the generation (cms.invalidation), so the next request
renders afresh in every app process (and its answer replaces the old one); stored answers
have an ETag (and the generation's time as Last-Modified) and conditional requests get a 304
from the stored headers alone.

The middleware sits before the session, locale, CSRF, authentication and message middleware
(cms/settings.py), after the API's cache middleware, which answers API hits the same way
(api/cache.py): a hit or a 304 costs one cache round trip (the generation and the stored
answer read together, cms.responsecache.lookup) and the security, CSP and CORS middleware
in front of it, which still add their headers. Whatever
the inner middleware adds to a page (Content-Language, X-Frame-Options) is stored with it.

Only pages are stored, and only when nothing in the answer belongs to one visitor:

- the request is a GET, shareable, not a preview, and carries no message cookie;
- the page was served through Wagtail's page view (the ``before_serve_page`` hook marks the
  request, :func:`mark_served_page`) and has no view restriction (password, login, groups);
- the answer is a 200, not streamed, with no Cache-Control of its own, and sets no cookie
  but the CSRF one. (A page route that sets its own Cache-Control, a network's calendar
  feed, is left as it is: cms/conditional.py applies the same rule.)

A form's CSRF token (the interest form of network pages) is one visitor's: the stored body
has a hole where Django's ``{% csrf_token %}`` put it, and each hit fills in a token of the
visitor's own CSRF cookie (Django's ``get_token``, the cookie set as the CSRF middleware
sets it). The body is kept gzipped around the hole (cms.gzipsplice), so such a hit is sent
gzipped like any other. Such answers are ``private, no-cache`` (the browser revalidates; no
shared cache keeps another visitor's token); other stored pages are ``public`` with
``max-age`` TINGSTED_PAGE_MAX_AGE. Any other page answer is ``private, no-store``. A client
that takes gzip gets a stored page gzipped from the view that stores it on, as every hit.

In a cache outage (cms.cache) nothing is looked up or stored: pages are rendered afresh.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from cms.generation import answering, generation
from cms.gzipsplice import fill, pack
from cms.renditions import is_incomplete
from cms.responsecache import (
    Stored,
    accepts_gzip,
    build_response,
    is_conditional,
    lookup,
    response_cache,
    store,
    weaken_etag,
)
from cms.visibility import is_shareable

#: Where the page being served is noted on the request (:func:`mark_served_page`).
SERVED_PAGE = "_tingsted_served_page"
#: Until when (a Unix time) the answer being rendered holds (:func:`answer_valid_until`).
VALID_UNTIL = "_tingsted_valid_until"

#: What Django's ``{% csrf_token %}`` renders, the token being the group between the two.
_CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
#: Stands for the token in a stored body; filled in per visitor on every hit.
CSRF_PLACEHOLDER = b"tingsted-csrf-token"

#: Headers of the rendered answer that are not stored: each answer gets its own. (Vary is
#: kept: the minutes' pages vary on Authorization too, and a hit must say so as well.)
_NOT_STORED = {
    "cache-control",
    "content-length",
    "content-encoding",
    "date",
    "etag",
    "expires",
    "last-modified",
    "set-cookie",
}

#: Django's message cookie (CookieStorage): a request carrying one may be shown its messages.
_MESSAGES_COOKIE = "messages"


def mark_served_page(request: HttpRequest, page) -> None:
    """Note that ``request`` is answered by ``page`` (Wagtail's ``before_serve_page``)."""
    setattr(request, SERVED_PAGE, page)


def answer_valid_until(moment: datetime.datetime, request: HttpRequest | None = None) -> None:
    """Say that the answer being rendered changes at ``moment`` without any content change.

    For what depends on the date, not on content (a network's programme moves a meeting from
    "upcoming" to "past" at local midnight): a stored copy of the page is not served from
    ``moment`` on, and expires then. Without a request at hand, the one being answered.
    """
    request = request if request is not None else answering()
    request = getattr(request, "_request", request)  # DRF wraps Django's request
    if request is None:
        return
    stamp = moment.timestamp()
    current = getattr(request, VALID_UNTIL, None)
    if current is None or stamp < current:
        setattr(request, VALID_UNTIL, stamp)


def page_key(request: HttpRequest) -> str:
    """Where a page's answer is stored: one entry per address, replaced when a newer
    generation's answer is stored (the generation is in the entry, not in the key)."""
    parts = "\n".join((request.scheme, request.get_host().lower(), request.get_full_path()))
    digest = hashlib.sha256(parts.encode()).hexdigest()
    return f"tingsted:page:response:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Its request and response steps set a hit's CSRF cookie as on a rendered answer.
        self.csrf = CsrfViewMiddleware(get_response)
        prefixes = ["/api/", "/admin/", "/django-admin/", "/documents/", "/health/"]
        prefixes += [url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url]
        #: Never pages: not looked up (the API has its own cache, the rest none).
        self.not_pages = tuple(prefix for prefix in prefixes if prefix.startswith("/"))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method != "GET"
            or request.path.startswith(self.not_pages)
            or not is_shareable(request)
            or _MESSAGES_COOKIE in request.COOKIES
        ):
            return self._uncached(request)
        key = None
        # Switched off, or in an outage (never wait on the cache twice per request), pages
        # are rendered afresh; they still get their ETag and 304s.
        if getattr(settings, "TINGSTED_PAGE_CACHE", True) and getattr(
            response_cache(), "available", True
        ):
            key = page_key(request)
            # The generation and the stored answer in one round trip: the key holds no
            # generation, the answer says which one it was stored under.
            current, stored = lookup(request, key, conditional=is_conditional(request))
            if stored is not None:
                answer = self._from_cache(request, stored, current)
                if answer is not None:
                    return answer
        else:
            current = generation(request)
        response = self.get_response(request)
        return self._rendered(request, response, current, key)

    # --- answers ------------------------------------------------------------------------------

    def _from_cache(self, request: HttpRequest, stored: Stored, current: int):
        """A hit: the stored answer (or a 304), or None when its body has expired."""
        until = stored.extra.get("until")
        if until is not None and timezone.now().timestamp() >= until:
            return None  # shows something that changed with the date: render afresh
        tokens = bool(stored.extra.get("csrf"))
        if is_conditional(request):
            # Decided on the stored headers alone: a 304 never reads the body.
            answer = self._conditional(request, stored.headers_only(request), current, tokens)
            if answer.status_code == 304:
                return answer
        body = stored.read_body()
        if body is None:
            return None
        if tokens:
            self.csrf.process_request(request)
            # Unzipped by build_response for a client that takes no gzip.
            body = fill(body, get_token(request).encode())
            response = build_response(request, stored.status, stored.headers, body, "gzip")
            self.csrf.process_response(request, response)
        else:
            response = build_response(request, stored.status, stored.headers, body, stored.encoding)
        response["Content-Length"] = str(len(response.content))
        return self._conditional(request, response, current, tokens)

    def _rendered(
        self, request: HttpRequest, response: HttpResponse, current: int, key: str | None
    ) -> HttpResponse:
        """A miss: the rendered answer, stored under ``key`` (if given) when nothing in it
        is one visitor's."""
        if not hasattr(request, SERVED_PAGE):
            return response
        cache_control = response.get("Cache-Control", "").lower()
        if cache_control and "private" not in cache_control and "no-store" not in cache_control:
            # A route of the page that decided its own caching (a network's calendar feed,
            # cms/conditional.py, by the same rule): left as it is.
            return response
        if cache_control or not self._storable(request, response):
            return _private(response)
        content = response.content
        tokens = settings.CSRF_COOKIE_NAME in response.cookies
        if tokens:
            content, count = _CSRF_INPUT.subn(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)
            tokens = count > 0
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED
        ]
        etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
        # The bytes differ per visitor where a token is filled in: the same page, weakly.
        headers.append(("ETag", "W/" + etag if tokens else etag))
        headers.append(("Last-Modified", http_date(current / 1_000_000_000)))
        extra: dict = {"generation": current, "csrf": True} if tokens else {"generation": current}
        timeout = getattr(settings, "TINGSTED_API_CACHE_TIMEOUT", 600)
        until = getattr(request, VALID_UNTIL, None)
        if until is not None:
            extra["until"] = until
            timeout = min(timeout, math.ceil(until - timezone.now().timestamp()))
        stored = None
        if key is not None and timeout > 0:
            stored = store(
                key,
                response.status_code,
                headers,
                pack(content, CSRF_PLACEHOLDER) if tokens else content,
                compressed=not tokens,
                extra=extra,
                timeout=timeout,
            )
        for name, value in headers[-2:]:
            response[name] = value
        if stored is not None and accepts_gzip(request):
            # Compressed to be stored: the first visitor gets the bytes every later one does.
            if tokens:
                self._send_gzipped(response, fill(stored.body, get_token(request).encode()))
            elif stored.encoding == "gzip":
                self._send_gzipped(response, stored.body)
        return self._conditional(request, response, current, tokens)

    @staticmethod
    def _send_gzipped(response: HttpResponse, body: bytes) -> None:
        response.content = body
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(body))
        weaken_etag(response)

    def _storable(self, request: HttpRequest, response: HttpResponse) -> bool:
        if response.status_code != 200 or response.streaming:
            return False
        if is_incomplete(request):  # an image's file is missing: rendered again next time
            return False
        if getattr(request, "is_preview", False) or settings.CSRF_USE_SESSIONS:
            return False
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return False
        page = getattr(request, SERVED_PAGE)
        # Remembered per generation where the site has no restriction (cms.models.pages).
        return not page.get_view_restrictions()

    def _conditional(
        self, request: HttpRequest, response: HttpResponse, current: int, tokens: bool
    ) -> HttpResponse:
        """``response``, or a 304 when the caller's copy is current; with its caching."""
        answer = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=current // 1_000_000_000,
            response=response,
        )
        if answer.status_code == 304:
            answer["ETag"] = response["ETag"]
        answer["Cache-Control"] = (
            "private, no-cache"
            if tokens
            else f"public, max-age={getattr(settings, 'TINGSTED_PAGE_MAX_AGE', 0)}"
        )
        patch_vary_headers(answer, ["Cookie", "Accept-Encoding"])
        return answer

    def _uncached(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if hasattr(request, SERVED_PAGE) and (
            request.method not in ("GET", "HEAD")
            or not is_shareable(request)
            or _MESSAGES_COOKIE in request.COOKIES
        ):
            # A POST's answer (form errors), or one computed for a session or credential,
            # is nobody else's to reuse (cms/visibility.py).
            return _private(response)
        return response


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response
