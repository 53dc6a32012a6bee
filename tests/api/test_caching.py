"""ETag, Last-Modified and 304s; a server-side cache invalidated by every kind of change."""

from __future__ import annotations

import pytest
from django.core.cache.backends.locmem import LocMemCache

from api import cache as api_cache
from cms import generation
from tests.api.conftest import add_page

pytestmark = pytest.mark.django_db

PATHS = ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/pages/{id}/", "/api/v3/pages/{id}/"]


@pytest.mark.parametrize("path", PATHS)
def test_public_responses_carry_validators_and_answer_304(api, home, path):
    path = path.format(id=home("da").pk)
    first = api.get(path)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert "Authorization" in first["Vary"]
    etag, modified = first["ETag"], first["Last-Modified"]
    assert api.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get(path, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert api.get(path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_repeated_request_is_answered_from_the_cache(api, home, django_assert_max_num_queries):
    path = f"/api/v3/pages/{home('da').pk}/"
    api.get(path)
    with django_assert_max_num_queries(0):  # site, generation and response from the cache
        assert api.get(path).status_code == 200


def _list_path(home) -> str:
    for number in range(6):
        add_page(home("da"), f"Side {number}", search_description="Tekst " * 80)
    return "/api/v2/pages/?fields=*&limit=20"


def test_a_stored_answer_goes_out_gzipped_to_callers_that_accept_it(api, home):
    import gzip
    import json

    path = _list_path(home)
    built = api.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")  # built, then stored
    hit = api.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = api.get(path)  # no Accept-Encoding: the stored body unzipped
    for response in (built, hit):
        assert response["Content-Encoding"] == "gzip"
        assert response["ETag"].startswith('W/"')
        assert len(response.content) < len(plain.content) / 3
        assert json.loads(gzip.decompress(response.content)) == plain.json()
    assert not plain.has_header("Content-Encoding")
    assert plain["ETag"] == built["ETag"].removeprefix("W/")
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in hit["Vary"]
    # Either form of the validator answers 304, whichever encoding the caller takes.
    assert api.get(path, HTTP_IF_NONE_MATCH=hit["ETag"]).status_code == 304
    gzip_304 = api.get(path, HTTP_IF_NONE_MATCH=plain["ETag"], HTTP_ACCEPT_ENCODING="gzip")
    assert gzip_304.status_code == 304
    assert gzip_304["ETag"] == hit["ETag"]


def test_a_304_from_the_cache_never_reads_the_stored_body(api, home, monkeypatch):
    path = _list_path(home)
    etag = api.get(path)["ETag"]
    cache = api_cache.api_cache()
    read: list[str] = []
    for name in ("get", "get_many"):
        original = getattr(cache, name)

        def recording(keys, *args, _original=original, **kwargs):
            read.extend([keys] if isinstance(keys, str) else keys)
            return _original(keys, *args, **kwargs)

        monkeypatch.setattr(cache, name, recording)
    assert api.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert any(key.endswith(":meta") for key in read)
    assert not any(key.endswith(":body") for key in read)
    # A stale validator gets the whole answer, body read after the headers.
    read.clear()
    response = api.get(path, HTTP_IF_NONE_MATCH='"stale"')
    assert response.status_code == 200 and response.json()["items"]
    assert any(key.endswith(":body") for key in read)


def test_an_answer_whose_body_was_evicted_is_built_again(api, home):
    path = _list_path(home)
    first = api.get(path)
    cache = api_cache.api_cache()
    key = api_cache.response_key(first.wsgi_request)
    cache.delete(key + ":body")  # a cache under memory pressure drops one key of the two
    again = api.get(path, HTTP_IF_NONE_MATCH='"stale"')
    assert again.status_code == 200
    assert again.json() == first.json()
    assert api.get(path).json() == first.json()


def test_with_the_response_cache_off_every_request_is_built_but_still_answers_304(
    api, home, settings
):
    settings.TINGSTED_API_RESPONSE_CACHE = False
    page = home("da")
    path = f"/api/v3/pages/{page.pk}/"
    first = api.get(path)
    # A change that sends no signal: only a response built anew can show it.
    type(page).objects.filter(pk=page.pk).update(title="Bygget igen")
    second = api.get(path)
    assert second.json()["title"] == "Bygget igen"
    assert second["ETag"] != first["ETag"]
    assert api.get(path, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304


def test_publishing_invalidates_the_cache_and_the_next_request_shows_the_change(api, home):
    page = home("da")
    path = f"/api/v2/pages/{page.pk}/"
    before = api.get(path)
    page.title = "Tingsted Danmark – ny titel"
    page.save_revision().publish()
    after = api.get(path)
    assert after.json()["title"] == "Tingsted Danmark – ny titel"
    assert after["ETag"] != before["ETag"]
    assert api.get(path, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


@pytest.mark.parametrize(
    "change", ["unpublish", "move", "delete", "translate", "image", "document", "snippet"]
)
def test_every_kind_of_change_bumps_the_generation(home, change):
    from wagtail.models import Locale

    from tests.factories.cms import DocumentFactory, ImageFactory

    parent = home("da")
    page = add_page(parent, "Flyttes")
    other = add_page(parent, "Ny forælder")
    before = generation.generation()
    if change == "unpublish":
        page.unpublish()
    elif change == "move":
        page.move(other, pos="last-child")
    elif change == "delete":
        page.delete()
    elif change == "translate":
        Locale.objects.get_or_create(language_code="en")
        page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    elif change == "image":
        ImageFactory()
    elif change == "document":
        DocumentFactory()
    elif change == "snippet":
        from plugins.people.models import Person

        Person.objects.create(name="Ny person", locale=parent.locale)
    assert generation.generation() > before


def test_the_generation_is_shared_through_the_cache_across_processes(settings):
    """Two cache clients stand in for two app processes sharing Redis."""
    shared = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared-api"}
    process_a = LocMemCache("shared-api", {})
    process_b = LocMemCache("shared-api", {})
    settings.CACHES = {**settings.CACHES, "api": shared}
    settings.TINGSTED_API_CACHE = "api"
    seen_by_b = process_b.get(generation.GENERATION_KEY)
    new = generation.bump_generation()
    assert process_a.get(generation.GENERATION_KEY) == new
    assert process_b.get(generation.GENERATION_KEY) == new != seen_by_b


def test_the_generation_survives_in_redis_between_clients(settings):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, db=11, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    from django.core.cache.backends.redis import RedisCache

    location = "redis://127.0.0.1:6379/11"
    settings.CACHES = {
        **settings.CACHES,
        "api": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location},
    }
    settings.TINGSTED_API_CACHE = "api"
    other_process = RedisCache(location, {})
    try:
        new = generation.bump_generation()
        assert other_process.get(generation.GENERATION_KEY) == new
    finally:
        other_process.delete(generation.GENERATION_KEY)


def test_cors_is_allowed_for_configured_origins_only(api, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example"]
    allowed = api.get("/api/v3/pages/", HTTP_ORIGIN="https://partner.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = api.get("/api/v3/pages/", HTTP_ORIGIN="https://elsewhere.example")
    assert not other.has_header("Access-Control-Allow-Origin")


def test_rate_limits_answer_429_with_retry_after(api, settings, service_token):
    settings.TINGSTED_API_RATE_ANONYMOUS = "3/minute"
    settings.TINGSTED_API_RATE_TOKEN = "5/minute"
    statuses = [api.get("/api/v3/pages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = api.get("/api/v2/pages/")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["status"] == 429
    # A token has its own budget, apart from the anonymous address.
    statuses = [api.get("/api/v3/pages/", token=service_token).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    other_address = api.get("/api/v3/pages/", REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?fields=*&type=cms.HomePage&limit={n}",
        "/api/v2/pages/?limit={n}",
        "/api/v3/pages/?limit={n}",
    ],
)
def test_lists_of_5_and_25_items_cost_the_same_queries(
    api, home, path, django_assert_num_queries, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.TINGSTED_API_CACHE_TIMEOUT = 0  # measure the view, not the response cache
    parent = home("da")
    for number in range(25):
        add_page(parent, f"Side {number}", live=True)
    # Once per process and cache, not per answer: Wagtail's site root paths.
    api.get(path.format(n=1))
    counts = []
    for limit in (5, 25):
        generation.bump_generation()
        with CaptureQueriesContext(connection) as queries:
            response = api.get(path.format(n=limit))
        assert len(response.json()["items"]) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_browsable_api_page_keeps_each_visitors_csrf_token_to_themselves(home):
    """REST framework's HTML page embeds a CSRF token, whose secret is the visitor's own
    cookie: it was stored and served to the next visitor (and marked public for CDNs). Now
    it is private and built for each visitor; the JSON answer is still shared."""
    import re

    from django.test import Client

    def token(response) -> str:
        return re.search(r'"csrfToken": "([^"]*)"', response.content.decode())[1]

    first, second = (
        Client().get("/api/v2/pages/", HTTP_HOST="localhost", HTTP_ACCEPT="text/html")
        for _ in range(2)
    )
    assert first.status_code == second.status_code == 200
    assert token(first) != token(second)
    assert "csrftoken" in second.cookies  # the second visitor got a token of their own
    for response in (first, second):
        assert response["Cache-Control"] == "private, no-store"
        assert not response.has_header("ETag")
    shared = Client().get("/api/v2/pages/", HTTP_HOST="localhost")
    assert "public" in shared["Cache-Control"] and shared.has_header("ETag")


def test_a_release_serves_nothing_the_old_code_stored(api, home):
    # A release runs migrate (docs/deploy.md); the API's shapes may have changed with it,
    # and an answer stored by the old code would be served until the next publish. What
    # the new code answers differently is stood in for by a row changed without a signal.
    from django.core.management import call_command
    from wagtail.models import Page

    page = home("da")
    path = f"/api/v3/pages/{page.pk}/"
    assert api.get(path).json()["title"] == page.title
    Page.objects.filter(pk=page.pk).update(title="Ny udgave")
    assert api.get(path).json()["title"] == page.title  # the stored answer

    call_command("migrate", verbosity=0, interactive=False)

    assert api.get(path).json()["title"] == "Ny udgave"
