"""A list's rows and its total in one query: ``COUNT(*) OVER ()`` on each row.

A paginated list asked the database twice, once for ``count`` and once for the rows. A window
count gives the total with the rows (SQLite and PostgreSQL alike), so every list costs one
query fewer. A separate count remains only where the rows cannot tell: an offset past the end,
a search backend's results, a DISTINCT, grouped or combined query (a window counts before
those apply).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet, Window

#: The annotation carrying the list's total on each of its rows.
TOTAL = "_tingsted_total"


def countable_with_rows(queryset: Any) -> bool:
    """Whether a window count over ``queryset`` is its ``count()``."""
    if not isinstance(queryset, QuerySet):
        return False
    query = queryset.query
    return not (query.distinct or query.group_by is not None or query.combinator)


def rows_and_total(queryset: Any, offset: int, limit: int) -> tuple[list, int]:
    """``queryset[offset:offset + limit]`` as a list, and ``queryset.count()``."""
    if not countable_with_rows(queryset):
        return list(queryset[offset : offset + limit]), queryset.count()
    items = list(queryset.annotate(**{TOTAL: Window(Count("*"))})[offset : offset + limit])
    if items and hasattr(items[0], TOTAL):
        return items, getattr(items[0], TOTAL)
    if not items and offset == 0:
        return items, 0
    return items, queryset.count()
