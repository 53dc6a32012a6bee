"""Each site serves its own language unprefixed and its translations under a prefix."""

import re

import pytest
from wagtail.models import Page, Site

from cms.bootstrap import bootstrap_sites

LANGUAGES = ["da", "sv", "nb", "en"]


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("site_language", LANGUAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_site_answers_its_home_page_in_every_language(host_client, site_language, language):
    path = "/" if language == site_language else f"/{language}/"
    response = host_client.get(site_language, path)
    assert response.status_code == 200
    assert html_lang(response) == language
    assert response["Content-Language"] == language


@pytest.mark.django_db
@pytest.mark.parametrize("site_language", ["da", "sv", "nb", "en"])
def test_the_sites_own_language_prefix_redirects_to_the_unprefixed_address(
    host_client, site_language
):
    response = host_client.get(site_language, f"/{site_language}/?q=1")
    assert response.status_code == 301
    assert response["Location"] == "/?q=1"


@pytest.mark.django_db
def test_language_switcher_and_hreflang_link_every_translation(host_client):
    body = host_client.get("da", "/en/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))
    assert alternates == {
        "da": "http://dk.localhost/",
        "sv": "http://dk.localhost/sv/",
        "nb": "http://dk.localhost/nb/",
        "en": "http://dk.localhost/en/",
        "x-default": "http://dk.localhost/",  # the site's own language
    }
    switcher = body[body.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert '<span aria-current="true" lang="en">English</span>' in switcher
    assert 'href="http://dk.localhost/" hreflang="da" lang="da">Dansk</a>' in switcher
    assert 'hreflang="sv" lang="sv">Svenska</a>' in switcher


@pytest.mark.django_db
def test_switcher_leaves_out_languages_without_a_live_translation(host_client, home, locales):
    home("da", "sv").unpublish()
    body = host_client.get("da", "/").content.decode()
    assert 'hreflang="sv"' not in body
    assert 'hreflang="en"' in body


@pytest.mark.django_db
def test_page_urls_use_the_prefixes_of_their_own_site_even_when_rendered_elsewhere(home, rf):
    request = rf.get("/", HTTP_HOST="se.localhost")
    danish_site_in_english = home("da", "en")
    swedish_site_in_swedish = home("sv")
    assert danish_site_in_english.get_url(request) == "http://dk.localhost/en/"
    assert swedish_site_in_swedish.get_url(request) == "/"
    assert home("sv", "da").get_url(request) == "/da/"


@pytest.mark.django_db
def test_bootstrap_twice_changes_nothing():
    pages_before = list(Page.objects.values_list("pk", "title", "latest_revision_id"))
    sites_before = list(Site.objects.values_list("pk", "hostname", "port", "root_page_id"))
    result = bootstrap_sites(port=80)
    assert result.created == []
    assert list(Page.objects.values_list("pk", "title", "latest_revision_id")) == pages_before
    assert list(Site.objects.values_list("pk", "hostname", "port", "root_page_id")) == sites_before


def test_the_site_of_a_request_is_looked_up_once_until_a_site_changes(host_client, sites):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    host_client.get("da", "/")
    with CaptureQueriesContext(connection) as again:
        assert host_client.get("da", "/").status_code == 200
    assert not any('FROM "wagtailcore_site"' in query["sql"] for query in again.captured_queries)

    site = sites["da"]
    site.hostname = "danmark.localhost"
    site.save()
    response = host_client.get("da", "/")  # dk.localhost is no site now: the default answers
    assert response.status_code == 200
    assert html_lang(response) == "en"


def _changed_in_another_process() -> None:
    """What another app process's save leaves behind: a new content generation in the
    store every process reads (the shared cache here), and no signal in this process."""
    from cms.generation import GENERATION_KEY, generation, generation_cache

    generation_cache().set(GENERATION_KEY, generation() + 1, timeout=None)


def test_a_site_changed_by_another_process_is_served_at_the_next_request(host_client, sites, home):
    """Sites and their languages are remembered per content generation, not for a while."""
    assert host_client.get("da", "/")["Content-Language"] == "da"  # remembered now

    # Another process gives dk.localhost the Swedish home page, without signals here.
    Site.objects.filter(pk=sites["da"].pk).update(root_page=home("sv"))
    _changed_in_another_process()

    response = host_client.get("da", "/")
    assert response["Content-Language"] == "sv"
    assert html_lang(response) == "sv"


def test_a_locale_changed_by_another_process_is_used_at_the_next_request(locales):
    """The active locale's row comes from the same memo, and follows a change as soon."""
    from django.utils import translation
    from wagtail.models import Locale

    from cms.sites import active_locale

    with translation.override("sv"):
        assert active_locale() == locales["sv"]
        # Another process takes Swedish away (a locale nothing serves any more).
        Locale.objects.filter(pk=locales["sv"].pk).update(language_code="sv-x-retired")
        assert active_locale() == locales["sv"]  # this process has heard nothing yet
        _changed_in_another_process()
        # As Wagtail does: the LANGUAGE_CODE locale when the language has none.
        assert active_locale() == Locale.get_active() == locales["en"]
