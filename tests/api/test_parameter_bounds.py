"""What the OpenAPI document says of ``limit`` and ``locale`` is what every v3 route does.

A client generated from the document (or a fuzzer reading it) sends what the document
allows: a ``limit`` the document allows must never be refused, and one past the maximum
must be the 400 naming ``limit``; a ``locale`` is one of the configured languages, and an
empty one is the same as none, on every route alike.
"""

from __future__ import annotations

import pytest
from django.conf import settings

from tests.factories.api import APITokenFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi():
    from api.openapi import openapi_document

    return openapi_document()


def _list_operations(openapi: dict, parameter: str) -> list[str]:
    """The GET routes with no path parameter that take ``parameter`` in the query."""
    return sorted(
        path
        for path, operations in openapi["paths"].items()
        if "{" not in path
        and "get" in operations
        and any(
            each["in"] == "query" and each["name"] == parameter
            for each in operations["get"].get("parameters", [])
        )
    )


def _schema_of(openapi: dict, path: str, parameter: str) -> dict:
    (found,) = [
        each["schema"]
        for each in openapi["paths"][path]["get"]["parameters"]
        if each["in"] == "query" and each["name"] == parameter
    ]
    return found


@pytest.fixture
def superuser_headers(db) -> dict[str, str]:
    # Some lists (sites, redirects, documents) are for tokens only: with this one every
    # route answers its list rather than a 401.
    token = APITokenFactory(user=UserFactory(username="bounds-admin", is_superuser=True))
    return {"HTTP_AUTHORIZATION": f"Bearer {token.plaintext}", "HTTP_HOST": "dk.localhost"}


def test_every_list_declares_its_limit_and_the_routes_found_are_the_lists(openapi):
    lists = _list_operations(openapi, "limit")
    # The routes a consumer pages through, Wagtail's and the plugins' alike.
    assert {
        "/api/v3/pages/",
        "/api/v3/documents/",
        "/api/v3/images/",
        "/api/v3/sync/",
        "/api/v3/meetings/upcoming/",
        "/api/v3/minutes/councils/",
    } <= set(lists)
    for path in lists:
        assert _schema_of(openapi, path, "limit")["maximum"] == settings.WAGTAILAPI_LIMIT_MAX, path


def test_the_documented_maximum_is_answered_and_one_more_is_a_400_naming_limit(
    client, openapi, home, superuser_headers
):
    for path in _list_operations(openapi, "limit"):
        maximum = _schema_of(openapi, path, "limit")["maximum"]
        allowed = client.get(path, {"limit": maximum}, **superuser_headers)
        assert allowed.status_code == 200, (path, allowed.content[:300])
        refused = client.get(path, {"limit": maximum + 1}, **superuser_headers)
        assert refused.status_code == 400, (path, refused.status_code)
        assert refused["Content-Type"] == "application/problem+json"
        assert refused.json()["parameter"] == "limit", path


def test_every_locale_parameter_offers_the_configured_languages(openapi):
    languages = sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    routes = _list_operations(openapi, "locale")
    assert {"/api/v3/pages/", "/api/v3/sync/", "/api/v3/meetings/upcoming/"} <= set(routes)
    for path in routes:
        schema = _schema_of(openapi, path, "locale")
        offered = [option for option in schema.get("anyOf", [schema]) if "enum" in option]
        assert [option["enum"] for option in offered] == [languages], path


def test_an_empty_locale_is_no_locale_on_every_route(client, openapi, home, superuser_headers):
    """``?locale=`` was a 400 "No locale ''" on the upcoming meetings only, where the
    pages, sync and council lists took it as no locale."""
    for path in _list_operations(openapi, "locale"):
        without = client.get(path, **superuser_headers)
        empty = client.get(path, {"locale": ""}, **superuser_headers)
        assert empty.status_code == without.status_code == 200, (path, empty.content[:300])
        assert empty.json().get("items") == without.json().get("items"), path


def test_each_offered_locale_is_answered(client, openapi, home, superuser_headers):
    for path in _list_operations(openapi, "locale"):
        schema = _schema_of(openapi, path, "locale")
        (languages,) = [
            option["enum"] for option in schema.get("anyOf", [schema]) if "enum" in option
        ]
        for language in languages:
            answer = client.get(path, {"locale": language}, **superuser_headers)
            assert answer.status_code == 200, (path, language, answer.content[:300])
