"""The shared response store: what the API's and the rendered pages' response caches keep.

An answer is stored under a key that holds the content generation (cms.generation), in the
cache the generation lives in (TINGSTED_API_CACHE, Redis in production), so a publish in one
app process retires every stored answer of every process at once; old entries are never
looked up again and expire on their own. What goes into a key besides the generation, and
which answers may be stored at all, is the caller's (api/cache.py, cms/pagecache.py): only
answers computed for a shareable request (cms.visibility.is_shareable).

Both caches answer from here in the same way, early in the middleware stack (before the
session, locale, CSRF and authentication middleware a stored answer does not need): the key
holds no generation, the entry says which generation it was stored under, so the generation
and the stored answer are read together in one round trip (:func:`lookup`).
"""

from __future__ import annotations

import gzip

from django.conf import settings
from django.core.cache.backends.base import BaseCache
from django.http import HttpRequest, HttpResponse

from cms.generation import generation_cache, generation_with
from cms.gzipsplice import Spliced

#: Bodies at least this long are stored gzipped (smaller ones gain little).
COMPRESS_MIN_BYTES = 1024


def response_cache() -> BaseCache:
    """The cache stored answers live in: the generation's own (TINGSTED_API_CACHE)."""
    return generation_cache()


class Stored:
    """A cached answer: status and headers under one key, the body under another.

    Kept apart so a conditional request is answered 304 from the few bytes of the headers,
    never reading a body of megabytes. The body is kept gzipped: an 8 MB list is a few
    hundred KB, sent as it is to the clients that accept gzip (every browser, CDN and HTTP
    library) and unzipped for the others. ``extra`` is what the caller stored beside the
    headers (the page cache's flags).
    """

    def __init__(
        self,
        key: str,
        status: int,
        headers: list[tuple[str, str]],
        encoding: str,
        extra: dict | None = None,
    ):
        self.key = key
        self.status = status
        self.headers = headers
        self.encoding = encoding
        self.extra = extra or {}
        self.body: bytes | Spliced | None = None

    def read_body(self) -> bytes | Spliced | None:
        """The stored body (read now when not read yet); None if it expired."""
        if self.body is None:
            self.body = response_cache().get(self.key + ":body")
        return self.body

    def response(self, request: HttpRequest) -> HttpResponse | None:
        """The whole response (reading the body when not read yet); None if it expired."""
        if self.read_body() is None:
            return None
        return build_response(request, self.status, self.headers, self.body, self.encoding)

    def headers_only(self, request: HttpRequest) -> HttpResponse:
        """The response without its body: enough to decide on a 304."""
        response = HttpResponse(status=self.status)
        for name, value in self.headers:
            response[name] = value
        if self.encoding and accepts_gzip(request):
            weaken_etag(response)
        return response


def compress(content: bytes) -> bytes:
    """The gzipped form of a stored body (the benchmark's static ceiling uses it too)."""
    # Level 5: within a few percent of level 9's size in a fraction of its time; mtime 0
    # makes the bytes depend on the content alone.
    return gzip.compress(content, compresslevel=5, mtime=0)


def accepts_gzip(request: HttpRequest) -> bool:
    """Whether ``Accept-Encoding`` takes gzip: listed (or ``*``) with a quality above 0."""
    header = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if not header:
        return False
    qualities: dict[str, float] = {}
    for part in header.lower().split(","):
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
        weaken_etag(response)
    return response


def weaken_etag(response: HttpResponse) -> None:
    """Make ``response``'s ETag weak: the same content, not the same bytes.

    A strong ETag names one exact byte sequence and the gzipped body is another (RFC 9110
    8.8.3); If-None-Match compares weakly, so either form still matches the other.
    """
    etag = response.get("ETag")
    if etag and not etag.startswith("W/"):
        response["ETag"] = "W/" + etag


def unpack(key: str, found: dict, *, body: bool, generation: int | None = None) -> Stored | None:
    """The answer stored under ``key`` among ``found`` (read with its body if ``body``); None
    if missing, or stored under another ``generation`` than the one given."""
    meta = found.get(key + ":meta")
    if meta is None:
        return None
    stored = Stored(key, *meta)
    if generation is not None and stored.extra.get("generation") != generation:
        return None
    if body:
        stored.body = found.get(key + ":body")
        if stored.body is None:
            return None
    return stored


def is_conditional(request: HttpRequest) -> bool:
    """Whether ``request`` asks for a 304 (If-None-Match or If-Modified-Since)."""
    return bool(
        request.META.get("HTTP_IF_NONE_MATCH") or request.META.get("HTTP_IF_MODIFIED_SINCE")
    )


def lookup(request: HttpRequest, key: str, *, conditional: bool) -> tuple[int, Stored | None]:
    """The current generation, and the answer stored under ``key`` in it (None if there is
    none), read in one round trip where the generation lives in the cache
    (cms.generation.generation_with). ``conditional``: read its headers only for now; a
    304 never reads the body."""
    wanted = [key + ":meta"] if conditional else [key + ":meta", key + ":body"]
    current, found = generation_with(request, wanted)
    return current, unpack(key, found, body=not conditional, generation=current)


def store(
    key: str,
    status: int,
    headers: list[tuple[str, str]],
    content: bytes | Spliced,
    *,
    compressed: bool = True,
    extra: dict | None = None,
    timeout: int | None = None,
) -> Stored:
    """Keep an answer under ``key`` for ``timeout`` (TINGSTED_API_CACHE_TIMEOUT) seconds.

    The body is gzipped when it is long enough, unless ``compressed`` is False (the caller
    stores it in the form it sends it from: a page with holes, cms.gzipsplice). Returns what was stored, the body as stored.
    """
    encoding = ""
    if compressed and len(content) >= COMPRESS_MIN_BYTES:
        content, encoding = compress(content), "gzip"
    meta: tuple = (status, headers, encoding, extra) if extra else (status, headers, encoding)
    if timeout is None:
        timeout = getattr(settings, "TINGSTED_API_CACHE_TIMEOUT", 600)
    response_cache().set_many({key + ":meta": meta, key + ":body": content}, timeout=timeout)
    stored = Stored(key, status, headers, encoding, extra)
    stored.body = content
    return stored
