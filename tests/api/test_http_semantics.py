"""HTTP semantics a consumer relies on: Vary, CORS, HEAD, content coding, unknown
parameters, stable ordering and one rule for datetimes (issue 16). v2's ``?limit=0`` is
covered in test_bad_input.py."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from cms.models import HomePage
from tests.api.conftest import add_page
from tests.factories import indexed_once

pytestmark = pytest.mark.django_db


def _vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/pages/{id}/"])
def test_v2_answers_vary_on_accept_when_built_cached_and_304(api, home, path):
    path = path.format(id=home("da").pk)
    built = api.get(path)
    hit = api.get(path)
    not_modified = api.get(path, HTTP_IF_NONE_MATCH=built["ETag"])
    assert not_modified.status_code == 304
    for response in (built, hit, not_modified):
        assert "accept" in _vary(response), response.status_code
    # The same URL serves the browsable HTML: a shared cache must key on Accept.
    html = api.get(path, HTTP_ACCEPT="text/html")
    assert html["Content-Type"].startswith("text/html")
    assert "accept" in _vary(html)


def test_cors_preflight_allows_conditional_request_headers(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    response = client.options(
        "/api/v3/pages/",
        HTTP_HOST="dk.localhost",
        HTTP_ORIGIN="https://front.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )
    allowed = {h.strip().lower() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert {"if-none-match", "if-modified-since", "authorization"} <= allowed


@pytest.mark.parametrize(
    "path",
    ["/api/v3/pages/", "/api/v3/pages/{id}/", "/api/v2/pages/", "/api/v3/meetings/upcoming/"],
)
def test_head_answers_like_get_without_a_body_on_a_cold_cache(client, home, path):
    path = path.format(id=home("da").pk)
    head = client.head(path, HTTP_HOST="dk.localhost")  # first: nothing cached yet
    get = client.get(path, HTTP_HOST="dk.localhost")
    again = client.head(path, HTTP_HOST="dk.localhost")  # now cached
    for response in (head, again):
        assert response.status_code == 200
        assert response.content == b""
        assert response["ETag"] == get["ETag"]
        assert response["Content-Type"] == get["Content-Type"]
        assert response["Cache-Control"] == get["Cache-Control"]


def test_gzip_is_not_sent_to_a_caller_that_refuses_it(api, home):
    for number in range(6):
        add_page(home("da"), f"Side {number}", search_description="Tekst " * 80)
    path = "/api/v2/pages/?fields=*&limit=20"
    built = api.get(path, HTTP_ACCEPT_ENCODING="gzip;q=0, identity")
    hit = api.get(path, HTTP_ACCEPT_ENCODING="gzip;q=0")
    for response in (built, hit):
        assert not response.has_header("Content-Encoding")
        assert response.json()["items"]
    assert api.get(path, HTTP_ACCEPT_ENCODING="gzip;q=0.5")["Content-Encoding"] == "gzip"


def _problem_names(response) -> list[str]:
    assert response["Content-Type"].startswith("application/problem+json"), response.content
    return [error["loc"][-1] for error in response.json().get("errors") or []]


@pytest.mark.parametrize(
    "path, parameter",
    [
        ("/api/v3/pages/?colour=red", "colour"),
        ("/api/v3/pages/?fields=title,nonsense", "fields"),
        ("/api/v3/pages/{id}/?limit=3", "limit"),
        ("/api/v3/sites/?order=hostname", "order"),
        ("/api/v3/meetings/upcoming/?sort=start", "sort"),
        ("/api/v3/minutes/councils/?bogus=1", "bogus"),
        ("/api/v3/pages/?type=cms.HomePage&no_such_field=1", "no_such_field"),
        ("/api/v3/images/?nonsense=1", "nonsense"),
    ],
)
def test_v3_unknown_query_parameters_are_a_400_naming_them(api, home, path, parameter):
    response = api.get(path.format(id=home("da").pk))
    assert response.status_code == 400
    assert parameter in _problem_names(response)
    assert parameter in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/pages/?site=dk.localhost&locale=da&limit=5&offset=0&order=title",
        "/api/v3/pages/?type=cms.HomePage&search=tingsted",
        "/api/v3/pages/{id}/?rich_text_format=html",
        "/api/v3/pages/find/?html_path=/",
        "/api/v3/meetings/upcoming/?limit=2",
        "/api/v3/pages/?type=cms.HomePage&title=Tingsted",
        "/api/v3/pages/?slug=home&site=dk.localhost",
        "/api/v3/images/?limit=2",
        "/api/v3/documents/?limit=2",
    ],
)
def test_v3_known_query_parameters_still_answer(api, home, path):
    response = api.get(path.format(id=home("da").pk), follow=True)
    assert response.status_code == 200, response.content


def test_v3_order_errors_name_order(api, home):
    response = api.get("/api/v3/pages/?order=no_such_field")
    assert response.status_code in (400, 422)
    assert _problem_names(response) == ["order"]


def test_v2_406_has_the_shape_of_v2_errors(api, home):
    response = api.get("/api/v2/pages/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    body = response.json()
    assert set(body) >= {"message", "status"}
    assert body["status"] == 406


@pytest.fixture
@indexed_once
def same_day_pages(home):
    """96 pages published at the same moment, three titles among them: every ordering below
    has long runs of equal values. As many as ever: without the tiebreaker, whether a walk
    repeats or skips depends on how the database sorts ties, which changes with the number
    of rows and the offset (PostgreSQL sorts the first rows of a result differently)."""
    when = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    parent = add_page(home("da"), "Samme dag")
    for number in range(96):
        page = HomePage(
            title=f"Side {number % 3}", slug=f"side-{number}", locale=parent.locale, live=True
        )
        parent.add_child(instance=page)
    HomePage.objects.child_of(parent).update(first_published_at=when, last_published_at=when)
    return parent


#: Each API version with each ordering that has equal values.
WALKS = [
    (version, order)
    for version in ("v2", "v3")
    for order in ("first_published_at", "-first_published_at", "title")
]


def test_offset_walks_over_equal_values_never_repeat_or_skip(api, same_day_pages):
    """Every walk of WALKS, over one build of the pages (building them for each walk cost
    some three seconds of CPU a walk here); each walk that repeats or skips a page is named."""
    wrong = {}
    for version, order in WALKS:
        seen: list[int] = []
        offset = 0
        while True:
            url = (
                f"/api/{version}/pages/?child_of={same_day_pages.pk}&order={order}"
                f"&limit=7&offset={offset}"
            )
            response = api.get(url)
            assert response.status_code == 200, (version, order, response.content)
            items = response.json()["items"]
            if not items:
                break
            seen.extend(item["id"] for item in items)
            offset += 7
        if len(seen) != 96 or len(set(seen)) != 96:
            wrong[(version, order)] = f"{len(seen)} items, {len(set(seen))} different"
    assert wrong == {}


_OFFSET = re.compile(r"[+-]\d\d:\d\d$")


def _datetimes(data) -> list[str]:
    found = []
    if isinstance(data, dict):
        for value in data.values():
            found.extend(_datetimes(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_datetimes(value))
    elif isinstance(data, str) and re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?.*", data
    ):
        found.append(data)
    return found


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/{id}/",
        "/api/v2/pages/",
        "/api/v3/pages/{id}/",
        "/api/v3/pages/",
    ],
)
def test_datetimes_carry_the_sites_offset_on_every_route(api, home, path):
    page = add_page(home("da"), "Udgivet")
    response = api.get(path.format(id=page.pk))
    assert response.status_code == 200
    values = _datetimes(response.json())
    assert values
    for value in values:
        # Europe/Copenhagen: +01:00 or +02:00, never Z or +00:00.
        assert _OFFSET.search(value) and not value.endswith(("+00:00", "Z")), value


def test_known_parameters_are_read_without_building_the_openapi_document(monkeypatch):
    """The first v3 request of each process built the whole document for this (0.75 s)."""
    from wagtail.api.v3.api import api

    from api import parameters

    def refuse(*args, **kwargs):
        raise AssertionError("the OpenAPI document was built to check parameters")

    monkeypatch.setattr(parameters, "_routes", None)
    monkeypatch.setattr(type(api), "get_openapi_schema", refuse)
    routes = {path: names for _pattern, path, names in parameters._known_routes()}
    assert {"network", "from", "to", "limit", "offset"} <= routes["/api/v3/meetings/upcoming/"]
    assert "search" in routes["/api/v3/pages/"]


def test_the_openapi_document_is_not_rebuilt_after_a_publish(client, home, monkeypatch):
    """The document depends on the code and the language, never on content: a publish
    (a new content generation, so no cached answer) does not cost the seconds of building
    it again, and each language keeps its own descriptions."""
    import api.openapi

    english = client.get("/api/v3/openapi.json", HTTP_HOST="localhost")
    danish = client.get("/api/v3/openapi.json", HTTP_HOST="dk.localhost")
    assert english.status_code == danish.status_code == 200
    assert english.content != danish.content

    def refuse(*args, **kwargs):
        raise AssertionError("the OpenAPI document was built again")

    monkeypatch.setattr(api.openapi, "document_responses", refuse)
    add_page(home("da"), "Efter udgivelsen")
    assert client.get("/api/v3/openapi.json", HTTP_HOST="localhost").content == english.content
    assert client.get("/api/v3/openapi.json", HTTP_HOST="dk.localhost").content == danish.content
