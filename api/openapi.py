"""The OpenAPI document of API v3, as JSON-ready data, and what we add to Wagtail's.

django-ninja documents each operation's success answer only. :func:`document_responses`
adds, to every operation (Wagtail's, ours and every plugin's, present and future), each
status the request can really answer, from what the operation declares (its security,
parameters, body and method) and what the API middleware does on every route
(api/middleware.py): errors as one ``Problem`` schema (RFC 9457, api/errors.py) served as
``application/problem+json``, 304 where answers are cached publicly, and the redirects of
the ``find`` routes.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from api.concurrency import WRITE_METHODS, is_versioned
from api.errors import PROBLEM_JSON

#: Where the v3 routes are mounted (api/urls.py).
V3_PREFIX = "/api/v3/"


def openapi_document() -> dict:
    from ninja.responses import NinjaJSONEncoder
    from wagtail.api.v3.api import api as v3_api

    importlib.import_module("api.urls")  # mounts plugin v2 endpoints and the v3 routes
    schema = v3_api.get_openapi_schema(path_prefix=V3_PREFIX)
    return json.loads(json.dumps(schema, cls=NinjaJSONEncoder, sort_keys=True))


PROBLEM_SCHEMAS: dict[str, dict[str, Any]] = {
    "Problem": {
        "title": "Problem",
        "description": "An error (RFC 9457 problem details), the same in API v2 and v3. "
        "`parameter` names the query parameter, header or field at fault when there is "
        "one; `errors` lists each fault with where it is (`loc`, e.g. "
        '`["query", "limit"]`).',
        "type": "object",
        "properties": {
            "type": {
                "type": "string",
                "description": "A URI naming the kind of problem; `about:blank` when the "
                "status says it all.",
            },
            "title": {"type": "string", "description": "The status's reason phrase."},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string", "description": "What went wrong, for people."},
            "parameter": {
                "type": "string",
                "description": "The query parameter, header or field at fault.",
            },
            "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ProblemError"}},
        },
        "required": ["type", "title", "status", "detail"],
    },
    "ProblemError": {
        "title": "ProblemError",
        "type": "object",
        "properties": {
            "loc": {
                "type": "array",
                "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                "description": "Where: `query`, `path`, `header` or `body`, then the name "
                "(and for a body, the path to the field).",
            },
            "msg": {"type": "string"},
            "type": {"type": "string", "description": "A code for the kind of fault."},
        },
        "required": ["msg"],
    },
}


def _problem(description: str, **headers: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    if headers:
        response["headers"] = {
            name: {"description": text, "schema": {"type": "string"}}
            for name, text in headers.items()
        }
    return response


#: Each status as a shared response: ``#/components/responses/<name>``.
RESPONSES: dict[str, tuple[str, dict[str, Any]]] = {
    "302": (
        "Found",
        {
            "description": "Found: the answer is at `Location`.",
            "headers": {
                "Location": {
                    "description": "The address of the route that answers.",
                    "schema": {"type": "string"},
                }
            },
        },
    ),
    "304": (
        "NotModified",
        {
            "description": "Not modified: the copy named by `If-None-Match` (or dated by "
            "`If-Modified-Since`) is current. Anonymous requests only.",
            "headers": {
                "ETag": {"description": "The current version.", "schema": {"type": "string"}}
            },
        },
    ),
    "400": (
        "BadRequest",
        _problem(
            "Bad request: a query parameter (unknown, malformed or out of range), `site` "
            "or `locale` the route cannot act on, named in `parameter`."
        ),
    ),
    "401": (
        "Unauthorized",
        _problem(
            "Unauthorized: a malformed, unknown or revoked bearer token, or none where the "
            "route needs one.",
            **{"WWW-Authenticate": "`Bearer` with the error, for a token refused."},
        ),
    ),
    "403": ("Forbidden", _problem("Forbidden: the token's user may not do this.")),
    "404": ("NotFound", _problem("Not found, or not visible to this caller.")),
    "409": (
        "Conflict",
        _problem(
            "Conflict: the change cannot be made to the content as it is now: what would be "
            "deleted is still in use (the detail names what uses it; nothing was deleted), "
            "or something that must be unique exists already (a translation into that "
            "language)."
        ),
    ),
    "410": (
        "Gone",
        _problem(
            "Gone: the sync `cursor` is older than the changes the API keeps "
            "(TINGSTED_SYNC_RETENTION_DAYS, default 90 days). Call again without `cursor` and "
            "replace the local copy with what that walk gives."
        ),
    ),
    "412": (
        "PreconditionFailed",
        _problem(
            "Precondition failed: `If-Match` names no current version (changed since read).",
            ETag="The current version.",
        ),
    ),
    "422": (
        "UnprocessableContent",
        _problem("Unprocessable: a parameter or body field fails validation; `errors` lists each."),
    ),
    "429": (
        "TooManyRequests",
        _problem(
            "Too many requests from this address or token.",
            **{"Retry-After": "Seconds to wait."},
        ),
    ),
    "500": ("ServerError", _problem("The server failed to answer this request.")),
    "503": (
        "ServiceUnavailable",
        _problem(
            "Service unavailable: a service the answer needs (the database or the file "
            "storage) is not answering. Try again after `Retry-After` seconds; answers "
            "already cached are still served.",
            **{"Retry-After": "Seconds to wait."},
        ),
    ),
}

#: Routes that answer a redirect to another route, never a body of their own.
REDIRECTING_OPERATIONS = {
    "pages_find": "Redirects to the page's detail route (`/api/v3/pages/{page_id}/`), with the "
    "other query parameters kept.",
    "redirects_find": "Redirects to the redirect's detail route, with the other query "
    "parameters kept.",
}

#: Statuses only some routes answer, by operation id.
OPERATION_STATUSES = {"sync": ["410"]}  # a cursor older than the change log keeps

#: Routes that need a token but no permission: any token's user may read them.
OPEN_TO_ANY_TOKEN = {"whoami", "schema_list", "schema_detail"}

#: Paths whose answers are never stored nor compared (api/middleware.py).
UNCACHED = ("/api/v3/preview/",)


def operation_statuses(path: str, method: str, operation: dict[str, Any]) -> list[str]:
    """Every status ``method path`` can answer besides its declared success."""
    security = operation.get("security")
    anonymous = security is None or {} in security
    parameters = operation.get("parameters", [])
    names = {parameter["name"] for parameter in parameters}
    in_path = any(parameter.get("in") == "path" for parameter in parameters)
    # Every route: parameters, site and locale checked by the middleware (400), a token
    # refused (401), the rate limit (429), a failure (500), a service it needs not
    # answering (503).
    statuses = ["400", "401", "429", "500", "503"]
    needs_a_right = not anonymous and operation.get("operationId") not in OPEN_TO_ANY_TOKEN
    if needs_a_right or "version" in names:  # a user without the right; drafts
        statuses.append("403")
    # An object named in the path, the query of a find route, or a write's body; or no
    # site for the host (routes that take ``site``).
    named = in_path or "requestBody" in operation or "site" in names
    if named or operation.get("operationId") in REDIRECTING_OPERATIONS:
        statuses.append("404")
    if parameters or "requestBody" in operation:  # django-ninja's validation
        statuses.append("422")
    if method.upper() in WRITE_METHODS:  # in use, or already there (api.v3.conflict)
        statuses.append("409")
    if method.upper() in WRITE_METHODS and is_versioned(path):
        statuses.append("412")
    if method == "get" and anonymous and not path.startswith(UNCACHED):
        statuses.append("304")
    statuses += OPERATION_STATUSES.get(operation.get("operationId"), [])
    return statuses


def document_responses(schema: dict) -> dict:
    """Declare, on every operation, every status it can answer (see the module's doc)."""
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {}).update(PROBLEM_SCHEMAS)
    shared = components.setdefault("responses", {})
    for _status, (name, response) in RESPONSES.items():
        shared[name] = response
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            # django-ninja keys statuses by number; OpenAPI's JSON by text.
            responses = {
                str(status): value for status, value in operation.get("responses", {}).items()
            }
            operation["responses"] = responses
            redirect = REDIRECTING_OPERATIONS.get(operation.get("operationId"))
            if redirect is not None:
                responses.pop("200", None)
                responses["302"] = {"$ref": "#/components/responses/Found"}
                operation["description"] = f"{operation.get('description', '')} {redirect}"
                operation["description"] = operation["description"].strip()
            for status in operation_statuses(path, method, operation):
                shared_response = {"$ref": f"#/components/responses/{RESPONSES[status][0]}"}
                if status.startswith(("4", "5")):
                    # Whatever a route declares for an error, it answers the Problem.
                    responses[status] = shared_response
                else:
                    responses.setdefault(status, shared_response)
    return schema


def declare_query_bounds(schema: dict) -> dict:
    """Say in the document what every route enforces on ``limit``, ids and ``locale``.

    Every list refuses a ``limit`` above ``WAGTAILAPI_LIMIT_MAX`` with a 400, an id or an
    offset that no 64-bit column holds is a 400 naming it (api/validation.py), and every
    ``locale`` names one of the configured languages; django-ninja's parameters carry
    none of these, so a client reading the document could send a limit of 500, an offset of
    2**64 or a locale of "DA" and be refused. (An empty ``locale`` is taken as none, but is not offered.)
    """
    from django.conf import settings

    from api.validation import MAX_INTEGER

    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    languages = sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "query":
                    continue
                bounds = parameter.setdefault("schema", {})
                if parameter["name"] == "limit" and limit_max is not None:
                    bounds.setdefault("maximum", int(limit_max))
                # What no 64-bit column holds is refused on every route: the named id and
                # count parameters by api.validation, field filters by api.parameters.
                for integer in _integer_options(bounds):
                    integer.setdefault("maximum", MAX_INTEGER)
                    if "minimum" not in integer and "exclusiveMinimum" not in integer:
                        integer["minimum"] = -MAX_INTEGER
                if parameter["name"] == "locale":
                    choices = [{"type": "string", "enum": languages}]
                    if "anyOf" in bounds:
                        bounds["anyOf"] = choices + [
                            option for option in bounds["anyOf"] if option.get("type") == "null"
                        ]
                    else:
                        bounds.update(choices[0])
    return schema


def _integer_options(schema: dict) -> list[dict]:
    """The integer schemas of a parameter: itself, or its ``anyOf`` options."""
    options = schema.get("anyOf", [schema])
    return [option for option in options if option.get("type") == "integer"]


def without_unsatisfiable_operations(schema: dict) -> dict:
    """Leave out the operations no request can reach.

    Wagtail 8 declares the snippet revision and publishing routes with ``type`` limited to
    the snippet types that keep revisions (or drafts); with none, that is the constant "",
    and an empty path segment routes nowhere.
    """
    paths = schema.get("paths", {})
    for path in list(paths):
        operations = paths[path]
        for method in list(operations):
            parameters = operations[method].get("parameters", [])
            if any(
                parameter.get("in") == "path"
                and (
                    parameter.get("schema", {}).get("const") == ""
                    or parameter.get("schema", {}).get("enum") == []
                )
                for parameter in parameters
            ):
                del operations[method]
        if not operations:
            del paths[path]
    return schema
