"""Purge a page's API addresses from a CDN in front, through Wagtail's frontend cache.

Wagtail's frontend cache app already purges a page's own URL when it is published; the
CDN also holds the page's API answers, which live under /api/ rather than under the page,
so Wagtail cannot know them. Lists cannot be enumerated (any filter combination is a URL
of its own): they expire by ``s-maxage`` (docs/api.md, "Caching").
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

logger = logging.getLogger(__name__)

#: The detail addresses of a page, relative to its site's root URL.
DETAIL_PATHS = ("/api/v2/pages/{id}/", "/api/v3/pages/{id}/")


def api_urls(page: Page) -> list[str]:
    """Absolute API detail URLs of ``page`` on its own site; none if it is on no site."""
    site = page.get_site()
    if site is None:
        return []
    return [site.root_url + path.format(id=page.pk) for path in DETAIL_PATHS]


def purge_api_urls(page: Page) -> None:
    """After the transaction commits, purge the page's API detail URLs from the CDN."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = api_urls(page)
    if urls:
        transaction.on_commit(lambda: _purge(urls))


def _purge(urls: list[str]) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(urls)
    except Exception:  # a CDN outage must not fail an editor's publish
        logger.exception("Could not purge %s from the frontend cache", urls)
