"""Admin hooks of the site layer."""

from __future__ import annotations

import copy

from django.utils.translation import gettext
from wagtail import hooks
from wagtail.utils.version import get_main_version

_WHATS_NEW = "whats-new-in-wagtail-"


@hooks.register("construct_help_menu")
def name_whats_new_in_the_users_language(request, items: list) -> None:
    """Wagtail formats its "What's new" label once per process, in whichever language the
    first request had, so every later user read that language; format it per request."""
    for index, item in enumerate(items):
        if getattr(item, "name", "").startswith(_WHATS_NEW):
            item = copy.copy(item)  # the registered item is shared by every request
            item.label = gettext("What's new in Wagtail %(version)s") % {
                "version": get_main_version(include_patch=False)
            }
            items[index] = item


@hooks.register("before_serve_page")
def note_the_served_page(page, request, serve_args, serve_kwargs) -> None:
    """Tell the page cache (cms/pagecache.py) that a page answers this request: only
    pages' answers are stored, and only those of pages without a view restriction."""
    from cms.pagecache import mark_served_page

    mark_served_page(request, page)
