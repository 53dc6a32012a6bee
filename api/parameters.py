"""Unknown query parameters on API v3 routes: a 400 naming them, never silently ignored.

A route accepts the query parameters its OpenAPI operation declares (Wagtail's routes and
every plugin's alike, read from their parameter models once per process) plus ``site``, which every
route honours (which site's records absolute URLs and the pages come from). Wagtail's
listings of pages, snippets, images and documents also filter by any of the model's
database ``api_fields`` (``?slug=…``); those names are checked against the model where the
listing knows it (:func:`check_field_filters`, wrapped around Wagtail's field filter by
cms/compat.py). API v2 checks its parameters itself (Wagtail's ``check_query_parameters``).

A field filter's value the field cannot hold (:func:`filter_value_problem`) is answered
naming the filter, in v2 and v3 alike, before Wagtail hands it to the database, which
raises (an id past 64 bits was a 500).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import HttpRequest, QueryDict
from ninja.utils import normalize_path
from pydantic import BaseModel

from api.access import APIParameterError
from api.validation import MAX_INTEGER

#: Read by the API middleware on every route (api/access.py ``requested_site``).
EVERYWHERE = frozenset({"site"})
#: Operations whose remaining parameters are field filters, checked per model.
FIELD_FILTERED = frozenset(
    {
        "/api/v3/pages/",
        "/api/v3/snippets/{type}/",
        "/api/v3/images/",
        "/api/v3/documents/",
    }
)

_routes: list[tuple[re.Pattern, str, frozenset[str]]] | None = None


def _query_names(model) -> set[str]:
    """The query parameter names of one of django-ninja's parameter models.

    A parameter typed as a schema is flattened into its fields, as ninja does in the
    document (``flatten_properties``).
    """
    names = set()
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names |= _query_names(annotation)
        else:
            names.add(field.alias or name)
    return names


def _read_routes(api) -> list[tuple[re.Pattern, str, frozenset[str]]]:
    """Each GET route's path pattern and query parameters, read from django-ninja's routers.

    Building the OpenAPI document for this (every response schema of every route) took
    0.75 s on the first v3 request of each process; the parameter models are at hand.
    """
    routes = []
    prefix = api.get_root_path({})
    for router in api._get_bound_routers():
        for path, path_view in router.path_operations.items():
            full_path = "/".join(part for part in (router.prefix, path) if part)
            full_path = normalize_path("/" + prefix + full_path)
            full_path = re.sub(r"{[^}:]+:", "{", full_path)  # path converters
            for operation in path_view.operations:
                if "GET" not in operation.methods:
                    continue
                names = set()
                for model in operation.models:
                    if model.__ninja_param_source__ == "query":
                        names |= _query_names(model)
                pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(full_path))
                routes.append((re.compile("^" + pattern + "$"), full_path, frozenset(names)))
    # Literal segments first: /pages/find/ before /pages/{page_id}/.
    routes.sort(key=lambda route: route[1].count("{"))
    return routes


def _known_routes() -> list[tuple[re.Pattern, str, frozenset[str]]]:
    global _routes
    if _routes is None:
        from wagtail.api.v3.api import api

        _routes = _read_routes(api)
    return _routes


def check_known_parameters(request: HttpRequest) -> None:
    if request.method != "GET" or not request.path.startswith("/api/v3/"):
        return
    route = next((r for r in _known_routes() if r[0].match(request.path)), None)
    if route is None or route[1] in FIELD_FILTERED:
        # No such route (django-ninja answers 404), or a listing checked per model.
        return
    _refuse(sorted(set(request.GET) - route[2] - EVERYWHERE))


def check_field_filters(
    given: Iterable[str], valid: Iterable[str], model: type[models.Model], params: QueryDict
) -> None:
    """``given``: the names a listing's field filter was left with; ``valid``: the model's
    filterable fields. Anything else is a 400; a value its field cannot hold is a 422 naming
    it, as any malformed v3 parameter (or a 400 when it is only too large, as in v2)."""
    from wagtail.api.v3.errors import as_validation_error

    _refuse(sorted(set(given) - set(valid) - EVERYWHERE - LISTING_PARAMETERS))
    problem = filter_value_problem(model, params, valid)
    if problem is not None:
        name, message, malformed = problem
        if malformed:
            raise as_validation_error(ValueError(message), message, loc=("query", name))
        raise APIParameterError(name, message)


def filter_value_problem(
    model: type[models.Model], params: Mapping[str, str] | QueryDict, names: Iterable[str]
) -> tuple[str, str, bool] | None:
    """The first of ``names`` given in ``params`` whose value its field of ``model`` cannot
    hold (a foreign key: its target's), as ``(name, message, malformed)``: ``malformed``
    when the value is no value of the field's type at all (``?date=soon``), not when it is
    only past the 64 bits every integer parameter is held to (an id). None if all fit.

    Booleans are left to Wagtail, which takes ``true``/``false`` as well as Django's ``1``/
    ``0`` (and answers anything else itself); tags and other many-valued relations too.
    """
    for name in sorted(names):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey):
            field = field.target_field
        elif field.is_relation or not isinstance(field, models.Field):
            continue
        if isinstance(field, models.BooleanField):
            continue
        values = params.getlist(name) if isinstance(params, QueryDict) else [params.get(name)]
        for value in values:
            if value is None:
                continue
            message = f"'{value}' is not a valid value for {name}."
            try:
                python_value = field.to_python(value)
            except (ValidationError, ValueError, TypeError, OverflowError):
                return name, message, True
            # The bound api.validation puts on every integer parameter: past it SQLite
            # raises. A value the column could never hold otherwise just matches nothing.
            if isinstance(field, models.IntegerField) and abs(python_value) > MAX_INTEGER:
                return name, message, False
    return None


#: Declared on the field-filtered listings besides the schemas Wagtail excludes itself.
LISTING_PARAMETERS = frozenset({"limit", "offset", "rich_text_format"})


def _refuse(unknown: list[str]) -> None:
    if unknown:
        listed = ", ".join(unknown)
        raise APIParameterError(
            unknown[0],
            f"Unknown query parameter: {listed}. See /api/v3/docs for the parameters "
            "this route accepts.",
            code="unknown_parameter",
        )
