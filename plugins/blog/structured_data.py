"""schema.org BlogPosting and NewsArticle for posts and articles (JSON-LD).

The publisher is the site itself (an Organization with the site's name and address), so a
post on the Swedish site is published by the Swedish site even when its author is a guest.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from blocks.representation import absolute
from cms.public import rendition_of
from plugins.people.interface import person_of


def publisher(page, request: HttpRequest | None) -> dict[str, Any]:
    site = page.get_site()
    home = site.root_page.localized if site else None
    return {
        "@type": "Organization",
        "name": (site.site_name if site and site.site_name else home.title if home else ""),
        "url": home.get_full_url(request) if home else None,
    }


def image(page, request: HttpRequest | None) -> list[str]:
    if page.hero_image is None:
        return []
    rendition = rendition_of(page.hero_image, "width-1600")
    if rendition is None:  # its file is missing
        return []
    return [absolute(rendition.url, {"request": request})]


def article(page, request: HttpRequest | None) -> dict[str, Any]:
    """BlogPosting for a post, NewsArticle for a news article."""
    is_post = hasattr(page, "authors")  # posts have authors, articles a type
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting" if is_post else "NewsArticle",
        "headline": page.title[:110],
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "description": page.excerpt if is_post else page.lead,
        "datePublished": _date_published(page),
        "dateModified": (page.last_published_at or page.latest_revision_created_at).isoformat()
        if (page.last_published_at or page.latest_revision_created_at)
        else None,
        "publisher": publisher(page, request),
    }
    authors = getattr(page, "shown_authors", None)
    if authors:
        data["author"] = [person_of(row) for row in authors]
    else:
        data["author"] = publisher(page, request)
    pictures = image(page, request)
    if pictures:
        data["image"] = pictures
    if is_post:
        keywords = [tag.name for tag in getattr(page, "shown_tags", [])]
        if keywords:
            data["keywords"] = keywords
        sections = [category.name for category in getattr(page, "shown_categories", [])]
        if sections:
            data["articleSection"] = sections
    elif getattr(page, "shown_type", None) is not None:
        data["articleSection"] = page.shown_type.name
    return data


def _date_published(page) -> str | None:
    published = page.publish_datetime()
    return published.isoformat() if published else None
