"""Shared facts of rendered pages, remembered per process and content generation.

What every page view asks for and only content changes — the site's home page, its menu, a
page's translations, feed links — is computed by the first request of a content generation
and read from here by the rest. Every publish, move,
deletion and translation, and every saved site, locale or snippet, bumps the generation
(cms.invalidation), so every process recomputes on its next request. Only what is the same for
every visitor belongs here: never a user's data, a form or a CSRF token, never whole pages.
"""

from __future__ import annotations

from django.http import HttpRequest

from cms.generation import GenerationMemo

#: The rendered pages' memo, and pages' URL parts for pages and API alike
#: (TingstedPage.get_url_parts). The API keeps its own, in api.access; sites and locales have
#: theirs, in cms.sites.
PAGES = GenerationMemo()


def host_key(request: HttpRequest) -> tuple[str, str]:
    """What a page's absolute and relative URLs depend on, besides the page."""
    return (request.scheme, request.get_host().lower())
