"""Per-site language prefixes: each site serves its own language without a prefix.

Django's ``i18n_patterns(prefix_default_language=False)`` leaves one language, the
project's ``LANGUAGE_CODE``, unprefixed for every site. Tingsted hosts a Danish, a
Swedish and a Norwegian site side by side, each with English under ``/en/``, so the
unprefixed language differs per site. We build one URLconf per site language (Django caches
a resolver per URLconf object, so the prefixes never mix) and the middleware selects it.
"""

from __future__ import annotations

import functools
from importlib import import_module

from django.conf import settings
from django.urls import URLResolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language


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
        # The project's URLconf (ROOT_URLCONF, cms/urls.py) says what is served; this only
        # puts its localized half under the site's prefixes.
        project = import_module(settings.ROOT_URLCONF)
        self.site_language = site_language
        self.handler500 = project.handler500
        self.handler400 = project.handler400
        self.urlpatterns = [
            *project.unlocalized_patterns(),
            URLResolver(SiteLocalePrefixPattern(site_language), project.localized_patterns()),
        ]

    def __repr__(self) -> str:
        return f"<SiteURLConf {self.site_language}>"


@functools.cache
def urlconf_for(site_language: str) -> SiteURLConf:
    return SiteURLConf(site_language)
