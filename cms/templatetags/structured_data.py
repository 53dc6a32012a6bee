"""schema.org JSON-LD for every page type: a safe <script> filter and the BreadcrumbList.

Kept apart from ``tingsted.py`` so page types can ``{% load structured_data %}`` only what
they need. The breadcrumb trail is the page's ancestors from its site's home page (in the
page's language) down to the page itself; the same trail feeds the visible breadcrumb nav.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from wagtail.models import Page

from cms.jsonld import to_script
from cms.memo import PAGES, host_key

register = template.Library()


@register.filter
def jsonld(data: Any) -> str:
    """``{{ data|jsonld }}``: a <script type="application/ld+json"> element for ``data``."""
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', to_script(data))


def breadcrumb_pages(page: Page) -> list[Page]:
    """The page's ancestors below the tree root (home page first), and the page itself."""
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1).specific(defer=True)
    return list(ancestors)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page: Page | None = None) -> list[dict]:
    """``[{"title", "url", "current"}]`` from the home page to ``page`` (absolute URLs)."""
    page = page or context.get("page")
    if not isinstance(page, Page):
        return []
    request = context.get("request")

    def build() -> list[dict]:
        return [
            {"title": item.title, "url": item.get_full_url(request), "current": item.pk == page.pk}
            for item in breadcrumb_pages(page)
        ]

    if request is None or page.pk is None or getattr(request, "is_preview", False):
        return build()
    # Like the language switcher: the trail changes only with the live tree (a new content
    # generation) and the host the URLs are built for.
    return [
        dict(item) for item in PAGES.get(request, ("trail", page.pk, *host_key(request)), build)
    ]


def breadcrumb_list(trail: list[dict]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": item["title"], "item": item["url"]}
            for position, item in enumerate(trail, start=1)
        ],
    }


@register.simple_tag(takes_context=True)
def breadcrumb_jsonld(context, page: Page | None = None) -> str:
    """``{% breadcrumb_jsonld page %}``: the BreadcrumbList of the page as a JSON-LD script."""
    trail = breadcrumb_trail(context, page)
    if len(trail) < 2:
        return ""
    return jsonld(breadcrumb_list(trail))
