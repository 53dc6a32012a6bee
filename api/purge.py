"""Purge a page's API addresses from a CDN in front, through Wagtail's frontend cache.

Wagtail's frontend cache app already purges a page's own URL when it is published; the
CDN also holds the page's API answers, which live under /api/ rather than under the page,
so Wagtail cannot know them. Lists cannot be enumerated (any filter combination is a URL
of its own): they expire by ``s-maxage`` (docs/api.md, "Caching"), except that a change of
who may see a page also purges every site's list roots (:func:`purge_access_change`).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

logger = logging.getLogger(__name__)

#: The detail addresses of a page, relative to its site's root URL.
DETAIL_PATHS = ("/api/v2/pages/{id}/", "/api/v3/pages/{id}/")

#: Lists every site serves without parameters, purged when who may see a page changes.
LIST_PATHS = ("/api/v2/pages/", "/api/v3/pages/", "/sitemap.xml")

#: At most this many pages' addresses are purged for one restriction change; the rest
#: expire by ``s-maxage`` (a warning is logged).
MAX_PURGED_PAGES = 500


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


def purge_access_change(page: Page) -> None:
    """Who may see ``page`` changed (a view restriction, a closed item): purge it, its
    descendants and their translations, HTML and API, plus each site's list roots."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    keys = Page.objects.descendant_of(page, inclusive=True).values("translation_key")
    purge_pages(Page.objects.filter(translation_key__in=keys))


def purge_usage(obj) -> None:
    """A snippet (person, venue, organisation…) changed: purge every page that shows it.

    Wagtail's reference index knows which pages refer to ``obj``.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    purge_pages(
        Page.objects.filter(pk__in=[int(pk) for pk in ids.values_list("object_id", flat=True)])
    )


def purge_pages(pages) -> None:
    """Purge ``pages`` (HTML and API detail addresses) and every site's list roots."""
    from wagtail.models import Site

    affected = list(pages.specific()[: MAX_PURGED_PAGES + 1])
    if len(affected) > MAX_PURGED_PAGES:
        logger.warning(
            "More than %s pages changed at once; only %s purged from the frontend cache, the "
            "rest expire by s-maxage.",
            MAX_PURGED_PAGES,
            MAX_PURGED_PAGES,
        )
        affected = affected[:MAX_PURGED_PAGES]
    urls: list[str] = []
    for each in affected:
        full_url = each.get_full_url()
        if full_url:
            urls.append(full_url)
        urls.extend(api_urls(each))
    if affected:
        for site in Site.objects.all():
            urls.extend(site.root_url + path for path in LIST_PATHS)
    if urls:
        transaction.on_commit(lambda: _purge(urls))
