"""JSON errors that name the parameter at fault, in each API's own dialect.

API v3 answers RFC 7807 ``application/problem+json`` (Wagtail's format) with the parameter in
``errors[].loc``; API v2 answers Wagtail's ``{"message": ...}`` plus ``status`` and
``parameter``, so existing v2 clients keep working.
"""

from __future__ import annotations

import json
import re

from django.http import HttpRequest, HttpResponse

PROBLEM_JSON = "application/problem+json"


def is_v3(request: HttpRequest) -> bool:
    return request.path.startswith("/api/v3/")


def error_response(
    request: HttpRequest,
    status: int,
    message: str,
    parameter: str | None = None,
    *,
    location: str = "query",
    code: str = "invalid",
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    if is_v3(request):
        from wagtail.api.v3.errors import problem_response

        errors = (
            [{"loc": [location, parameter], "msg": message, "type": code}] if parameter else None
        )
        response = problem_response(status=status, detail=message, errors=errors)
    else:
        body = {"message": message, "status": status}
        if parameter:
            body["parameter"] = parameter
        response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    for name, value in (headers or {}).items():
        response[name] = value
    return response


_RECOGNISED = re.compile(r"not an operation or a recognised field: (?P<names>.+)$")
_MESSAGE_PARAMETERS = {
    "parent page doesn't exist": "child_of",
    "random ordering with offset is not supported": "order",
}


def parameter_in_message(request: HttpRequest, message: str) -> str | None:
    """Which query parameter a Wagtail error message is about.

    Wagtail's messages start with the parameter ("limit cannot be higher than 100", "type
    doesn't exist", "child_of must be a positive integer"); the rest are listed above.
    """
    match = _RECOGNISED.search(message)
    if match:
        return match.group("names").split(",")[0].strip()
    if message in _MESSAGE_PARAMETERS:
        return _MESSAGE_PARAMETERS[message]
    first = re.split(r"[\s:.']", message.strip(), maxsplit=1)[0]
    if first in request.GET:
        return first
    if first == "fields" or message.startswith("unknown fields"):
        return "fields"
    if message.startswith("cannot order by"):
        return "order"
    return None


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """Django's handler500 (cms/urls.py): a 500 under /api/ is JSON like every other API
    error (problem+json in v3), whichever view, middleware or REST framework raised; other
    addresses get the site's HTML error page."""
    if request.path.startswith("/api/"):
        response = error_response(
            request, 500, "The server failed to answer this request.", code="server_error"
        )
        response["Cache-Control"] = "private, no-store"
        return response
    from django.views.defaults import server_error as html_server_error

    return html_server_error(request, template_name)
