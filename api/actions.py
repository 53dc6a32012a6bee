"""Wagtail's page actions (``/api/v3/pages/{id}/actions/…``), refusing the tree's root.

The root of the page tree has no parent, so Wagtail's copy, alias and move routes fail with
an AttributeError (a 500) when asked to copy or alias it beside itself, to move it, or to
move a page beside it. The admin never offers these; the API does. Each is refused here as
Wagtail refuses an action the user may not take (PermissionDenied: 403).
"""

from __future__ import annotations

from wagtail.actions.copy_page import CopyPagePermissionError
from wagtail.actions.move_page import MovePageAction, MovePagePermissionError

ROOT_REFUSED = "The root of the page tree has no parent: nothing goes beside it."


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
