"""``__in``, and ``=`` through a relation, find no row for a number no column can hold.

Django (5.0 on) answers ``pk=<number past 64 bits>`` on an integer column with no rows, but
not ``pk__in=[…]``, nor ``=`` through a relation (a foreign key, or a page type's ``pk``,
which is its parent link): SQLite's driver raises ``OverflowError`` while binding the
number, and the request answers 500. The admin's list filters run these on what the
address says (Wagtail's page explorer ``?owner=``, ``?content_type=``, the users list
``?group=``, the API-token list ``?user=``, our interest submissions' ``?network=``), so
one hand-edited address was a server error on SQLite while PostgreSQL answered the empty
list. These lookups leave out the numbers no column can hold before the query is built, so
both databases answer the same: no such row.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _unholdable(field: Field, connection: Any) -> Callable[[object], bool]:
    """Whether a value is an integer the column behind ``field`` cannot hold (never, for a
    column that does not hold integers)."""
    while getattr(field, "target_field", None) is not None:
        field = field.target_field
    internal_type = field.get_internal_type()
    if internal_type not in connection.ops.integer_field_ranges:
        return lambda value: False
    low, high = connection.ops.integer_field_range(internal_type)

    def unholdable(value: object) -> bool:
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        return (low is not None and value < low) or (high is not None and value > high)

    return unholdable


class _DropsUnholdableIntegers:
    """Process the right-hand side without the integers the column cannot hold."""

    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            unholdable = _unholdable(self.lhs.output_field, connection)
            kept = [value for value in self.rhs if not unholdable(value)]
            if len(kept) != len(self.rhs):
                # An empty list makes In raise EmptyResultSet: no row, as for pk=.
                lookup = copy.copy(self)
                lookup.rhs = kept
                return super(_DropsUnholdableIntegers, lookup).process_rhs(compiler, connection)
        return super().process_rhs(compiler, connection)


class IntegerIn(_DropsUnholdableIntegers, In):
    pass


class RelatedIntegerIn(_DropsUnholdableIntegers, RelatedIn):
    pass


class RelatedIntegerExact(RelatedExact):
    """``=`` through a relation (a foreign key, or a page type's ``pk``, its parent link),
    which Django's own overflow check does not cover: no row, as for an integer field."""

    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if _unholdable(self.lhs.output_field, connection)(self.rhs):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def install() -> None:
    """Register the lookups (IntegerField covers AutoField and the other integer fields)."""
    IntegerField.register_lookup(IntegerIn)
    ForeignObject.register_lookup(RelatedIntegerIn)
    ForeignObject.register_lookup(RelatedIntegerExact)


def uninstall() -> None:
    """Django's own lookups again, for the bench's stock contender (cms/bench/stock_urls.py)."""
    IntegerField.register_lookup(In)
    ForeignObject.register_lookup(RelatedIn)
    ForeignObject.register_lookup(RelatedExact)
