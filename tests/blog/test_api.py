"""Posts and articles in API v3: every field typed in the OpenAPI document, answers valid for it."""

from __future__ import annotations

import datetime
from typing import Any

import jsonschema
import pytest

from tests.factories.blog import (
    BlogCategoryFactory,
    BlogPostPageFactory,
    NewsPageFactory,
    NewsTypeFactory,
)
from tests.factories.cms import ImageFactory
from tests.factories.meetings import EventIndexPageFactory, MeetingPageFactory, local
from tests.factories.people import (
    OrganisationFactory,
    PersonFactory,
    VenueFactory,
    VenueRoomFactory,
)

pytestmark = pytest.mark.django_db

POST_FIELDS = ["date", "authors", "page_owner", "hero_image", "tags", "categories", "related_posts"]
NEWS_FIELDS = ["date", "news_type", "hero_image", "related_event"]


@pytest.fixture(scope="module")
def openapi():
    from api.openapi import openapi_document

    return openapi_document()


def validator(openapi, schema: dict) -> jsonschema.Draft202012Validator:
    # The format checker makes "date" and "date-time" strings count, not only their type.
    return jsonschema.Draft202012Validator(
        {**schema, "components": openapi["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def validates(openapi, data: dict, component: str) -> None:
    """``data`` is a valid detail answer, and valid for its own page type's component."""
    operation = openapi["paths"]["/api/v3/pages/{page_id}/"]["get"]
    detail = operation["responses"]["200"]["content"]["application/json"]["schema"]
    validator(openapi, detail).validate(data)
    validator(openapi, {"$ref": f"#/components/schemas/{component}"}).validate(data)


def get(client, url: str) -> dict:
    """An API answer from the Danish site, where the blog and news index live."""
    response = client.get(url, HTTP_HOST="dk.localhost")
    assert response.status_code == 200, response.content
    return response.json()


def shape(value: Any) -> Any:
    """Keys and JSON types only: what must be the same in both APIs (URLs and date-time
    notation may differ)."""
    if isinstance(value, dict):
        return {key: shape(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [shape(inner) for inner in value]
    return type(value).__name__


@pytest.fixture
def full_post(blog, locales):
    danish = locales["da"]
    guest = PersonFactory(
        name="Karin Lindqvist",
        is_external=True,
        organisation=OrganisationFactory(logo=ImageFactory()),
        photo=ImageFactory(),
        locale=danish,
    )
    related = BlogPostPageFactory(parent=blog, title="Et tidligere indlæg")
    post = BlogPostPageFactory(
        parent=blog,
        title="Hvad mener vi med integration?",
        date=datetime.date(2025, 10, 15),
        authors=[guest, PersonFactory(locale=danish)],
        page_owner=PersonFactory(name="Klara Persson", photo=ImageFactory(), locale=danish),
        hero_image=ImageFactory(),
        hero_caption="Foreningshuset",
        categories=[BlogCategoryFactory(locale=danish), BlogCategoryFactory(locale=danish)],
        tags=["sprog", "Frivillige"],
        body=[("text", "<p>Brødtekst.</p>")],
    )
    post.related_posts.create(related=related)
    post.save_revision().publish()
    return post


@pytest.fixture
def full_article(news, home, locales):
    venue = VenueFactory(access_notes="Step-free entrance.")
    VenueRoomFactory(venue=venue)
    events = EventIndexPageFactory(parent=home("da"), slug="arrangementer")
    meeting = MeetingPageFactory(
        parent=events,
        venue=venue,
        online_url="https://example.org/join",
        start=local(2025, 11, 20, 9),
        end=local(2025, 11, 20, 16),
    )
    return NewsPageFactory(
        parent=news,
        title="Nordisk konference",
        date=datetime.date(2025, 9, 21),
        news_type=NewsTypeFactory(name="Nyhed", locale=locales["da"]),
        hero_image=ImageFactory(),
        related_event=meeting,
        call_to_action=[
            (
                "call_to_action",
                {"label": "Tilmeld", "url": "https://example.org/", "page": None, "text": ""},
            )
        ],
    )


def test_blog_fields_are_typed_with_the_shared_schemas(openapi):
    components = openapi["components"]["schemas"]

    def typed(schema: str, field: str) -> dict:
        """The non-null part of a field Wagtail makes nullable (``T | None``)."""
        (part,) = [
            part
            for part in components[schema]["properties"][field]["anyOf"]
            if part != {"type": "null"}
        ]
        return part

    def ref(name: str) -> dict:
        return {"$ref": f"#/components/schemas/{name}"}

    for schema in ["BlogPostPageSchema", "NewsPageSchema"]:
        assert typed(schema, "date") == {"type": "string", "format": "date"}
        assert typed(schema, "hero_image") == ref("ImageData")
    assert typed("BlogPostPageSchema", "authors")["items"] == ref("PersonData")
    assert typed("BlogPostPageSchema", "page_owner") == ref("PersonData")
    assert typed("BlogPostPageSchema", "tags")["items"] == {"type": "string"}
    assert typed("BlogPostPageSchema", "categories")["items"] == ref("BlogCategoryData")
    assert typed("BlogPostPageSchema", "related_posts")["items"] == ref("RelatedPostData")
    assert typed("NewsPageSchema", "news_type") == ref("NewsTypeData")
    assert typed("NewsPageSchema", "related_event") == ref("RelatedEventData")
    assert set(components["BlogCategoryData"]["properties"]) == {
        "id",
        "name",
        "slug",
        "description",
    }
    assert set(components["RelatedPostData"]["properties"]) == {
        "id",
        "title",
        "url",
        "type",
        "excerpt",
    }
    related_event = components["RelatedEventData"]["properties"]
    assert related_event["venue"]["anyOf"][0] == ref("VenueData")
    assert {"type": "string", "format": "date-time"} in related_event["start"]["anyOf"]


def test_a_full_blog_post_validates_and_matches_api_v2(client, openapi, full_post):
    v3 = get(client, f"/api/v3/pages/{full_post.pk}/")
    validates(openapi, v3, "BlogPostPageSchema")
    assert v3["date"] == "2025-10-15"
    assert v3["authors"][0]["name"] == "Karin Lindqvist"
    assert v3["authors"][0]["photo"]["renditions"] and v3["authors"][0]["organisation"]["logo"]
    assert v3["page_owner"]["name"] == "Klara Persson"
    assert v3["hero_image"]["caption"] == "Foreningshuset"
    # Image URLs on the site the consumer asked, in v3 as in v2, never the admin's host.
    for image in (v3["hero_image"], v3["authors"][0]["photo"]):
        assert all(r["url"].startswith("http://dk.localhost/") for r in image["renditions"])
    assert v3["tags"] == ["Frivillige", "sprog"]
    assert len(v3["categories"]) == 2
    assert v3["related_posts"][0]["title"] == "Et tidligere indlæg"
    assert v3["related_posts"][0]["excerpt"]
    v2 = get(client, f"/api/v2/pages/{full_post.pk}/")
    for field in POST_FIELDS:
        assert shape(v3[field]) == shape(v2[field]), field
    assert v2["date"] == "2025-10-15"


def test_a_full_news_article_validates_and_matches_api_v2(client, openapi, full_article):
    v3 = get(client, f"/api/v3/pages/{full_article.pk}/")
    validates(openapi, v3, "NewsPageSchema")
    assert v3["date"] == "2025-09-21"
    assert v3["news_type"]["name"] == "Nyhed"
    assert v3["hero_image"]["renditions"]
    event = v3["related_event"]
    assert event["type"] == "meetings.MeetingPage"
    assert event["venue"]["rooms"] and event["online"] is True
    v2 = get(client, f"/api/v2/pages/{full_article.pk}/")
    for field in NEWS_FIELDS:
        assert shape(v3[field]) == shape(v2[field]), field
    for moment in ["start", "end"]:
        assert datetime.datetime.fromisoformat(event[moment]) == datetime.datetime.fromisoformat(
            v2["related_event"][moment]
        )
    assert datetime.datetime.fromisoformat(event["start"]) == local(2025, 11, 20, 9)


def test_empty_optional_fields_validate_too(client, openapi, blog, news):
    post = BlogPostPageFactory(parent=blog, date=None)
    article = NewsPageFactory(parent=news, hero_image=None)
    data = get(client, f"/api/v3/pages/{post.pk}/")
    validates(openapi, data, "BlogPostPageSchema")
    # No date set: the day of first publication, in the site's time zone.
    assert data["date"] == "2025-06-01"
    assert data["authors"] == [] and data["page_owner"] is None and data["hero_image"] is None
    data = get(client, f"/api/v3/pages/{article.pk}/")
    validates(openapi, data, "NewsPageSchema")
    assert data["news_type"] is None and data["related_event"] is None
