"""Listing, filtering and paginating the children of a blog or news index.

Rules a visitor (and a crawler) can rely on, tested in tests/blog/test_index.py:

* Filters (``?tag=``, ``?category=``, ``?type=``, ``?year=``) combine, and pagination links
  keep them. A filter value that matches nothing (an unknown tag, ``?year=x``) is not an
  error: the page answers 200 and says that no post matches, with a link back to all posts.
* ``?page=`` must name an existing page: ``?page=abc``, ``?page=0`` and ``?page=9999`` answer
  404, so there is exactly one address per list page and nothing for crawlers to loop over.
  An empty list still has its page 1.

The query count of a list page does not depend on how many posts it shows: people,
categories, tags and image renditions are fetched in a fixed number of queries and
localised in bulk by the request's loader (plugins/blog/items.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path as route
from wagtail.models import Page

from cms.public import FeedLink
from plugins.blog.feeds import index_feed_links, serve_feed
from plugins.blog.items import decorate, with_related

if TYPE_CHECKING:
    from wagtail.models import Locale, Site

PER_PAGE = 10
_YEAR = re.compile(r"^\d{4}$")
#: What a tag, category or type slug can look like; anything else cannot match, and is not
#: sent to the database (PostgreSQL rejects NUL bytes outright).
_SLUG = re.compile(r"^[-\w]+$")


@dataclass
class Filters:
    """The filters a request asks for, with the objects they resolved to."""

    values: dict[str, str] = field(default_factory=dict)
    #: Human labels for the active filters, for "Posts tagged X in 2025".
    labels: list[str] = field(default_factory=list)
    #: True when some value cannot match anything (unknown slug, malformed year).
    impossible: bool = False
    lookups: dict[str, Any] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return bool(self.values)

    def querystring(self, **extra) -> str:
        query = QueryDict(mutable=True)
        for key, value in {**self.values, **extra}.items():
            if value not in (None, ""):
                query[key] = value
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else ""


class ListingIndexMixin:
    """Shared by BlogIndexPage and NewsIndexPage: list, filter, paginate and syndicate."""

    #: The query parameters this index understands, besides ``page``.
    filter_names: tuple[str, ...] = ()

    # --- what is listed -------------------------------------------------------------------

    @classmethod
    def item_model(cls):
        """The page type listed (each index says which, in plugins/blog/models.py)."""
        raise NotImplementedError

    @classmethod
    def _snippet_model(cls, filter_name: str):
        """The snippet a ``category`` or ``type`` filter names: the listed pages' own."""
        field = "categories" if filter_name == "category" else "news_type"
        return cls.item_model()._meta.get_field(field).related_model

    def items(self):
        """Live, public children, newest first."""
        return (
            self.item_model()
            .objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-first_published_at", "-pk")
        )

    # --- filters --------------------------------------------------------------------------

    def parse_filters(self, params: QueryDict) -> Filters:
        from taggit.models import Tag

        filters = Filters()
        for name in self.filter_names:
            raw = params.get(name, "").strip()
            if not raw:
                continue
            raw = "".join(ch for ch in raw[:100] if ch.isprintable())
            filters.values[name] = raw
            is_slug = bool(_SLUG.match(raw))
            if name == "year":
                if _YEAR.match(raw):
                    filters.lookups["date__year"] = int(raw)
                else:
                    filters.impossible = True
                filters.labels.append(_("from %(year)s") % {"year": raw})
            elif name == "tag":
                tag = Tag.objects.filter(slug=raw).first() if is_slug else None
                if tag is None:
                    filters.impossible = True
                else:
                    filters.lookups["tagged_items__tag"] = tag
                filters.labels.append(_("tagged “%(tag)s”") % {"tag": tag.name if tag else raw})
            elif name in ("category", "type"):
                model = self._snippet_model(name)
                row = (
                    model.objects.filter(locale_id=self.locale_id, slug=raw).first()
                    if is_slug
                    else None
                )
                if row is None:
                    filters.impossible = True
                else:
                    lookup = "categories" if name == "category" else "news_type"
                    filters.lookups[f"{lookup}__translation_key"] = row.translation_key
                label = row.name if row else raw
                if name == "category":
                    filters.labels.append(_("in the category “%(name)s”") % {"name": label})
                else:
                    filters.labels.append(_("of the type “%(name)s”") % {"name": label})
        return filters

    def filtered_items(self, filters: Filters):
        if filters.impossible:
            return self.items().none()
        queryset = self.items().filter(**filters.lookups)
        if "categories__translation_key" in filters.lookups:
            queryset = queryset.distinct()
        return queryset

    # --- page -----------------------------------------------------------------------------

    def paginate(self, request: HttpRequest, queryset):
        raw = request.GET.get("page", "1")
        if not raw.isdigit() or int(raw) < 1:
            raise Http404(_("There is no such page of this list."))
        paginator = Paginator(queryset, getattr(self, "per_page", None) or PER_PAGE)
        try:
            return paginator, paginator.page(int(raw))
        except EmptyPage as exc:
            raise Http404(_("There is no such page of this list.")) from exc

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.parse_filters(request.GET)
        paginator, page_obj = self.paginate(request, with_related(self.filtered_items(filters)))
        items = decorate(page_obj.object_list, self.locale)
        context.update(
            {
                "items": items,
                "paginator": paginator,
                "page_obj": page_obj,
                "filters": filters,
                "pagination": pagination_links(paginator, page_obj, filters),
                "years": [d.year for d in self.items().dates("date", "year", order="DESC")],
                "filter_choices": self.filter_choices(),
                "feed_links": self.own_feed_links(request, filters),
            }
        )
        return context

    def filter_choices(self) -> dict[str, list]:
        """What a visitor can filter by: only values that some live post of this index uses."""
        from taggit.models import Tag

        choices: dict[str, list] = {}
        ids = self.items().values("pk")
        if "tag" in self.filter_names:
            choices["tag"] = list(
                Tag.objects.filter(blog_blogposttag_items__content_object_id__in=ids)
                .distinct()
                .order_by("name")
            )
        if "category" in self.filter_names:
            keys = self.items().values("categories__translation_key")
            choices["category"] = list(
                self._snippet_model("category").objects.filter(
                    locale_id=self.locale_id, translation_key__in=keys
                )
            )
        if "type" in self.filter_names:
            keys = self.items().values("news_type__translation_key")
            choices["type"] = list(
                self._snippet_model("type").objects.filter(
                    locale_id=self.locale_id, translation_key__in=keys
                )
            )
        return choices

    # --- feeds ----------------------------------------------------------------------------

    @route("feed/rss/", name="feed_rss")
    def feed_rss(self, request: HttpRequest):
        return serve_feed(self, request, "rss")

    @route("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest):
        return serve_feed(self, request, "atom")

    def own_feed_links(self, request: HttpRequest, filters: Filters | None = None) -> list:
        """RSS and Atom links of this index (narrowed to the active filters, if any)."""
        return index_feed_links(self, request, filters)


def pagination_links(paginator: Paginator, page_obj, filters: Filters) -> dict:
    def url(number: int) -> str:
        return filters.querystring(page=number if number > 1 else None) or "?"

    return {
        "previous": url(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next": url(page_obj.next_page_number()) if page_obj.has_next() else None,
        "pages": [
            {"number": number, "url": url(number), "current": number == page_obj.number}
            for number in paginator.page_range
        ]
        if paginator.num_pages > 1
        else [],
    }


def feed_links(request: HttpRequest, site: Site, locale: Locale) -> list[FeedLink]:
    """The plugin's ``feeds`` hook: every blog and news index of this site and language."""
    from wagtail.models import get_page_models

    root = site.root_page
    if root.locale_id != locale.pk:
        root = Page.objects.filter(translation_key=root.translation_key, locale=locale).first()
        if root is None:
            return []
    indexes = (
        Page.objects.live()
        .public()
        .descendant_of(root)
        .type(*(model for model in get_page_models() if issubclass(model, ListingIndexMixin)))
        .filter(locale=locale)
        .order_by("path")
        .specific()
    )
    links: list[FeedLink] = []
    for index in indexes:
        links += index_feed_links(index, request)
    return links
