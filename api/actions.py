"""Wagtail's page actions (``/api/v3/pages/{id}/actions/…``), refusing the tree's root.

The root of the page tree has no parent, so Wagtail's copy, alias and move routes fail with
an AttributeError (a 500) when asked to copy or alias it beside itself, to move it, or to
move a page beside it. The admin never offers these; the API does. Each is refused here as
Wagtail refuses an action the user may not take (PermissionDenied: 403).
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from wagtail.actions.copy_page import CopyPagePermissionError
from wagtail.actions.move_page import MovePageAction, MovePagePermissionError

ROOT_REFUSED = "The root of the page tree has no parent: nothing goes beside it."

#: The actions that save a revision first, which an alias page has none of.
_REVISING_ACTION = re.compile(r"^/api/v3/pages/(?P<id>[0-9]+)/actions/(publish|revert)/$")


def refuse_revising_an_alias(request: HttpRequest) -> None:
    """An alias mirrors its original and keeps no revisions: Wagtail's publish route saves
    one first and raised a RuntimeError (a 500). It is a 409 naming the original instead
    (called by the API middleware)."""
    from wagtail.models import Page

    from api.access import APIParameterError

    match = _REVISING_ACTION.match(request.path) if request.method == "POST" else None
    user = getattr(getattr(request, "api_token", None), "user", None)
    if match is None or user is None:
        return  # no token: Wagtail's 401, before anything about the page is said
    page = Page.objects.filter(pk=match["id"]).first()
    original = page.alias_of_id if page is not None else None
    # Only to a user who may publish it: anyone else gets Wagtail's 403 or 404.
    if original is not None and page.permissions_for_user(user).can_publish():
        raise APIParameterError(
            "page_id",
            f"This page is an alias of page {original}: it shows that page's content and is "
            f"published with it. Publish page {original}, or convert the alias to a page of "
            "its own first (actions/convert_alias/).",
            status=409,
            code="conflict",
        )


def refuse_copy_beside_root(page, destination) -> None:
    """Before the copy and alias routes name a copy beside ``page`` (cms/compat.py)."""
    if destination is None and page.is_root():
        raise CopyPagePermissionError(ROOT_REFUSED)


class RootSafeMovePageAction(MovePageAction):
    def check(self, parent_after, skip_permission_checks=False):
        if parent_after is None or self.page.is_root():
            raise MovePagePermissionError(ROOT_REFUSED)
        super().check(parent_after, skip_permission_checks=skip_permission_checks)


def register(registry) -> None:
    """Wagtail's ``register_actions`` hook (api/wagtail_hooks.py)."""
    from wagtail.models import Page

    registry.register(Page, RootSafeMovePageAction)
