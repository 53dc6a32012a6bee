"""What every /api/ request goes through, for v2, v3 and plugin routes alike.

In order: the bearer token is resolved (a malformed or unknown one is a 401, never silently
anonymous); the caller is rate limited; ``?site=`` and ``?locale=`` are checked; the answer
is built, with ETag, Last-Modified, 304s and public Cache-Control for GETs with no session
cookie and no credential; every other response is ``private, no-store`` (cms/visibility.py,
``is_shareable``).

Answers from the server-side cache do not come this far: the API's cache middleware
(api/cache.py, ``APICacheMiddleware``) answers hits and 304s before the session, locale,
CSRF and authentication middleware, and counts those requests against the rate limit there
(this middleware then reuses its count). A public 200 built here for a request it looked up
is left to it to store and send, with the headers the middleware between the two add.
"""

from __future__ import annotations

import hashlib
import re

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from wagtail.models import Page

from api.access import (
    APIParameterError,
    can_read_drafts,
    requested_site,
    resolve_token,
    validate_locale,
)
from api.actions import refuse_revising_an_alias
from api.cache import (
    CACHE_KEY,
    FRESH,
    RATE_COUNTED,
    UNCACHED_PREFIXES,
    conditional_answer,
    without_body,
)
from api.concurrency import if_match_fails, version_etag
from api.errors import error_response, is_v3
from api.parameters import check_known_parameters
from api.throttling import check_rate
from api.validation import NotFound, check_integers, check_json_body, check_text, clean_search
from cms.generation import generation
from cms.loading import request_scope
from cms.renditions import is_incomplete
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
        left = getattr(request, FRESH, None) is response
        if left:
            # Left to the cache middleware, whole: it stores it and sends it as a hit (a 304
            # or a HEAD's headers included). It notes what the middleware between add.
            setattr(request, FRESH, (response, {k.lower(): v for k, v in response.items()}))
        if head:
            request.method = "HEAD"
            if not left:
                without_body(response)
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

        if token is None and hasattr(request, RATE_COUNTED):
            limited = getattr(request, RATE_COUNTED)  # counted by the cache middleware
        else:
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
        try:
            check_json_body(request)
        except APIParameterError as error:
            return self._error(request, error, location="body", credentialed=credentialed)
        try:
            refuse_revising_an_alias(request)
        except APIParameterError as error:
            return self._error(request, error, location="path", credentialed=credentialed)

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
        response = self._respond(request)
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            # The answer holds something of this visitor's: REST framework's browsable page
            # embeds a CSRF token (whose secret is the visitor's cookie) in its body. Stored
            # or shared, the next visitor would read the first one's secret.
            return self._private(response)
        if is_incomplete(request):
            # An image's file is missing (cms/renditions.py): neither stored nor kept by a
            # client, so the answer is whole again once the file is back.
            return self._private(response)
        if (
            not getattr(response, "streaming", False)
            and response.status_code == 200
            and not response.has_header("Cache-Control")
        ):
            response["ETag"] = _etag(response.content)
            response["Last-Modified"] = http_date(current / 1_000_000_000)
            if getattr(request, CACHE_KEY, None) is not None:
                # Looked up by the cache middleware (api/cache.py): it stores the answer
                # and decides on the 304 (see __call__).
                setattr(request, FRESH, response)
                return self._vary(response)
        if response.status_code != 200 or not response.has_header("ETag"):
            return self._vary(response)
        return self._conditional(request, current, response)

    def _conditional(self, request: HttpRequest, current: int, response: HttpResponse):
        """``response``, or a 304 when the caller's copy is current; with public caching."""
        return self._vary(conditional_answer(request, response, current))

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


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
