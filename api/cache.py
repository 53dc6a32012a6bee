"""The API's server-side response cache and the content generation that invalidates it.

Every cached response is stored under the current *generation* (cms.generation: in the
shared cache, Redis in production, or in the database when the cache is per process), so
when one app process bumps it after a publish every other process stops using the old
entries on its next request. Old entries are never looked up again and expire on their own.

The generation is bumped when a page is published, unpublished, moved, deleted or
translated, and when a snippet, image, document, site, locale or view restriction is saved
or deleted: anything an API response can show.
"""

from __future__ import annotations

import gzip
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse


def api_cache():
    return caches[getattr(settings, "TINGSTED_API_CACHE", "default")]


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

#: Bodies at least this long are stored gzipped (smaller ones gain little).
COMPRESS_MIN_BYTES = 1024


class Stored:
    """A cached answer: status and headers under one key, the body under another.

    Kept apart so a conditional request is answered 304 from the few bytes of the headers,
    never reading a body of megabytes. The body is kept gzipped: an 8 MB list is a few
    hundred KB, sent as it is to the clients that accept gzip (every browser, CDN and HTTP
    library) and unzipped for the others.
    """

    def __init__(self, key: str, status: int, headers: list[tuple[str, str]], encoding: str):
        self.key = key
        self.status = status
        self.headers = headers
        self.encoding = encoding
        self.body: bytes | None = None

    def response(self, request: HttpRequest) -> HttpResponse | None:
        """The whole response (reading the body when not read yet); None if it expired."""
        if self.body is None:
            self.body = api_cache().get(self.key + ":body")
            if self.body is None:
                return None
        return build_response(request, self.status, self.headers, self.body, self.encoding)

    def headers_only(self, request: HttpRequest) -> HttpResponse:
        """The response without its body: enough to decide on a 304."""
        response = HttpResponse(status=self.status)
        for name, value in self.headers:
            response[name] = value
        if self.encoding and accepts_gzip(request):
            _weaken_etag(response)
        return response


def compress(content: bytes) -> bytes:
    """The gzipped form of a stored body (the benchmark's static ceiling uses it too)."""
    # Level 5: within a few percent of level 9's size in a fraction of its time; mtime 0
    # makes the bytes depend on the content alone.
    return gzip.compress(content, compresslevel=5, mtime=0)


def accepts_gzip(request: HttpRequest) -> bool:
    """Whether ``Accept-Encoding`` takes gzip: listed (or ``*``) with a quality above 0."""
    qualities: dict[str, float] = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").lower().split(","):
        coding, *params = (item.strip() for item in part.split(";"))
        if not coding:
            continue
        quality = 1.0
        for param in params:
            name, _equals, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        qualities[coding] = quality
    for coding in ("gzip", "x-gzip", "*"):
        if coding in qualities:
            return qualities[coding] > 0
    return False


def build_response(
    request: HttpRequest,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    encoding: str,
) -> HttpResponse:
    if encoding == "gzip" and not accepts_gzip(request):
        body, encoding = gzip.decompress(body), ""
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    if encoding:
        response["Content-Encoding"] = encoding
        _weaken_etag(response)
    return response


def _weaken_etag(response: HttpResponse) -> None:
    # A strong ETag names one exact byte sequence and the gzipped body is another (RFC 9110
    # 8.8.3); If-None-Match compares weakly, so either form still matches the other.
    etag = response.get("ETag")
    if etag and not etag.startswith("W/"):
        response["ETag"] = "W/" + etag


def get_cached(request: HttpRequest, current: int, conditional: bool = False) -> Stored | None:
    """The stored answer for ``request``. ``conditional``: read its headers only for now."""
    key = response_key(request, current)
    if conditional:
        meta = api_cache().get(key + ":meta")
        body = None
    else:
        found = api_cache().get_many([key + ":meta", key + ":body"])
        meta, body = found.get(key + ":meta"), found.get(key + ":body")
        if meta is not None and body is None:
            return None
    if meta is None:
        return None
    stored = Stored(key, *meta)
    stored.body = body
    return stored


def store(request: HttpRequest, current: int, response: HttpResponse) -> HttpResponse:
    """Keep ``response`` for the generation; return what to send (gzipped when accepted)."""
    headers = [(name, response[name]) for name in STORED_HEADERS if response.has_header(name)]
    content = response.content
    encoding = ""
    if len(content) >= COMPRESS_MIN_BYTES:
        content, encoding = compress(content), "gzip"
    key = response_key(request, current)
    timeout = getattr(settings, "TINGSTED_API_CACHE_TIMEOUT", 600)
    api_cache().set_many(
        {key + ":meta": (response.status_code, headers, encoding), key + ":body": content},
        timeout=timeout,
    )
    if not encoding or not accepts_gzip(request):
        return response
    sent = build_response(request, response.status_code, headers, content, encoding)
    for name, value in response.items():
        if name not in STORED_HEADERS and not sent.has_header(name):
            sent[name] = value
    return sent
