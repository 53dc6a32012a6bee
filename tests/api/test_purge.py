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


def _purge_jobs(page, change: str, capture) -> list[list[str]]:
    """The frontend-cache purge jobs queued when ``page`` is published or unpublished
    (``change``), each a list of URLs."""
    from django_tasks.signals import task_started

    jobs: list[list[str]] = []

    def started(sender, task_result, **kwargs):
        if task_result.task.name == "purge_urls_from_cache_task":
            jobs.append(task_result.args[0])

    task_started.connect(started)
    try:
        with capture(execute=True):
            if change == "publish":
                page.save_revision().publish()
            else:
                page.unpublish()
    finally:
        task_started.disconnect(started)
    return jobs


@pytest.mark.parametrize("change", ["publish", "unpublish"])
def test_without_a_cdn_a_publish_queues_no_purge_job(
    settings, home, change, django_capture_on_commit_callbacks
):
    """Wagtail would work out the page's addresses and queue a job that finds no CDN: on a
    task queue in the database, one pointless row per publish."""
    settings.WAGTAILFRONTENDCACHE = {}
    page = add_page(home("da"), "Ingen CDN")
    assert _purge_jobs(page, change, django_capture_on_commit_callbacks) == []


@pytest.mark.parametrize("change", ["publish", "unpublish"])
def test_with_a_cdn_wagtail_still_purges_the_pages_own_address(
    cdn, home, change, django_capture_on_commit_callbacks
):
    page = add_page(home("da"), "Med CDN")
    jobs = _purge_jobs(page, change, django_capture_on_commit_callbacks)
    assert [page.full_url] in jobs
    assert page.full_url == "http://dk.localhost/med-cdn/"
    assert page.full_url in cdn


@pytest.mark.parametrize("change", ["restrict", "change groups", "lift"])
def test_a_change_of_who_may_see_a_page_purges_it_its_subtree_translations_and_lists(
    cdn, home, locales, change, django_capture_on_commit_callbacks
):
    """A page made private must leave the CDN at once, not when s-maxage runs out."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    page = add_page(home("da"), "Bliver lukket")
    child = add_page(page, "Lukket barn")
    translation = page.copy_for_translation(locales["sv"])
    translation.save_revision().publish()
    restriction = None
    if change != "restrict":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if change == "restrict":
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
        elif change == "change groups":
            restriction.groups.add(Group.objects.create(name="Partnere"))
        else:
            restriction.delete()
    purged = set(cdn)
    assert api_urls(page) | api_urls(child) <= purged
    assert f"http://dk.localhost/api/v3/pages/{translation.pk}/" in purged
    assert page.full_url in purged and child.full_url in purged
    assert {"http://dk.localhost/api/v2/pages/", "http://se.localhost/api/v3/pages/"} <= purged


def test_a_changed_snippet_purges_the_pages_that_show_it(
    cdn, home, django_capture_on_commit_callbacks
):
    """A person's new role must not wait for s-maxage on the pages that credit them."""
    from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory
    from tests.factories.people import PersonFactory

    owner = PersonFactory(name="Ida Sidansvarig")
    index = BlogIndexPageFactory(parent=home("en"))
    post = BlogPostPageFactory(parent=index, page_owner=owner)
    post.save()  # the reference index learns of the owner on save, as in the admin
    other = BlogPostPageFactory(parent=index)
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        owner.role = "Head of communications"
        owner.save()
    purged = set(cdn)
    assert f"http://localhost/api/v2/pages/{post.pk}/" in purged
    assert post.full_url in purged
    assert other.full_url not in purged
