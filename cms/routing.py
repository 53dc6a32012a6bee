"""Per-site language prefixes: each site serves its own language without a prefix.

Django's ``i18n_patterns(prefix_default_language=False)`` leaves one language, the
project's ``LANGUAGE_CODE``, unprefixed for every site. Tingsted hosts a Danish, a
Swedish and a Norwegian site side by side, each with English under ``/en/``, so the
unprefixed language differs per site. We build one URLconf per site language (Django caches
a resolver per URLconf object, so the prefixes never mix) and the middleware selects it.
"""

from __future__ import annotations

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.urls import URLResolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language

SITE_LANGUAGES_CACHE_KEY = "tingsted:site-languages"
#: Seconds a process trusts its own copy of the site languages before asking the shared
#: cache again. Building a page URL needs them, and a list of 100 pages must not cost 100
#: cache round trips; a site's language changing elsewhere shows up here within this time.
LOCAL_TTL = 30
_local: dict[str, object] = {"languages": None, "expires": 0.0}


class SiteLocalePrefixPattern(LocalePrefixPattern):
    """A language prefix that is empty for the site's own language."""

    def __init__(self, site_language: str):
        super().__init__(prefix_default_language=False)
        self.site_language = site_language

    @property
    def language_prefix(self) -> str:
        language_code = get_language() or self.site_language
        if language_code == self.site_language:
            return ""
        return f"{language_code}/"


class SiteURLConf:
    """A URLconf object for one site language (``request.urlconf`` accepts any object)."""

    def __init__(self, site_language: str):
        from cms.urls import handler500, localized_patterns, unlocalized_patterns

        self.site_language = site_language
        self.handler500 = handler500
        self.urlpatterns = [
            *unlocalized_patterns(),
            URLResolver(SiteLocalePrefixPattern(site_language), localized_patterns()),
        ]

    def __repr__(self) -> str:
        return f"<SiteURLConf {self.site_language}>"


@functools.cache
def urlconf_for(site_language: str) -> SiteURLConf:
    return SiteURLConf(site_language)


def site_languages() -> dict[int, str]:
    """Map each Site's id to its own language (that of its root page), cached."""
    now = time.monotonic()
    if _local["languages"] is not None and now < _local["expires"]:
        return _local["languages"]
    languages = cache.get(SITE_LANGUAGES_CACHE_KEY)
    if languages is None:
        from wagtail.models import Site

        languages = dict(Site.objects.values_list("pk", "root_page__locale__language_code"))
        cache.set(SITE_LANGUAGES_CACHE_KEY, languages, 60 * 60)
    _local.update(languages=languages, expires=now + LOCAL_TTL)
    return languages


def site_language(site_id: int | None) -> str:
    if site_id is None:
        return settings.LANGUAGE_CODE
    return site_languages().get(site_id, settings.LANGUAGE_CODE)


def clear_site_languages(**kwargs) -> None:
    _local.update(languages=None, expires=0.0)
    cache.delete(SITE_LANGUAGES_CACHE_KEY)
