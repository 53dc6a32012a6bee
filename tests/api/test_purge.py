"""A CDN in front: publishing purges the page's API detail URLs through Wagtail's frontend cache."""

from __future__ import annotations

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from tests.api.conftest import add_page

pytestmark = pytest.mark.django_db

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """Stands in for Varnish or Cloudflare: remembers what it was asked to purge."""

    def purge(self, url: str) -> None:
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "tests.api.test_purge.RecordingBackend", "HOSTNAMES": ["*"]}
    }
    PURGED.clear()
    return PURGED


def api_urls(page) -> set[str]:
    return {
        f"http://dk.localhost/api/v2/pages/{page.pk}/",
        f"http://dk.localhost/api/v3/pages/{page.pk}/",
    }


@pytest.mark.parametrize("change", ["publish", "unpublish", "move", "delete"])
def test_each_change_purges_the_pages_api_detail_urls(
    cdn, home, change, django_capture_on_commit_callbacks
):
    page = add_page(home("da"), "Til CDN")
    other = add_page(home("da"), "Anden forælder")
    page_urls = api_urls(page)
    with django_capture_on_commit_callbacks(execute=True):
        if change == "publish":
            page.save_revision().publish()
        elif change == "unpublish":
            page.unpublish()
        elif change == "move":
            page.move(other, pos="last-child")
        else:
            page.delete()
    assert page_urls <= set(cdn)


def test_without_a_cdn_configured_nothing_is_purged(
    settings, home, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    page = add_page(home("da"), "Ingen CDN")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert PURGED == []
