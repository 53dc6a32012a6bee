"""Bad input to the API answers 4xx JSON naming the parameter, never 500 (SQLite and PostgreSQL).

Each table row is input a consumer (or a fuzzer) sends by mistake or on purpose; every
endpoint that accepts it is asked. The test client does not re-raise, so a 500 shows as one.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

from cms.search_text import MAX_SEARCH_LENGTH
from tests.factories import indexed_once
from tests.factories.api import APITokenFactory, UserFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory
from tests.factories.cms import DocumentFactory, ImageFactory
from tests.factories.minutes import AgendaItemFactory, CouncilPageFactory, publish_meeting
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import VenueFactory

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = "99999999999999999999999"

NASTY_SEARCHES = {
    "double quote": '"',
    "single quote": "'",
    "open bracket": "(",
    "close bracket": ")",
    "operators": "AND OR NOT",
    "minus": "-",
    "star": "*",
    "colon": ":",
    "nul": "\x00",
    "nul inside": "havne\x00badet",
    "300 words": " ".join(["havnebadet"] * 300),
    "300 short words": " ".join(["a"] * 300)[:MAX_SEARCH_LENGTH],
    "5000 chars": "x" * 5000,
    "emoji": "💡🚲",
    "percent": "%",
    "backslash": "\\",
    "fts column filter": "title:havnebadet",
    "near": "NEAR(havnebadet byen)",
    "unbalanced phrase": '"havnebadet',
}

SEARCH_ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v3/pages/",
    "/api/v3/images/",
    "/api/v3/documents/",
]


@pytest.fixture
def api(api, client):
    client.raise_request_exception = False
    return api


@pytest.fixture
@indexed_once
def content(home):
    """A searchable page, image and document on the Danish site."""
    blog = BlogIndexPageFactory(parent=home("da"), slug="blog")
    # Every word of the positive controls is in each title, operators included.
    title = "Havnebadet or not"
    post = BlogPostPageFactory(parent=blog, slug="bad", title=title, excerpt=title)
    return {
        "page": post,
        "image": ImageFactory(title=title),
        "document": DocumentFactory(title=title),
    }


def _problem(response, status: int, parameter: str) -> None:
    assert response.status_code == status, response.content
    body = response.json()
    if response["Content-Type"] == "application/problem+json":
        assert parameter in [error["loc"][-1] for error in body["errors"]], body
    else:
        assert response["Content-Type"] == "application/json"
        assert body["parameter"] == parameter, body


@pytest.mark.parametrize("endpoint", SEARCH_ENDPOINTS)
def test_search_text_never_gives_a_server_error(api, content, endpoint):
    answers = {}
    for name, text in NASTY_SEARCHES.items():
        response = api.get(f"{endpoint}?search={quote(text)}")
        if len(text) > MAX_SEARCH_LENGTH:
            _problem(response, 400, "search")
        answers[name] = response.status_code
    expected = {
        name: 400 if len(text) > MAX_SEARCH_LENGTH else 200 for name, text in NASTY_SEARCHES.items()
    }
    assert answers == expected


@pytest.mark.parametrize("endpoint", SEARCH_ENDPOINTS)
def test_quotes_and_operators_are_plain_words_that_still_find(api, content, endpoint):
    """Positive control: the syntax is read as words, not swallowed with the results."""
    for text in ('"havnebadet"', "havnebadet OR", "NOT havnebadet", "(havnebadet)", "havnebadet*"):
        response = api.get(f"{endpoint}?search={quote(text)}")
        assert response.status_code == 200, (text, response.content)
        assert response.json()["items"], (endpoint, text)


def test_the_site_search_takes_the_same_text(host_client, content):
    answers = {
        name: host_client.get("da", f"/search/?q={quote(text)}").status_code
        for name, text in NASTY_SEARCHES.items()
    }
    assert answers == dict.fromkeys(NASTY_SEARCHES, 200)
    found = host_client.get("da", f"/search/?q={quote('(havnebadet OR')}")
    assert "/blog/bad/" in found.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/{}/",
        "/api/v3/pages/{}/",
        "/api/v2/images/{}/",
        "/api/v3/images/{}/",
        "/api/v2/documents/{}/",
        "/api/v3/documents/{}/",
        "/api/v3/minutes/councils/{}/meetings/",
        "/api/v3/minutes/meetings/{}/",
        "/api/v3/networks/{}/programme/",
    ],
)
@pytest.mark.parametrize("sign", ["", "-"])
def test_an_id_beyond_64_bits_is_not_found(api, content, path, sign):
    response = api.get(path.format(f"{sign}{BEYOND_64_BITS}"))
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("endpoint", [*SEARCH_ENDPOINTS, "/api/v3/meetings/upcoming/"])
@pytest.mark.parametrize("parameter", ["offset", "limit"])
def test_an_offset_or_limit_beyond_64_bits_names_the_parameter(api, content, endpoint, parameter):
    _problem(api.get(f"{endpoint}?{parameter}={BEYOND_64_BITS}"), 400, parameter)


@pytest.mark.parametrize("parameter", ["child_of", "descendant_of", "ancestor_of", "id"])
@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v3/pages/"])
def test_a_page_id_filter_beyond_64_bits_names_the_parameter(api, content, endpoint, parameter):
    _problem(api.get(f"{endpoint}?{parameter}={BEYOND_64_BITS}"), 400, parameter)


@pytest.mark.parametrize("kind", ["page", "image", "document"])
@pytest.mark.parametrize("given", ["x", "1.5", "-"])
def test_v2_find_by_an_id_that_is_not_a_number_names_id(api, content, kind, given):
    # Wagtail handed ?id= to the ORM as given: ValueError, a 500.
    _problem(api.get(f"/api/v2/{kind}s/find/?id={given}"), 400, "id")
    found = api.get(f"/api/v2/{kind}s/find/?id={content[kind].pk}")
    assert found.status_code == 302
    assert urlsplit(found["Location"]).path == f"/api/v2/{kind}s/{content[kind].pk}/"


@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_v2_limit_zero_names_limit_as_v3_does(api, content, endpoint):
    _problem(api.get(f"{endpoint}?limit=0"), 400, "limit")
    assert api.get(endpoint.replace("v2", "v3") + "?limit=0").status_code == 422


@pytest.mark.parametrize(
    "query",
    [
        "first_published_at=garbage",
        "first_published_at=2024-13-45",
        "last_published_at=yesterday",
        "type=blog.BlogPostPage&date=garbage",
    ],
)
def test_v2_malformed_date_filters_name_the_parameter(api, content, query):
    parameter = query.rsplit("&", 1)[-1].split("=")[0]
    _problem(api.get(f"/api/v2/pages/?{query}"), 400, parameter)


def test_v2_a_well_formed_date_filter_still_filters(api, content):
    published = content["page"].first_published_at.isoformat()
    response = api.get(f"/api/v2/pages/?first_published_at={quote(published)}")
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [content["page"].pk]


def test_plugin_routes_with_ids_answer_for_real_ids(api, home):
    """Positive control for the 64-bit guard: a real id still answers."""
    council = CouncilPageFactory(parent=home("da"))
    meeting = publish_meeting(council, [AgendaItemFactory.build()])
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    assert api.get(f"/api/v3/minutes/councils/{council.pk}/meetings/").status_code == 200
    assert api.get(f"/api/v3/minutes/meetings/{meeting.pk}/").status_code == 200
    assert api.get(f"/api/v3/networks/{network.pk}/programme/").status_code == 200


def _broken(*args, **kwargs):
    raise RuntimeError("a bug in a view")


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/api/v2/pages/", "application/problem+json"),
        ("/api/v3/pages/", "application/problem+json"),
    ],
)
def test_a_server_error_under_api_is_json_in_production(
    api, home, settings, monkeypatch, path, content_type
):
    from wagtail.api.v3.routers import pages as pages_router

    from api.v2 import TingstedPagesAPIViewSet

    settings.DEBUG = False
    monkeypatch.setattr(TingstedPagesAPIViewSet, "listing_view", _broken)
    monkeypatch.setattr(pages_router, "get_pages_queryset", _broken)
    response = api.get(path)
    assert response.status_code == 500
    assert response["Content-Type"] == content_type
    assert response.json()["status"] == 500
    assert "a bug" not in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_a_server_error_elsewhere_is_the_sites_html_page(client, home, settings, monkeypatch):
    settings.DEBUG = False
    client.raise_request_exception = False
    monkeypatch.setattr("plugins.search.views.search_pages", _broken)
    response = client.get("/search/?q=havnebadet", HTTP_HOST="dk.localhost")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_a_snippet_key_its_model_cannot_hold_is_not_found(api, content):
    """Found by the fuzzer (tests/api/test_fuzz.py): Wagtail passes the text to the database."""
    assert api.get("/api/v3/snippets/people.Venue/abc/").status_code == 404
    assert api.get(f"/api/v3/snippets/people.Venue/{BEYOND_64_BITS}/").status_code == 404
    _problem(api.get("/api/v3/snippets/people.Venue/?translation_of=True"), 422, "translation_of")
    admin = APITokenFactory(user=UserFactory(username="admin", is_superuser=True))
    assert api.get("/api/v3/snippets/people.Venue/", token=admin).status_code == 200
    venue = VenueFactory()
    assert api.get(f"/api/v3/snippets/people.Venue/{venue.pk}/", token=admin).status_code == 200


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("locale=da%00", "locale"), ("site=dk%00", "site"), ("title=Havne%00badet", "title")],
)
@pytest.mark.parametrize(
    "endpoint", ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/meetings/upcoming/"]
)
def test_a_nul_in_a_parameter_names_it(api, content, endpoint, query, parameter):
    """Found by the fuzzer on PostgreSQL, whose text cannot hold NUL (500 before)."""
    _problem(api.get(f"{endpoint}?{query}"), 400, parameter)


def test_a_revision_user_id_no_user_could_have_names_it(api, content):
    """Found by the fuzzer in CI: Wagtail hands ``user_id`` text to the ORM (500 before)."""
    admin_user = UserFactory(username="admin", is_superuser=True)
    admin = APITokenFactory(user=admin_user)
    page = content["page"]
    page.save_revision(user=admin_user)
    revisions = f"/api/v3/pages/{page.pk}/revisions/"
    for bad in ["%20%C3%B2b%16", "abc", "1.5"]:
        _problem(api.get(f"{revisions}?user_id={bad}", token=admin), 400, "user_id")
    mine = api.get(f"{revisions}?user_id={admin_user.pk}", token=admin)
    assert mine.status_code == 200
    assert [item["user_id"] for item in mine.json()["items"]] == [admin_user.pk]
    nobody = api.get(f"{revisions}?user_id={admin_user.pk + 1000}", token=admin)
    assert nobody.json()["items"] == []


def _write(client, token, path: str, body: dict):
    import json

    return client.post(
        path,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_HOST="localhost",
        HTTP_AUTHORIZATION=f"Bearer {token.plaintext}",
    )


@pytest.mark.parametrize(
    ("action", "body"),
    [("copy", {}), ("create_alias", {}), ("move", {"destination_id": 1})],
)
def test_the_tree_root_cannot_be_copied_or_moved_beside_itself(client, home, action, body):
    """Wagtail's actions look for the root's parent, which is none: a 403, not a 500."""
    token = APITokenFactory(user=UserFactory(username="root-admin", is_superuser=True))
    response = _write(client, token, f"/api/v3/pages/1/actions/{action}/", body)
    assert response.status_code == 403, response.content
    assert response["Content-Type"] == "application/problem+json"


def test_a_second_snippet_with_the_same_slug_is_refused_not_a_server_error(client, home):
    token = APITokenFactory(user=UserFactory(username="snippet-admin", is_superuser=True))
    body = {"meta": {"type": "blog.BlogCategory"}, "name": "Events"}
    first = _write(client, token, "/api/v3/snippets/blog.BlogCategory/", body)
    assert first.status_code == 201, first.content
    again = _write(client, token, "/api/v3/snippets/blog.BlogCategory/", body)
    assert again.status_code == 422, again.content
    assert "already exists" in again.json()["errors"][0]["msg"]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("child_of=", "child_of"),  # an integer or "root": a union
        ("descendant_of=x", "descendant_of"),
        ("type=", "type"),  # a list of page types
        ("type=nope.Nothing", "type"),
        ("limit=", "limit"),
        # Two parameters checked together: the message names them; the first is named.
        ("descendant_of=root&child_of=3", "descendant_of"),
    ],
)
def test_a_v3_fault_names_the_parameter_the_caller_sent(client, home, query, parameter):
    """The problem named pydantic's labels instead: "constrained-int" for ?child_of=, "0"
    for ?type=, and its ``loc`` carried the route's own argument name ("filters")."""
    response = client.get(f"/api/v3/pages/?{query}", HTTP_HOST="dk.localhost")
    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == parameter
    assert all(error["loc"][:2] == ["query", parameter] for error in problem["errors"])


@pytest.mark.parametrize("endpoint", SEARCH_ENDPOINTS)
def test_the_search_operator_is_and_or_or_and_anything_else_names_it(api, content, endpoint):
    """``/api/v2/pages/?search=x&search_operator=xor`` was a 500: Wagtail hands the operator
    to the search backend, which raises."""
    # An empty one is Wagtail's default in v2; v3 holds it to the document's two values.
    for operator in ("and", "or", "") if "/v2/" in endpoint else ("and", "or"):
        response = api.get(f"{endpoint}?search=havnebadet&search_operator={operator}")
        assert response.status_code == 200, (operator, response.content)
        assert response.json()["items"], (endpoint, operator)
    refused = api.get(f"{endpoint}?search=havnebadet&search_operator=xor")
    assert refused.status_code == (400 if "/v2/" in endpoint else 422), refused.content
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["parameter"] == "search_operator"


@pytest.mark.parametrize("endpoint", SEARCH_ENDPOINTS)
def test_a_searched_list_can_be_ordered(api, content, endpoint):
    """``/api/v3/pages/?search=x&order=title`` answered 422 "Cannot order by 'pk' while
    searching": the id that keeps equal titles in place between pages of a list was added
    as ``pk``, which no search index can order by."""
    for order in ("title", "-title", "id"):
        response = api.get(f"{endpoint}?search=havnebadet&order={order}")
        assert response.status_code == 200, (order, response.content)
        assert response.json()["items"], (endpoint, order)


def test_a_searched_snippet_list_can_be_ordered(client, home):
    from tests.factories.people import PersonFactory

    for name in ("Havnebadets formand", "Havnebadets kasserer"):
        PersonFactory(name=name)
    token = APITokenFactory(user=UserFactory(username="snippet-reader", is_superuser=True))
    response = client.get(
        "/api/v3/snippets/people.Person/?search=havnebadets&order=name",
        HTTP_HOST="dk.localhost",
        HTTP_AUTHORIZATION=f"Bearer {token.plaintext}",
    )
    assert response.status_code == 200, response.content
    assert [item["name"] for item in response.json()["items"]] == [
        "Havnebadets formand",
        "Havnebadets kasserer",
    ]


def test_a_v2_fault_about_two_parameters_names_the_first(client, home):
    """It had ``"parameter": null``: Wagtail's message does not start with the name."""
    parent = home("da").pk
    response = client.get(
        f"/api/v2/pages/?descendant_of=root&child_of={parent}", HTTP_HOST="dk.localhost"
    )
    assert response.status_code == 400
    assert response.json()["parameter"] == "descendant_of"
    assert response.json()["errors"][0]["loc"] == ["query", "descendant_of"]
