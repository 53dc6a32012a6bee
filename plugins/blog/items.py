"""What a list shows of each post or article, fetched in bulk: for index pages and feeds.

People, categories, tags and image renditions cost a fixed number of queries however many
items are shown, and are localised by the request's loader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch

from blocks.representation import RENDITION_SPECS
from cms.public import localize

if TYPE_CHECKING:
    from wagtail.models import Locale

#: Items in a feed.
FEED_ITEMS = 20


def decorate(pages, locale: Locale) -> list:
    """Attach localised people, categories, tags and types to posts or articles in bulk.

    Sets ``shown_authors``, ``shown_owner``, ``shown_categories``, ``shown_tags`` (posts) and
    ``shown_type`` (articles), so templates and feeds read attributes and never query.
    """
    pages = list(pages)
    people, categories, types = [], [], []
    for page in pages:
        if hasattr(page, "authors"):
            people += [author.person for author in page.authors.all()]
            people.append(page.page_owner)
            categories += list(page.categories.all())
        if hasattr(page, "news_type"):
            types.append(page.news_type)
    # A person's organisation is synchronised into the person's translations: a Swedish
    # guest's Danish translation still points at the Swedish organisation row.
    organisations = [person.organisation for person in people if person and person.organisation_id]
    shown = localize([*people, *organisations, *categories, *types], locale)
    for person in people:
        if person is not None:
            shown_organisation = shown.get(person.organisation) if person.organisation_id else None
            shown[person].shown_organisation = shown_organisation
    for page in pages:
        if hasattr(page, "authors"):
            page.shown_authors = [shown[author.person] for author in page.authors.all()]
            page.shown_owner = shown[page.page_owner] if page.page_owner else None
            page.shown_categories = [shown[category] for category in page.categories.all()]
            page.shown_tags = sorted(
                (item.tag for item in page.tagged_items.all()), key=lambda tag: tag.name.lower()
            )
        if hasattr(page, "news_type"):
            page.shown_type = shown[page.news_type] if page.news_type else None
    return pages


def with_related(queryset):
    """Prefetch everything a list item shows, so the query count stays flat."""
    from wagtail.images import get_image_model

    images = get_image_model().objects.prefetch_renditions(*RENDITION_SPECS)
    queryset = queryset.prefetch_related(Prefetch("hero_image", queryset=images))
    if hasattr(queryset.model, "authors"):  # posts
        authors = queryset.model._meta.get_field("authors").related_model
        queryset = queryset.select_related("page_owner__organisation").prefetch_related(
            Prefetch("authors", queryset=authors.objects.select_related("person__organisation")),
            "tagged_items__tag",
            "categories",
        )
    else:
        queryset = queryset.select_related("news_type")
    return queryset
