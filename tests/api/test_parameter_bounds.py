"""What the OpenAPI document says of ``limit`` and ``locale`` is what every v3 route does.

A client generated from the document (or a fuzzer reading it) sends what the document
allows: a ``limit`` the document allows must never be refused, and one past the maximum
must be the 400 naming ``limit``; a ``locale`` is one of the configured languages, and an
empty one is the same as none, on every route alike.
"""

from __future__ import annotations

import re

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


def _integer_parameters(openapi: dict) -> list[tuple[str, str, dict, dict]]:
    """(route, parameter, integer schema, the other parameters it needs) for the integer
    query parameters of GET routes with no path parameter: a page field filter needs the
    ``type=`` its description names."""
    found = []
    for path, operations in openapi["paths"].items():
        if "{" in path or "get" not in operations:
            continue
        for parameter in operations["get"].get("parameters", []):
            schema = parameter["schema"]
            needs = re.search(
                r"Needs `type=` of a page type declaring it: (\w+\.\w+)",
                parameter.get("description", ""),
            )
            for option in schema.get("anyOf", [schema]):
                if parameter["in"] == "query" and option.get("type") == "integer":
                    extra = {"type": needs.group(1)} if needs else {}
                    found.append((path, parameter["name"], option, extra))
    return found


def test_an_integer_past_64_bits_is_refused_where_the_document_says(
    client, openapi, home, superuser_headers
):
    """A page field filter naming a foreign key or an integer field (``?type=networks.
    NetworkPage&contact_person=…``) with an id past 64 bits was a 500 in v2 and v3 ("Python
    int too large to convert to SQLite INTEGER")."""
    from api.validation import MAX_INTEGER

    parameters = _integer_parameters(openapi)
    assert {
        ("/api/v3/pages/", "offset"),
        ("/api/v3/pages/", "child_of"),
        ("/api/v3/pages/", "contact_person"),
        ("/api/v3/pages/", "hero_image"),
    } <= {(path, name) for path, name, _schema, _extra in parameters}
    for path, name, _schema, extra in parameters:
        for value in (MAX_INTEGER + 1, -MAX_INTEGER - 1):
            refused = client.get(path, {name: value, **extra}, **superuser_headers)
            assert refused.status_code == 400, (path, name, extra, refused.content[:400])
            assert refused.json()["parameter"] == name, (path, name, refused.json())
            assert (
                "not a valid value" in refused.json()["detail"]
                or "at most" in (refused.json()["detail"])
            ), (path, name, refused.json())
        # The v2 list takes the same field filters.
        if path == "/api/v3/pages/" and extra:
            v2 = client.get("/api/v2/pages/", {name: MAX_INTEGER + 1, **extra}, **superuser_headers)
            assert (v2.status_code, v2.json()["parameter"]) == (400, name)
    for path, name, schema, _extra in parameters:
        assert schema["maximum"] <= MAX_INTEGER, (path, name)


def test_a_malformed_field_filter_is_a_422_in_v3_and_a_400_in_v2_naming_it(
    client, home, superuser_headers
):
    for query in ({"type": "blog.NewsPage", "news_type": "abc"}, {"first_published_at": "soon"}):
        (name,) = set(query) - {"type"}
        v3 = client.get("/api/v3/pages/", query, **superuser_headers)
        assert (v3.status_code, v3.json()["parameter"]) == (422, name)
        v2 = client.get("/api/v2/pages/", query, **superuser_headers)
        assert (v2.status_code, v2.json()["parameter"]) == (400, name)


def test_v2_takes_true_and_false_for_a_boolean_filter_as_wagtail_documents(
    client, home, superuser_headers
):
    """``/api/v2/pages/?show_in_menus=true`` is Wagtail's own example; it was a 400 "'true'
    is not a valid value", as only Django's t/f/1/0 passed."""
    shown = client.get("/api/v2/pages/", {"show_in_menus": "true"}, **superuser_headers)
    hidden = client.get("/api/v2/pages/", {"show_in_menus": "false"}, **superuser_headers)
    assert (shown.status_code, hidden.status_code) == (200, 200)
    every = client.get("/api/v2/pages/", **superuser_headers).json()["meta"]["total_count"]
    assert shown.json()["meta"]["total_count"] + hidden.json()["meta"]["total_count"] == every
    refused = client.get("/api/v2/pages/", {"show_in_menus": "maybe"}, **superuser_headers)
    assert (refused.status_code, refused.json()["parameter"]) == (400, "show_in_menus")
