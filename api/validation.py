"""Request checks every /api/ route shares, applied by the middleware before any view runs.

- Integers no database column holds: an id beyond 64 bits in the path names no object (404);
  in an integer query parameter it is a 400 naming the parameter. Both would otherwise reach
  the database driver, which fails (SQLite: "Python int too large", PostgreSQL: out of range).
- ``?search=``: longer than :data:`cms.search_text.MAX_SEARCH_LENGTH` is a 400 naming
  ``search``; otherwise the text is reduced to plain words (cms/search_text.py) before v2,
  v3 or a plugin route hands it to the search backend.
"""

from __future__ import annotations

import re

from django.http import HttpRequest

from api.access import APIParameterError
from cms.search_text import MAX_SEARCH_LENGTH, plain_words

#: The largest value of a 64-bit signed integer column (ids, offsets on PostgreSQL/SQLite).
MAX_INTEGER = 2**63 - 1
#: Query parameters holding an id or a count, on the v2 and v3 routes and plugin routes.
INTEGER_PARAMETERS = frozenset(
    {
        "offset",
        "limit",
        "id",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "network",
        "council",
        "collection_id",
        "parent",
    }
)
SEARCH_PARAMETERS = ("search",)
_INTEGER = re.compile(r"[+-]?\d+")


class NotFound(Exception):
    """The path names no object: a 404 without a parameter to name."""


def _out_of_range(value: str) -> bool:
    value = value.strip()
    return bool(_INTEGER.fullmatch(value)) and abs(int(value)) > MAX_INTEGER


def check_integers(request: HttpRequest) -> None:
    for segment in request.path.split("/"):
        if segment.isdigit() and int(segment) > MAX_INTEGER:
            raise NotFound
    for name in INTEGER_PARAMETERS.intersection(request.GET):
        for value in request.GET.getlist(name):
            if _out_of_range(value):
                raise APIParameterError(
                    name, f"{name} must be an integer of at most {MAX_INTEGER}."
                )


def clean_search(request: HttpRequest) -> None:
    """Replace each search parameter's text with its plain words (or answer 400)."""
    present = [name for name in SEARCH_PARAMETERS if name in request.GET]
    if not present:
        return
    params = request.GET.copy()
    for name in present:
        raw = params[name]
        if len(raw) > MAX_SEARCH_LENGTH:
            raise APIParameterError(name, f"{name} is longer than {MAX_SEARCH_LENGTH} characters.")
        params[name] = plain_words(raw)
    params._mutable = False
    request.GET = params
