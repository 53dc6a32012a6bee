"""API cache hits and 304s are answered before the session, locale, CSRF and auth middleware
(api/cache.py, ``APICacheMiddleware``), with the headers the whole stack gives the answer,
and to no request the whole stack would answer otherwise."""

from __future__ import annotations

import pytest
from django.contrib.sessions.middleware import SessionMiddleware

from cms import generation
from cms.middleware import SiteLocaleMiddleware
from tests.api.conftest import add_page
from tests.conftest import HOSTS
from tests.factories import indexed_once

pytestmark = pytest.mark.django_db

PATHS = ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/pages/{id}/", "/api/v3/pages/{id}/"]
ORIGIN = "https://partner.example"


@pytest.fixture
@indexed_once
def pages(home, settings):
    """Enough pages that a list is stored gzipped; CORS on, so its headers are compared too."""
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    for number in range(6):
        add_page(home("da"), f"Side {number}", search_description="Tekst " * 80)
    return home("da")


def _send(client, path: str, kind: str, etag: str = ""):
    extra = {"HTTP_HOST": HOSTS["da"], "HTTP_ORIGIN": ORIGIN}
    if kind == "gzip":
        extra["HTTP_ACCEPT_ENCODING"] = "gzip, deflate, br"
    if kind == "304":
        extra["HTTP_IF_NONE_MATCH"] = etag
    if kind == "head":
        return client.head(path, **extra)
    return client.get(path, **extra)


def _headers(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name != "Date"}


@pytest.mark.parametrize("kind", ["get", "gzip", "head", "304"])
@pytest.mark.parametrize("path", PATHS)
def test_a_hit_has_the_headers_of_the_same_answer_built(
    client, pages, path, kind, settings, django_assert_num_queries
):
    path = path.format(id=pages.pk)
    etag = _send(client, path, "get")["ETag"]
    generation.bump_generation()  # nothing stored for the generation: the next is built
    built = _send(client, path, kind, etag)
    with django_assert_num_queries(0):
        hit = _send(client, path, kind, etag)
    assert hit.status_code == built.status_code == (304 if kind == "304" else 200)
    assert _headers(hit) == _headers(built)
    assert hit.content == built.content
    assert "X-Frame-Options" in hit and "Content-Language" in hit
    assert hit["Access-Control-Allow-Origin"] == ORIGIN
    if kind == "gzip" and path.endswith("/pages/"):
        assert hit["Content-Encoding"] == "gzip"  # a list, long enough to be stored gzipped
    if kind != "gzip":
        # The same headers as an answer built with the response cache off, which goes
        # through every middleware as it always did.
        settings.TINGSTED_API_RESPONSE_CACHE = False
        uncached = _send(client, path, kind, etag)
        assert _headers(uncached) == _headers(hit)


@pytest.fixture
def below_the_cache_raises(monkeypatch):
    """Make the session and locale middleware (below the cache middleware) fail."""

    def fail(*args, **kwargs):
        raise AssertionError("a middleware below the cache ran")

    def patch():
        monkeypatch.setattr(SessionMiddleware, "process_request", fail)
        monkeypatch.setattr(SiteLocaleMiddleware, "__call__", fail)

    return patch


@pytest.mark.parametrize("path", PATHS)
def test_a_hit_or_304_runs_no_middleware_below_the_cache(
    client, pages, path, below_the_cache_raises
):
    path = path.format(id=pages.pk)
    etag = _send(client, path, "get")["ETag"]
    below_the_cache_raises()
    for kind in ("get", "gzip", "head", "304"):
        response = _send(client, path, kind, etag)
        assert response.status_code in (200, 304)
        assert not hasattr(response.wsgi_request, "session")
    generation.bump_generation()
    with pytest.raises(AssertionError, match="below the cache ran"):
        _send(client, path, "get")  # a miss goes down the whole stack


@pytest.mark.parametrize(
    "authorization",
    ["Bearer not-a-token", "Bearer " + "x" * 40, "Basic dXNlcjpwYXNz", "Bearer"],
)
def test_a_request_with_any_authorization_is_never_answered_from_the_store(
    api, pages, authorization
):
    path = "/api/v3/pages/"
    assert api.get(path).status_code == 200
    assert api.get(path).status_code == 200  # stored
    response = api.get(path, HTTP_AUTHORIZATION=authorization)
    assert response.status_code == 401
    assert response["Cache-Control"] == "private, no-store"


def test_a_session_cookie_is_never_answered_from_the_store(api, pages, settings):
    path = "/api/v3/pages/"
    api.get(path)
    api.client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    response = api.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("ETag")


def test_bad_parameters_are_refused_whatever_is_stored(api, pages):
    api.get("/api/v3/pages/")
    for path in ("/api/v3/pages/?colour=red", "/api/v3/pages/?site=nowhere.example"):
        for _attempt in range(2):
            assert api.get(path).status_code == 400


def test_hits_count_against_the_rate_limit_once(api, pages, settings):
    settings.TINGSTED_API_RATE_ANONYMOUS = "3/minute"
    statuses = [api.get("/api/v3/pages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = api.get("/api/v3/pages/")
    assert limited.status_code == 429
    assert limited.has_header("Retry-After")


def test_the_settings_list_the_cache_middleware_early_and_a_check_says_when_not(settings):
    from api.checks import check_cache_middleware

    assert check_cache_middleware() == []
    session = "django.contrib.sessions.middleware.SessionMiddleware"
    assert settings.MIDDLEWARE.index("api.cache.APICacheMiddleware") < settings.MIDDLEWARE.index(
        session
    )
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "api.cache.APICacheMiddleware"
    ]
    assert [message.id for message in check_cache_middleware()] == ["tingsted_api.W003"]
    settings.TINGSTED_API_RESPONSE_CACHE = False
    assert check_cache_middleware() == []
