"""factory_boy factories, one per model, grouped by plugin (tests/factories/<plugin>.py).

Also :func:`indexed_once`, for the helpers and fixtures that build pages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from cms.compat import deferred_index_tasks

Built = TypeVar("Built")


def indexed_once(build: Callable[..., Built]) -> Callable[..., Built]:
    """``build`` (a page helper or a fixture) in one ``deferred_index_tasks()`` block.

    A page that is added, revised and published is saved three times, and each save
    re-indexed it for search and references (about a third of the CPU a published page
    costs here): inside one block each page of the build is indexed once, when the build
    is done, in one batch per page type, from what the database then holds, as it would
    have been after the last save. The product does the same when it builds the demo.
    """

    @functools.wraps(build)
    def built(*args, **kwargs):
        with deferred_index_tasks():
            return build(*args, **kwargs)

    return built
