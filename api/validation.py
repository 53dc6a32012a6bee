"""Request checks every /api/ route shares, applied by the middleware before any view runs.

- Integers no database column holds: an id beyond 64 bits in the path names no object (404),
  as does a snippet ``{pk}`` its model's key cannot hold; in an integer query parameter it
  is a 400 naming the parameter. Both would otherwise reach
  the database driver, which fails (SQLite: "Python int too large", PostgreSQL: out of range).
- A JSON body that is not an object (``[null]``, ``3``) where every v3 write takes one: a 422
  naming ``body``; Wagtail's page and snippet bodies pick their type from the object and
  failed on anything else (a 500).
- ``?search=``: longer than :data:`cms.search_text.MAX_SEARCH_LENGTH` is a 400 naming
  ``search``; otherwise the text is reduced to plain words (cms/search_text.py) before v2,
  v3 or a plugin route hands it to the search backend.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from django.apps import apps
from django.core.exceptions import ValidationError
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
_INTEGER = re.compile(r"[+-]?[0-9]+")
_SNIPPET = re.compile(r"^/api/v3/snippets/(?P<type>[^/]+)/(?:(?P<pk>[^/]+)/)?")


class NotFound(Exception):
    """The path names no object: a 404 without a parameter to name."""


def _out_of_range(value: str) -> bool:
    value = value.strip()
    return bool(_INTEGER.fullmatch(value)) and abs(int(value)) > MAX_INTEGER


def check_text(request: HttpRequest) -> None:
    """A NUL character in a query parameter is a 400 naming it: PostgreSQL text cannot hold
    one, so any lookup with it (``?locale=``, ``?site=``, a v2 field filter) would fail."""
    for name, values in request.GET.lists():
        if name in SEARCH_PARAMETERS:
            continue  # reduced to plain words by clean_search
        if "\x00" in name or any("\x00" in value for value in values):
            raise APIParameterError(
                name.replace("\x00", ""), f"{name} must not contain NUL characters."
            )


#: Where a JSON body other than an object is accepted: the sync route's optional ``null``.
_JSON_NULL_BODIES = re.compile(r"^/api/v3/translations/pages/[^/]+/sync/$")


def check_json_body(request: HttpRequest) -> None:
    """Every v3 write with a JSON body takes an object (the OpenAPI document's request
    bodies); anything else is a 422 naming ``body``. Malformed JSON is django-ninja's."""
    if request.method not in ("POST", "PUT", "PATCH") or not request.path.startswith("/api/v3/"):
        return
    if request.content_type != "application/json" or not request.body.strip():
        return
    try:
        body = json.loads(request.body)
    except ValueError:
        return
    if isinstance(body, dict) or (body is None and _JSON_NULL_BODIES.match(request.path)):
        return
    raise APIParameterError(
        "body", "The request body must be a JSON object.", status=422, code="type_error"
    )


def check_integers(request: HttpRequest) -> None:
    for segment in request.path.split("/"):
        # ASCII digits only (str.isdigit() is true for "¹", which int() refuses), signed:
        # an integer path parameter takes "-5" too.
        if _out_of_range(segment):
            raise NotFound
    _check_snippet_pk(request)
    for name in INTEGER_PARAMETERS.intersection(request.GET):
        for value in request.GET.getlist(name):
            if _out_of_range(value):
                raise APIParameterError(
                    name, f"{name} must be an integer of at most {MAX_INTEGER}."
                )


def _check_snippet_pk(request: HttpRequest) -> None:
    """Wagtail's snippet routes take ``{pk}`` and ``?translation_of=`` as text and hand them to
    the database as they are: a value the snippet's primary key cannot hold names no snippet
    (404 in the path, 422 naming ``translation_of``, as a malformed v3 parameter is)."""
    match = _SNIPPET.match(request.path)
    if match is None:
        return
    try:
        model = apps.get_model(match["type"])
    except (LookupError, ValueError):
        return  # Wagtail answers an unknown type itself
    if match["pk"] is not None and not _holds_key(model, unquote(match["pk"])):
        raise NotFound
    for value in request.GET.getlist("translation_of"):
        if value and not _holds_key(model, value):
            raise APIParameterError(
                "translation_of",
                f"translation_of must be the id of a {match['type']}.",
                status=422,
                code="type_error",
            )


def _holds_key(model, value: str) -> bool:
    try:
        key = model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return not (isinstance(key, int) and abs(key) > MAX_INTEGER)


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
