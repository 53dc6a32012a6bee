"""Child rows an editor puts in order (authors, moderators, agenda items, rooms).

Wagtail's ``Orderable`` leaves ``sort_order`` empty when code saves a row without one (the
demo, imports, a shell): the admin's InlinePanel always numbers its rows. An empty sort order
among numbered ones sorts first on SQLite and in modelcluster's in-memory lists (previews,
revisions) but last on PostgreSQL, so a list an editor ordered came out in another order on
each. :class:`OrderedRow` numbers such a row when it is saved: it goes after its siblings,
where code that appends one means it to go.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations, models
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


def parent_key(model: type[models.Model]) -> models.ForeignKey | None:
    """The key that names a row's siblings: the rows of the same parent."""
    for field in model._meta.concrete_fields:
        if isinstance(field, ParentalKey):
            return field
    return None


class OrderedRow(Orderable):
    """An ``Orderable`` saved without a sort order takes the next one after its siblings'."""

    class Meta(Orderable.Meta):
        abstract = True
        # Ties (rows numbered alike by hand or by an import) keep the order they were saved in.
        # Strings only: modelcluster sorts unsaved rows by Meta.ordering and reads no expressions.
        ordering = ["sort_order", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.sort_order is None:
            self.sort_order = self.next_sort_order()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sort_order"}
        super().save(*args, **kwargs)

    def next_sort_order(self) -> int:
        """One past the highest sort order among the rows of the same parent (0 for the first)."""
        key = parent_key(type(self))
        siblings = siblings_of(type(self), getattr(self, key.attname) if key else None)
        return after(siblings.exclude(pk=self.pk) if self.pk is not None else siblings)


def siblings_of(model: type[models.Model], parent: Any) -> models.QuerySet:
    """The rows of ``parent`` (every row, for a model without a parental key)."""
    key = parent_key(model)
    manager = model._default_manager
    return manager.filter(**{key.attname: parent}) if key else manager.all()


def after(rows: models.QuerySet) -> int:
    """One past the highest sort order of ``rows`` (0 when none has one)."""
    highest = rows.aggregate(highest=models.Max("sort_order"))["highest"]
    return 0 if highest is None else highest + 1


def number_unordered_rows(model: type[models.Model]) -> int:
    """Give every row without a sort order the next one after its siblings', in saved order.

    For data saved before :class:`OrderedRow`: the order PostgreSQL showed (numbered rows
    first, then the others by primary key) becomes the order everywhere. Returns how many rows
    were numbered. Migrations call it with their historical model.
    """
    key = parent_key(model)
    manager = model._default_manager
    unordered = manager.filter(sort_order__isnull=True).order_by("pk")
    next_of: dict[Any, int] = {}
    for row in unordered:
        parent = getattr(row, key.attname) if key else None
        if parent not in next_of:
            next_of[parent] = after(siblings_of(model, parent))
        manager.filter(pk=row.pk).update(sort_order=next_of[parent])
        next_of[parent] += 1
    return len(unordered)


def numbering_migration(app_label: str, *model_names: str) -> migrations.RunPython:
    """The migration operation that runs :func:`number_unordered_rows` on an app's models
    (their historical versions), once, when a plugin's rows become :class:`OrderedRow`."""

    def number(apps, schema_editor) -> None:
        for name in model_names:
            number_unordered_rows(apps.get_model(app_label, name))

    return migrations.RunPython(number, migrations.RunPython.noop, elidable=True)
