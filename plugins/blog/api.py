"""API v2 fields of blog posts and news articles: references resolved, in the page's language.

An external site rebuilding a post needs the authors' names, roles and organisations, the
page owner, the categories and tags as words, and the hero image as rendition URLs with its
alt text and credit; never ids it would have to look up. People and categories are shown in
the page's own language (the translation of the chosen row, or the row itself).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from rest_framework import serializers

from blocks.representation import image_data, page_link_data
from plugins.people.api import person_data, venue_data


class _PageField(serializers.Field):
    """A read-only field computed from the whole page, in the page's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> Any:
        with translation.override(page.locale.language_code):
            return self.represent(page, self.context)

    def represent(self, page, context: dict) -> Any:
        raise NotImplementedError


class DisplayDateField(_PageField):
    """The publish date the editor set, or the day of first publication."""

    def represent(self, page, context):
        day = page.display_date
        return day.isoformat() if day else None


class AuthorsField(_PageField):
    def represent(self, page, context):
        return [person_data(author.person, context) for author in page.authors.all()]


class LocalizedPersonField(_PageField):
    def represent(self, page, context):
        return person_data(getattr(page, self.field_name), context)


class HeroImageField(_PageField):
    def represent(self, page, context):
        data = image_data(page.hero_image, context, caption=page.hero_caption)
        return data


class TagsField(_PageField):
    def represent(self, page, context):
        return sorted((tag.name for tag in page.tags.all()), key=str.lower)


def category_data(category) -> dict | None:
    category = category.localized if category is not None else None
    if category is None:
        return None
    return {
        "id": category.pk,
        "name": category.name,
        "slug": category.slug,
        "description": category.description,
    }


class CategoriesField(_PageField):
    def represent(self, page, context):
        return [category_data(category) for category in page.categories.all()]


class NewsTypeField(_PageField):
    def represent(self, page, context):
        news_type = page.news_type.localized if page.news_type else None
        if news_type is None:
            return None
        return {"id": news_type.pk, "name": news_type.name, "slug": news_type.slug}


class RelatedPostsField(_PageField):
    def represent(self, page, context):
        return [
            {**page_link_data(post, context), "excerpt": post.excerpt} for post in page.related()
        ]


class RelatedEventField(_PageField):
    """The meeting an article announces: its link, start, end and venue (or online)."""

    def represent(self, page, context):
        event = page.event
        if event is None:
            return None
        venue = event["venue"]
        return {
            **page_link_data(event["page"], context),
            "start": event["start"].isoformat() if event["start"] else None,
            "end": event["end"].isoformat() if event["end"] else None,
            "venue": venue_data(venue, context) if venue is not None else None,
            "online": event["online"],
        }
