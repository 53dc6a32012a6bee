"""RSS 2.0 and Atom feeds of every blog and news index, built on Django's syndication framework.

Each index serves ``feed/rss/`` and ``feed/atom/`` below its own address, so a feed is per
site and per language by construction (the Danish blog's English translation has its own
feed under ``/en/…``). The index's filters apply to its feeds too: ``feed/rss/?tag=housing``
is the feed of one tag. Every URL in a feed is absolute on the page's own site, items carry
their updated date, and the hero image travels as an enclosure.
"""

from __future__ import annotations

import mimetypes
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Page

from blocks.representation import absolute
from cms.public import FeedLink, conditional_response, rendition_of
from plugins.blog.items import FEED_ITEMS, decorate, with_related

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ENCLOSURE_RENDITION = "width-960"
#: Seconds a feed reader or proxy may keep a feed before asking again (then 304).
FEED_MAX_AGE = 300


def _site_name(page: Page) -> str:
    site = page.get_site()
    return site.site_name if site and site.site_name else ""


def feed_title(index, filters=None) -> str:
    title = index.title
    if filters is not None and filters.active:
        title = f"{title} ({', '.join(filters.labels)})"
    return title


class ListingFeed(Feed):
    """The newest items of one index, in its language, optionally narrowed by its filters."""

    def __init__(self, index, filters, kind: str):
        super().__init__()
        self.index = index
        self.filters = filters
        self.kind = kind
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.language = index.locale.language_code
        self.request: HttpRequest | None = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, obj) -> str:
        site_name = _site_name(obj)
        title = feed_title(obj, self.filters)
        return f"{title} · {site_name}" if site_name else title

    def link(self, obj) -> str:
        return obj.get_full_url(self.request) + self.filters.querystring()

    def feed_url(self, obj) -> str:
        return feed_url(obj, self.kind, self.request) + self.filters.querystring()

    def description(self, obj) -> str:
        return obj.intro or obj.title

    def subtitle(self, obj) -> str:
        return self.description(obj)

    def items(self, obj):
        return decorate(with_related(obj.filtered_items(self.filters))[:FEED_ITEMS], obj.locale)

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return getattr(item, "excerpt", None) or getattr(item, "lead", "")

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item) -> str:
        return self.item_link(item)

    def item_pubdate(self, item) -> datetime | None:
        return item.publish_datetime()

    def item_updateddate(self, item) -> datetime | None:
        return item.last_published_at or item.first_published_at

    def author_name(self, obj) -> str:
        # RFC 4287 asks every Atom entry for an author: the feed's, for entries without one.
        return _site_name(obj)

    def item_author_name(self, item) -> str | None:
        authors = getattr(item, "shown_authors", None)
        return ", ".join(person.name for person in authors) if authors else None

    def item_categories(self, item) -> list[str]:
        names = [category.name for category in getattr(item, "shown_categories", [])]
        names += [tag.name for tag in getattr(item, "shown_tags", [])]
        shown_type = getattr(item, "shown_type", None)
        if shown_type is not None:
            names.append(shown_type.name)
        return names

    def item_enclosures(self, item) -> list[Enclosure]:
        image = item.hero_image
        if image is None:
            return []
        rendition = rendition_of(image, ENCLOSURE_RENDITION)
        if rendition is None:  # its file is missing
            return []
        try:
            length = rendition.file.size
        except OSError:
            return []
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        # Media may already live on object storage with absolute URLs; otherwise it is
        # served by the site the feed was requested from.
        url = absolute(rendition.url, {"request": self.request})
        return [Enclosure(url, str(length), mime_type)]


def feed_url(index, kind: str, request: HttpRequest | None = None) -> str:
    name = "feed_atom" if kind == "atom" else "feed_rss"
    return index.get_full_url(request).rstrip("/") + "/" + index.reverse_subpage(name).lstrip("/")


def serve_feed(index, request: HttpRequest, kind: str) -> HttpResponse:
    filters = index.parse_filters(request.GET)
    with override(index.locale.language_code):
        response = ListingFeed(index, filters, kind)(request)
    return conditional_response(request, response, max_age=FEED_MAX_AGE)


def index_feed_links(index, request: HttpRequest, filters=None) -> list[FeedLink]:
    """RSS and Atom of one index, narrowed to ``filters`` when they are active."""
    query = filters.querystring() if filters is not None and filters.active else ""
    title = feed_title(index, filters)
    return [
        FeedLink(
            title=_("%(title)s (RSS)") % {"title": title},
            url=feed_url(index, "rss", request) + query,
            content_type=RSS,
        ),
        FeedLink(
            title=_("%(title)s (Atom)") % {"title": title},
            url=feed_url(index, "atom", request) + query,
            content_type=ATOM,
        ),
    ]
