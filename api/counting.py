"""A list's rows and its total, with the total counted only when the rows cannot tell it.

A page that is not full ends the list: its total is its offset plus its rows, with no count
query (a short list, the last page). Otherwise the total is a ``COUNT(*)`` of its own.

It used to come with the rows as ``COUNT(*) OVER ()``, one query fewer, but a window makes
the database build every matching row before the limit applies, the wide StreamField columns
of every meeting among them: on the benchmark's 10,000 pages the meetings list's query took
19.5 ms that way, against 0.6 ms for its twenty rows and 2.6 ms for the count apart
(``EXPLAIN ANALYZE``, docs/benchmarks.md).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet


def countable_with_rows(queryset: Any) -> bool:
    """Whether :func:`rows_and_total` counts ``queryset`` (a database query; a search
    backend's results go through Wagtail's own pagination, which counts them its way)."""
    return isinstance(queryset, QuerySet)


def rows_and_total(queryset: Any, offset: int, limit: int) -> tuple[list, int]:
    """``queryset[offset:offset + limit]`` as a list, and ``queryset.count()``."""
    items = list(queryset[offset : offset + limit])
    if len(items) < limit and (items or offset == 0):
        return items, offset + len(items)
    return items, queryset.count()
