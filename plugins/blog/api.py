"""API fields of blog posts and news articles: references resolved, in the page's language.

An external site rebuilding a post needs the authors' names, roles and organisations, the
page owner, the categories and tags as words, and the hero image as rendition URLs with its
alt text and credit; never ids it would have to look up. People and categories are shown in
the page's own language (the translation of the chosen row, or the row itself).

API v2 serves these fields as they are. API v3 reuses them for its page schemas and types
each one by the return annotation of its ``to_representation`` (Wagtail's v2 compatibility
shim), so the annotations below are what a client generated from /api/v3/openapi.json sees:
shared components (``PersonData``, ``ImageData``, ``PageLinkData``, ``VenueData``) where the
value is one, and the models here for the blog's own snippets and links.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.utils import translation
from pydantic import BaseModel, ConfigDict, Field
from rest_framework import serializers

from blocks.representation import ImageData, PageLinkData, image_data, page_link_data
from cms.public import localized
from plugins.people.interface import PersonData, VenueData, person_data, venue_data

T = TypeVar("T")


class BlogCategoryData(BaseModel):
    """A blog category, in the page's language."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    slug: str
    description: str


class NewsTypeData(BaseModel):
    """A news article's type (news, press release, statement), in the page's language."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    slug: str


class RelatedPostData(PageLinkData):
    """A related post: its link, and its excerpt for a teaser."""

    excerpt: str


class RelatedEventData(PageLinkData):
    """The meeting an article announces: its link, when and where."""

    start: datetime.datetime | None
    end: datetime.datetime | None
    venue: VenueData | None
    online: bool = Field(description="Whether participants can join online.")


def in_page_language(
    represent: Callable[[Any, Any], T],
) -> Callable[[Any, Any], T]:
    """Run a field's ``to_representation`` in the language of the page it is given.

    ``functools.wraps`` keeps the return annotation, which types the field in API v3.
    """

    @functools.wraps(represent)
    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            return represent(self, page)

    return to_representation


class _PageField(serializers.Field):
    """A read-only field computed from the whole page (subclasses use @in_page_language)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class DisplayDateField(_PageField):
    """The publish date the editor set, or the day of first publication."""

    # A date, not its ISO string: API v2 renders it the same ("2025-10-15"), and API v3
    # documents it as a date string.
    def to_representation(self, page) -> datetime.date | None:
        return page.display_date


class AuthorsField(_PageField):
    @in_page_language
    def to_representation(self, page) -> list[PersonData]:
        return [person_data(author.person, self.context) for author in page.authors.all()]


class LocalizedPersonField(_PageField):
    @in_page_language
    def to_representation(self, page) -> PersonData | None:
        return person_data(getattr(page, self.field_name), self.context)


class HeroImageField(_PageField):
    @in_page_language
    def to_representation(self, page) -> ImageData | None:
        return image_data(page.hero_image, self.context, caption=page.hero_caption)


class TagsField(_PageField):
    """The post's tags as words in its language, sorted as a reader would."""

    def to_representation(self, page) -> list[str]:
        return sorted((tag.name for tag in page.tags.all()), key=str.lower)


def category_data(category) -> dict | None:
    # Through the request's loader: .localized asks for the active locale every time.
    category = localized(category)
    if category is None:
        return None
    return BlogCategoryData.model_validate(category).model_dump()


class CategoriesField(_PageField):
    @in_page_language
    def to_representation(self, page) -> list[BlogCategoryData]:
        return [category_data(category) for category in page.categories.all()]


class NewsTypeField(_PageField):
    @in_page_language
    def to_representation(self, page) -> NewsTypeData | None:
        news_type = page.news_type.localized if page.news_type else None
        if news_type is None:
            return None
        return NewsTypeData.model_validate(news_type).model_dump()


class RelatedPostsField(_PageField):
    @in_page_language
    def to_representation(self, page) -> list[RelatedPostData]:
        return [
            RelatedPostData.model_validate(post, context=self.context).model_dump()
            for post in page.related()
        ]


class RelatedEventField(_PageField):
    """The meeting an article announces: its link, start, end and venue (or online)."""

    @in_page_language
    def to_representation(self, page) -> RelatedEventData | None:
        event = page.event
        if event is None:
            return None
        venue = event["venue"]
        return {
            **page_link_data(event["page"], self.context),
            # ISO strings, as API v2 has always given them; API v3 re-serialises them as
            # the date-times the schema says.
            "start": event["start"].isoformat() if event["start"] else None,
            "end": event["end"].isoformat() if event["end"] else None,
            "venue": venue_data(venue, self.context) if venue is not None else None,
            "online": event["online"],
        }
