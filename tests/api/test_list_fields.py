"""API v3's page list with ``fields=``: the same typed fields as each page's detail, for every
page type, so an index takes one request instead of one per item (as ``fields=`` does on v2).
"""

from __future__ import annotations

import datetime

import factory
import pytest

from api.fields import REFERENCE_MAPS
from tests.api.openapi_validation import assert_valid
from tests.api.test_pages import (
    one_page_of_each_type,  # noqa: F401 (fixture)
    tingsted_page_types,
)
from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory
from tests.factories.cms import ImageFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(one_page_of_each_type):  # noqa: F811
    """One live page of every page type on the English site (tests/api/test_pages.py)."""
    return one_page_of_each_type


@pytest.fixture(scope="module")
def openapi():
    from api.openapi import openapi_document

    return openapi_document()


def without_meta(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "meta"}


@pytest.mark.parametrize("page_type", tingsted_page_types())
def test_every_page_type_lists_the_fields_of_its_detail(
    api,
    pages,
    page_type,
    openapi,
):
    page = pages[page_type]
    listed = api.get(f"/api/v3/pages/?type={page_type}&fields=*&limit=50", site="en")
    assert listed.status_code == 200, listed.content
    assert_valid(openapi, "/api/v3/pages/", listed.json())
    item = next(item for item in listed.json()["items"] if item["id"] == page.pk)
    detail = api.get(f"/api/v3/pages/{page.pk}/", site="en").json()
    # Every field of the detail, with the same value; the list's meta stays the list's,
    # and the detail's reference maps (people, organisations, venues) are the list's, once
    # for all its items.
    maps = {name: detail.pop(name) for name in REFERENCE_MAPS if name in detail}
    assert without_meta(item) == without_meta(detail)
    assert item["meta"]["type"] == page_type
    for name, entries in maps.items():
        assert entries.items() <= listed.json()[name].items()


def test_fields_names_some_fields_and_the_others_stay_out(
    api,
    pages,
    openapi,
):
    response = api.get("/api/v3/pages/?type=blog.BlogPostPage&fields=authors,date", site="en")
    assert response.status_code == 200, response.content
    (item,) = response.json()["items"]
    assert set(item) == {"id", "title", "meta", "authors", "date"}
    assert item["authors"][0]["name"]
    assert_valid(openapi, "/api/v3/pages/", response.json())


def test_without_fields_an_item_is_what_it_was(api, pages):
    response = api.get("/api/v3/pages/?type=blog.BlogPostPage", site="en")
    (item,) = response.json()["items"]
    assert set(item) == {"id", "title", "meta"}
    assert set(item["meta"]) == {
        "type",
        "detail_url",
        "html_url",
        "locale",
        "slug",
        "first_published_at",
    }


def test_without_type_each_item_gets_the_fields_its_type_has(
    api,
    pages,
):
    response = api.get("/api/v3/pages/?fields=authors,translations&limit=50", site="en")
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert {item["meta"]["type"] for item in items} >= {"blog.BlogPostPage", "cms.HomePage"}
    for item in items:
        assert "translations" in item
        assert ("authors" in item) == (item["meta"]["type"] == "blog.BlogPostPage")


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("type=blog.BlogPostPage&fields=authors,nonsense", "nonsense"),
        # A field of another type is unknown to this one.
        ("type=blog.BlogPostPage&fields=programme", "programme"),
        ("fields=nonsense", "nonsense"),
        ("fields=*,authors", "*"),
    ],
)
def test_an_unknown_field_is_a_400_naming_fields_and_the_name(
    api,
    pages,
    query,
    named,
):
    response = api.get(f"/api/v3/pages/?{query}", site="en")
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["errors"][0]["loc"] == ["query", "fields"]
    assert named in problem["detail"]


def test_fields_is_declared_on_the_list(openapi):
    operation = openapi["paths"]["/api/v3/pages/"]["get"]
    assert "fields" in {parameter["name"] for parameter in operation["parameters"]}
    items = openapi["components"]["schemas"]["PageListSchema"]["properties"]["items"]["items"]
    members = {member["$ref"].rsplit("/", 1)[1] for member in items["oneOf"]}
    assert "BlogPostPageListItemSchema" in members
    post = openapi["components"]["schemas"]["BlogPostPageListItemSchema"]
    detail = openapi["components"]["schemas"]["BlogPostPageSchema"]
    # The detail's fields and types, none of them required in the list.
    assert set(post["properties"]) == set(detail["properties"])
    assert post["properties"]["authors"] == detail["properties"]["authors"]
    assert sorted(post["required"]) == ["id", "meta", "title"]


def test_a_blog_index_with_authors_and_images_takes_two_anonymous_requests(client, home):
    """What docs/api.md shows a consumer doing ("A blog index in two requests")."""
    blog = BlogIndexPageFactory(parent=home("da"), title="Blog", slug="blog")
    image = ImageFactory(file=factory.django.ImageField(width=120, height=80, color="teal"))
    for number in range(3):
        BlogPostPageFactory(
            parent=blog,
            title=f"Post {number}",
            date=datetime.date(2026, 5, 1) + datetime.timedelta(days=number),
            authors=[PersonFactory(name=f"Author {number}")],
            hero_image=image,
        )

    def get(path: str) -> dict:
        response = client.get(path, HTTP_HOST="dk.localhost")  # anonymous
        assert response.status_code == 200, response.content
        return response.json()

    # 1. The blog index, found by its type (and slug), with its introduction.
    (index,) = get("/api/v3/pages/?type=blog.BlogIndexPage&slug=blog&fields=intro")["items"]
    # 2. Its posts, newest first, with what an index shows of each.
    posts = get(
        f"/api/v3/pages/?type=blog.BlogPostPage&child_of={index['id']}"
        "&fields=date,excerpt,authors,hero_image&order=-date&limit=10"
    )["items"]
    assert [post["title"] for post in posts] == ["Post 2", "Post 1", "Post 0"]
    assert [post["authors"][0]["name"] for post in posts] == ["Author 2", "Author 1", "Author 0"]
    for post in posts:
        urls = [rendition["url"] for rendition in post["hero_image"]["renditions"]]
        assert urls and all(url.startswith("http://dk.localhost") for url in urls)
