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


@hooks.register("before_copy_page")
def refuse_a_copy_to_no_page(request, page):
    """Wagtail's copy view reads the chosen parent with ``Page.objects.get`` before its form
    checks it, so a parent deleted meanwhile (or a posted value that is no page's id) was a
    500. Such a post goes back to the copy form with a message; nothing is copied."""
    if request.method != "POST":
        return None
    from django.contrib import messages
    from django.shortcuts import redirect
    from wagtail.models import Page

    chosen = request.POST.get("new_parent_page", "")
    if chosen.isascii() and chosen.isdigit() and Page.objects.filter(pk=int(chosen)).exists():
        return None
    messages.error(
        request,
        gettext("The page chosen as the new parent does not exist. Choose another and copy again."),
    )
    return redirect(request.get_full_path())
