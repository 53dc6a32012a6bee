"""Fixtures shared by the whole suite: the sites and locales are built once per session."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Site

from cms.bootstrap import bootstrap_sites
from cms.routing import clear_site_languages

#: Site language -> hostname, as bootstrapped from settings.TINGSTED_SITES.
HOSTS = {"en": "localhost", "da": "dk.localhost", "sv": "se.localhost", "nb": "no.localhost"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        bootstrap_sites(port=80)


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    # The suite is one process, where the in-memory cache is shared by every request, as
    # Redis is in production: the generation lives there, and query budgets are those of
    # production. tests/cms/test_generation.py covers the database store.
    settings.TINGSTED_GENERATION_STORE = "cache"
    cache.clear()
    clear_site_languages()
    yield
    cache.clear()
    clear_site_languages()


@pytest.fixture
def sites(db) -> dict[str, Site]:
    """The bootstrapped sites keyed by their own language: en, da, sv, nb."""
    return {language: Site.objects.get(hostname=host) for language, host in HOSTS.items()}


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(sites, locales):
    """``home(site_language, language=None)``: a site's home page in a language."""

    def get(site_language: str, language: str | None = None):
        root = sites[site_language].root_page.specific
        if language is None or language == site_language:
            return root
        return root.get_translation(locales[language]).specific

    return get


@pytest.fixture
def host_client(client):
    """``host_client.get(host, path)``: the test client pointed at one site."""

    class HostClient:
        def get(self, site_language: str, path: str, **extra):
            return client.get(path, HTTP_HOST=HOSTS[site_language], **extra)

        def post(self, site_language: str, path: str, data=None, **extra):
            return client.post(path, data or {}, HTTP_HOST=HOSTS[site_language], **extra)

    return HostClient()
