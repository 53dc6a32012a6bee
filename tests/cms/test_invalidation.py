"""The kernel moves the content generation for every change a page or answer shows.

cms/invalidation.py, not the API app: the kernel's own memos (sites, locales, restrictions)
depend on it, so it must hold with only the core installed. Each row is an edit an editor
or an administrator makes; each must start a new generation.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from wagtail.models import Collection, Locale, PageViewRestriction, Site

from cms import generation, invalidation
from cms.sites import all_locales, all_sites


def _bumps(action) -> bool:
    before = generation._read()
    action()
    return generation._read() != before


def _new_locale(locales):
    Locale.objects.create(language_code="fi")


def _rename_site(locales):
    site = Site.objects.get(hostname="dk.localhost")
    site.site_name = "Renamed"
    site.save()


def _new_collection(locales):
    Collection.get_first_root_node().add_child(name="Reports")


def _restrict(locales):
    page = Site.objects.get(hostname="dk.localhost").root_page
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")


def _restrict_to_group(locales):
    page = Site.objects.get(hostname="dk.localhost").root_page
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    generation.bump_generation()
    before = generation._read()
    restriction.groups.add(Group.objects.create(name="Members"))
    assert generation._read() != before


def _publish_home(locales):
    Site.objects.get(hostname="dk.localhost").root_page.specific.save_revision().publish()


def _unpublish_home(locales):
    Site.objects.get(hostname="dk.localhost").root_page.specific.unpublish()


@pytest.mark.parametrize(
    "edit",
    [
        _new_locale,
        _rename_site,
        _new_collection,
        _restrict,
        _restrict_to_group,
        _publish_home,
        _unpublish_home,
    ],
)
def test_every_edit_that_changes_what_is_shown_starts_a_new_generation(edit, locales, sites):
    assert _bumps(lambda: edit(locales))


def test_the_kernel_memos_see_a_new_locale_and_site_at_once(sites, locales):
    assert "fi" not in all_locales()
    assert len(all_sites()) == 4
    Locale.objects.create(language_code="fi")
    Site.objects.create(hostname="fi.localhost", root_page=sites["en"].root_page, port=80)
    assert "fi" in all_locales()
    assert len(all_sites()) == 5


def test_the_generation_handlers_belong_to_the_kernel():
    # Connected by CmsConfig.ready, whatever the API app does.
    uids = {key[0] for key, *_rest in post_save.receivers}
    assert "tingsted_generation_saved" in uids
    assert invalidation.watched_models()
