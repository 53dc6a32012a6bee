"""Admin panels for agenda items that keep a closed item's content from those who may not read it.

A closed item shows the public its number and title only (see ``presentation.redact``); the
edit form (``forms.MinutesPageForm``) removes everything else from a closed item's row for
an editor without the permission, and these panels cope with the missing parts: the
nested participant and attachment panels are left out, and revision compare shows only
the public fields of a closed item.
"""

from __future__ import annotations

import functools

from wagtail.admin.compare import ChildRelationComparison
from wagtail.admin.panels import InlinePanel, Panel

from plugins.minutes.access import can_see_closed_items

#: What anybody may see of a closed item (and edit, when they may edit the page).
CLOSED_ITEM_PUBLIC_FIELDS = ("number", "title", "is_closed")


class ItemInlinePanel(InlinePanel):
    """An InlinePanel inside an agenda item, left out when the item's form has no formset for it."""

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, panel, instance, request, form, prefix):
            self.withheld = form is not None and panel.relation_name not in getattr(
                form, "formsets", {}
            )
            if self.withheld:
                Panel.BoundPanel.__init__(self, panel, instance, request, form, prefix)
                self.label = panel.label
                return
            super().__init__(
                panel=panel, instance=instance, request=request, form=form, prefix=prefix
            )

        def is_shown(self):
            return not self.withheld and super().is_shown()


class ClosedItemsComparison(ChildRelationComparison):
    """Compares agenda items; a closed item shows only its public fields unless ``full``."""

    def __init__(self, field, field_comparisons, obj_a, obj_b, label="", full=False):
        super().__init__(field, field_comparisons, obj_a, obj_b, label=label)
        self.public_comparisons = [
            comparison
            for comparison in field_comparisons
            if getattr(comparison.args[0], "name", None) in CLOSED_ITEM_PUBLIC_FIELDS
        ]
        self.full = full

    def get_child_comparison(self, obj_a, obj_b):
        closed = any(obj is not None and obj.is_closed for obj in (obj_a, obj_b))
        if closed and not self.full:
            original, self.field_comparisons = self.field_comparisons, self.public_comparisons
            try:
                return super().get_child_comparison(obj_a, obj_b)
            finally:
                self.field_comparisons = original
        return super().get_child_comparison(obj_a, obj_b)


class AgendaItemsPanel(InlinePanel):
    """The meeting's agenda items: revision compare redacts closed items for non-readers."""

    class BoundPanel(InlinePanel.BoundPanel):
        def get_comparison(self):
            [comparison] = super().get_comparison()
            full = self.request is not None and can_see_closed_items(self.request.user)
            return [
                functools.partial(
                    ClosedItemsComparison, *comparison.args, **comparison.keywords, full=full
                )
            ]
