"""What every /api/ request goes through, for v2, v3 and plugin routes alike.

In order: the bearer token is resolved (a malformed or unknown one is a 401, never silently
anonymous); the caller is rate limited; ``?site=`` and ``?locale=`` are checked; GETs with
no session cookie and no credential are answered from the server-side cache when possible,
with ETag, Last-Modified, 304s and public Cache-Control; every other response is
``private, no-store`` and never stored (cms/visibility.py, ``is_shareable``).
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from wagtail.models import Page

from api import cache as api_cache
from api.access import (
    APIParameterError,
    can_read_drafts,
    requested_site,
    resolve_token,
    validate_locale,
)
from api.concurrency import if_match_fails, version_etag
from api.errors import error_response, is_v3
from api.parameters import check_known_parameters
from api.throttling import check_rate
from api.validation import NotFound, check_integers, check_text, clean_search
from cms.generation import generation
from cms.loading import request_scope
from cms.sites import answer_for_site
from cms.visibility import is_shareable

_V3_PAGE_DETAIL = re.compile(r"^/api/v3/pages/(?P<pk>\d+)/$")


class APIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            # Answered as the GET it stands for (django-ninja routes know GET only), from
            # the cache or not; only the body is left out.
            request.method = "GET"
        response = self._handle(request)
        if not is_v3(request):
            # REST framework serves JSON or the browsable HTML from the same URL by Accept.
            patch_vary_headers(response, ["Accept"])
        if head:
            request.method = "HEAD"
            _without_body(response)
        return response

    def _handle(self, request: HttpRequest) -> HttpResponse:
        try:
            token = resolve_token(request)
        except APIParameterError as error:
            return self._error(
                request,
                error,
                location="header",
                headers={"WWW-Authenticate": f'Bearer error="{error.code}"'},
                credentialed=True,
            )
        request.api_token = token
        # Any session or credential makes the answer private: only answers computed for a
        # request that carries neither may be stored or shared (cms/visibility.py).
        credentialed = token is not None or not is_shareable(request)
        # The API never reads as a session's user: only a token grants more than public.
        request.user = token.user if token is not None else AnonymousUser()

        limited = check_rate(request, token)
        if limited is not None:
            return self._error(
                request,
                APIParameterError(
                    "Authorization" if token else "address",
                    f"Too many requests: at most {limited.limit} per {limited.period} seconds. "
                    f"Try again in {limited.retry_after} seconds.",
                    status=429,
                    code="rate_limited",
                ),
                location="header",
                headers={"Retry-After": str(limited.retry_after)},
                credentialed=credentialed,
            )

        try:
            check_text(request)
            check_known_parameters(request)
            check_integers(request)
            clean_search(request)
            if "site" in request.GET:
                answer_for_site(request, requested_site(request))
            else:
                requested_site(request)
            validate_locale(request)
            self._check_draft_access(request)
        except APIParameterError as error:
            return self._error(request, error, credentialed=credentialed)
        except NotFound:
            response = error_response(request, 404, "not found", code="not_found")
            return self._private(response) if credentialed else self._vary(response)

        current_etag = if_match_fails(request)
        if current_etag is not None:
            response = self._error(
                request,
                APIParameterError(
                    "If-Match",
                    "This was changed since you read it: read it again and send its ETag.",
                    status=412,
                    code="precondition_failed",
                ),
                location="header",
                credentialed=credentialed,
            )
            response["ETag"] = current_etag
            return response

        if credentialed or request.method not in ("GET", "HEAD") or self._uncacheable(request):
            response = self._respond(request)
            if not credentialed:
                return self._vary(response)
            response = self._private(response)
            if request.method in ("GET", "HEAD") and response.status_code == 200:
                # What a write's If-Match is compared with (api/concurrency.py).
                etag = version_etag(request)
                if etag is not None:
                    response["ETag"] = etag
            return response
        return self._public(request)

    # --- helpers --------------------------------------------------------------------------

    def _respond(self, request: HttpRequest) -> HttpResponse:
        # The request's loader (cms/loading.py, opened by the site middleware) learns the
        # request, whose host absolute URLs use.
        # (A view's exception never reaches here: Django turns it into a response below
        # this middleware, through handler500 = api.errors.server_error, JSON under /api/.)
        with request_scope(request):
            return self.get_response(request)

    def _uncacheable(self, request: HttpRequest) -> bool:
        return any(request.path.startswith(prefix) for prefix in UNCACHED_PREFIXES)

    def _check_draft_access(self, request: HttpRequest) -> None:
        if request.GET.get("version") != "draft":
            return
        match = _V3_PAGE_DETAIL.match(request.path)
        if not match:
            return
        page = Page.objects.filter(pk=match["pk"]).first()
        if page is not None and not can_read_drafts(request.user, page):
            raise APIParameterError(
                "version",
                "Reading drafts needs a token whose user may read drafts (see docs/api.md).",
                status=401 if not request.user.is_authenticated else 403,
                code="drafts_not_allowed",
            )

    def _public(self, request: HttpRequest) -> HttpResponse:
        current = generation(request)
        use_cache = settings.TINGSTED_API_RESPONSE_CACHE
        response = None
        if use_cache:
            conditional = _is_conditional(request)
            stored = api_cache.get_cached(request, current, conditional=conditional)
            if stored is not None:
                if conditional:
                    # Decided on the stored headers alone: a 304 never reads the body.
                    answer = self._conditional(request, current, stored.headers_only(request))
                    if answer.status_code == 304:
                        return answer
                response = stored.response(request)
        if response is None:
            response = self._respond(request)
            storable = not getattr(response, "streaming", False)
            if (
                storable
                and response.status_code == 200
                and not response.has_header("Cache-Control")
            ):
                response["ETag"] = _etag(response.content)
                response["Last-Modified"] = http_date(current / 1_000_000_000)
                if use_cache:
                    response = api_cache.store(request, current, response)
        if response.status_code != 200 or not response.has_header("ETag"):
            return self._vary(response)
        return self._conditional(request, current, response)

    def _conditional(self, request: HttpRequest, current: int, response: HttpResponse):
        """``response``, or a 304 when the caller's copy is current; with public caching."""
        conditional = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=current // 1_000_000_000,
            response=response,
        )
        if not response.has_header("Cache-Control"):
            conditional["Cache-Control"] = (
                "public, no-cache"
                if request.path.startswith(REVALIDATED_PREFIXES)
                else f"public, max-age={settings.TINGSTED_API_MAX_AGE}, "
                f"s-maxage={settings.TINGSTED_API_SHARED_MAX_AGE}"
            )
        if conditional.status_code == 304:
            conditional["ETag"] = response["ETag"]
        return self._vary(conditional)

    @staticmethod
    def _vary(response: HttpResponse) -> HttpResponse:
        # Accept-Encoding: stored answers go out gzipped to the callers that accept it.
        # Cookie: a session makes the answer private, so caches must not reuse it.
        patch_vary_headers(response, ["Authorization", "Cookie", "Accept-Encoding"])
        return response

    def _private(self, response: HttpResponse) -> HttpResponse:
        response["Cache-Control"] = "private, no-store"
        for name in ("ETag", "Last-Modified"):
            if response.has_header(name):
                del response[name]
        return self._vary(response)

    def _error(
        self,
        request,
        error: APIParameterError,
        *,
        location="query",
        headers=None,
        credentialed=False,
    ):
        response = error_response(
            request,
            error.status,
            error.message,
            error.parameter,
            location=location,
            code=error.code,
            headers=headers,
        )
        return self._private(response) if credentialed else self._vary(response)


#: Paths whose answers depend on more than URL and host: never stored.
UNCACHED_PREFIXES = ("/api/v2/page_preview/", "/api/v3/preview/")
#: Paths a cache in front must revalidate on every request (a 304 when nothing changed):
#: a consumer calls the sync feed right after a webhook and must not get an older answer.
REVALIDATED_PREFIXES = ("/api/v3/sync/",)


def _without_body(response: HttpResponse) -> None:
    """A HEAD answer: the GET's headers, its length included, and no body."""
    if getattr(response, "streaming", False):
        return
    length = len(response.content)
    response.content = b""
    if response.status_code != 304:
        response["Content-Length"] = str(length)


def _is_conditional(request: HttpRequest) -> bool:
    return bool(
        request.META.get("HTTP_IF_NONE_MATCH") or request.META.get("HTTP_IF_MODIFIED_SINCE")
    )


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
