"""The API's server-side response cache: its keys, and what an API answer keeps.

The store itself (status and headers apart from the gzipped body, keyed by the content
generation) is the kernel's, shared with the rendered pages' cache: cms/responsecache.py.

The generation is bumped when a page is published, unpublished, moved, deleted or
translated, and when a snippet, image, document, site, locale or view restriction is saved
or deleted: anything an API response can show.
"""

from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse

from cms import responsecache
from cms.responsecache import (
    COMPRESS_MIN_BYTES,
    Stored,
    accepts_gzip,
    build_response,
    compress,
)
from cms.responsecache import response_cache as api_cache


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


#: Headers a stored response keeps; the rest (CORS, Vary from outer middleware) are per request.
STORED_HEADERS = ("Content-Type", "Content-Language", "ETag", "Last-Modified")


def get_cached(request: HttpRequest, current: int, conditional: bool = False) -> Stored | None:
    """The stored answer for ``request``. ``conditional``: read its headers only for now."""
    return responsecache.get_cached(response_key(request, current), conditional=conditional)


def store(request: HttpRequest, current: int, response: HttpResponse) -> HttpResponse:
    """Keep ``response`` for the generation; return what to send (gzipped when accepted)."""
    headers = [(name, response[name]) for name in STORED_HEADERS if response.has_header(name)]
    stored = responsecache.store(
        response_key(request, current), response.status_code, headers, response.content
    )
    if not stored.encoding or not accepts_gzip(request):
        return response
    sent = build_response(request, response.status_code, headers, stored.body, stored.encoding)
    for name, value in response.items():
        if name not in STORED_HEADERS and not sent.has_header(name):
            sent[name] = value
    return sent


__all__ = [
    "COMPRESS_MIN_BYTES",
    "Stored",
    "accepts_gzip",
    "api_cache",
    "build_response",
    "compress",
    "get_cached",
    "response_key",
    "store",
]
