"""JSON errors that name the parameter at fault: one problem+json shape for v2 and v3.

Every API error is an RFC 9457 problem (``application/problem+json``): ``type``, ``title``,
``status`` and ``detail``, with ``parameter`` naming the query parameter, header or field
at fault when there is one, and ``errors`` listing each fault with its location
(``loc``: ``["query", "limit"]``; Wagtail's own validation errors, 422, list one per field).
API v2 answers add ``message`` (the same text as ``detail``), which Wagtail's v2 clients
read. The OpenAPI document declares this shape as ``Problem`` (api/openapi.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse

from cms.errorpages import (
    RETRY_AFTER_SECONDS,
    never_stored,
    server_error_page,
    service_unavailable,
)

PROBLEM_JSON = "application/problem+json"
#: RFC 9457: the problem is described by its status code alone.
PROBLEM_TYPE = "about:blank"


def is_v3(request: HttpRequest) -> bool:
    return request.path.startswith("/api/v3/")


def status_title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem(
    status: int,
    detail: str,
    parameter: str | None = None,
    *,
    location: str = "query",
    code: str = "invalid",
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The body of an error answer (without v2's ``message``)."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE,
        "title": status_title(status),
        "status": status,
        "detail": detail,
    }
    if parameter:
        body["parameter"] = parameter
        if errors is None:
            errors = [{"loc": [location, parameter], "msg": detail, "type": code}]
    if errors:
        body["errors"] = errors
    return body


def v2_problem(status: int, detail: str, parameter: str | None = None, **kwargs) -> dict:
    """:func:`problem` with Wagtail v2's ``message``, for the clients that read it."""
    return {**problem(status, detail, parameter, **kwargs), "message": detail}


def problem_response(body: dict[str, Any]) -> HttpResponse:
    return HttpResponse(json.dumps(body), status=body["status"], content_type=PROBLEM_JSON)


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
    build = problem if is_v3(request) else v2_problem
    response = problem_response(build(status, message, parameter, location=location, code=code))
    for name, value in (headers or {}).items():
        response[name] = value
    return response


_RECOGNISED = re.compile(r"not an operation or a recognised field: (?P<names>.+)$")
#: Wagtail's field filter errors ("field filter error. 'maybe' is not a valid value for
#: show_in_menus (expected 'true' or 'false', got 'maybe')").
_FIELD_FILTER = re.compile(r"is not a valid value for (?P<name>\w+)")
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
    match = _FIELD_FILTER.search(message)
    if match and match.group("name") in request.GET:
        return match.group("name")
    first = re.split(r"[\s:.']", message.strip(), maxsplit=1)[0]
    if first in request.GET:
        return first
    if first == "fields" or message.startswith("unknown fields"):
        return "fields"
    if message.startswith("cannot order by"):
        return "order"
    # "filtering by descendant_of with child_of is not supported": the first one named.
    return sent_parameter_in(message, request.GET)


def sent_parameter_in(message: str, sent: Iterable[str]) -> str | None:
    """The first query parameter the caller sent (``sent``) that ``message`` names as a word."""
    sent = set(sent)
    return next((word for word in re.findall(r"[A-Za-z_]\w*", message) if word in sent), None)


#: What a 503 says: a service the answer needs did not answer; the caller should try again.
UNAVAILABLE_DETAIL = (
    "A service this answer needs (the database or the file storage) is not answering just "
    f"now; try again in {RETRY_AFTER_SECONDS} seconds."
)
SERVER_ERROR_DETAIL = "The server failed to answer this request."


def failure_response(request: HttpRequest, unavailable: bool) -> HttpResponse:
    """The API's answer to a request it failed: 503 to try again or 500, never stored."""
    if unavailable:
        response = error_response(request, 503, UNAVAILABLE_DETAIL, code="unavailable")
    else:
        response = error_response(request, 500, SERVER_ERROR_DETAIL, code="server_error")
    return never_stored(response)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500 (cms/urls.py): a failure under /api/ is a problem like every other
    API error, whichever view, middleware or REST framework raised; other addresses get the
    site's HTML error page. Either is 503 with ``Retry-After`` when a service the answer
    needs could not answer (cms/errorpages.py), 500 otherwise, and never stored."""
    if not request.path.startswith("/api/"):
        return server_error_page(request)
    return failure_response(request, service_unavailable())


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's handler400 (cms/urls.py): a request Django itself could not read (a
    multipart body without its boundary, too many fields) is, under /api/, a 400 problem
    like every other API error, not Django's HTML page; other addresses get Django's."""
    if not request.path.startswith("/api/"):
        from django.views.defaults import bad_request as html_bad_request

        return html_bad_request(request, exception)
    return unreadable_request(request, exception)


def unreadable_request(request: HttpRequest, exception: Exception | None) -> HttpResponse:
    """400 naming ``Content-Type``: the body could not be read as the type it claims."""
    reason = str(exception) if exception is not None and str(exception) else "malformed body"
    return never_stored(
        error_response(
            request,
            400,
            f"The request body could not be read as its Content-Type says: {reason}.",
            "Content-Type",
            location="header",
            code="unreadable_body",
        )
    )
