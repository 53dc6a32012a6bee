"""Conditional GET for the site's machine-read files: feeds, iCalendar, exports.

Feed readers and calendar clients poll the same address every few minutes. An ETag of the
body lets them get a 304 instead of the file, and ``Cache-Control`` lets a proxy or the
client keep it, but only when the answer may be shared (:func:`cms.visibility.is_shareable`:
no session, no credential); anything else is ``private, no-store``, as everywhere.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import http_date

from cms.visibility import is_shareable


def conditional_response(
    request: HttpRequest,
    response: HttpResponse,
    *,
    max_age: int,
    last_modified: datetime | None = None,
) -> HttpResponse:
    """``response`` with ``Cache-Control``, ``ETag`` (and ``Last-Modified``), or a 304."""
    response["Cache-Control"] = (
        f"public, max-age={max_age}" if is_shareable(request) else "private, no-store"
    )
    patch_vary_headers(response, ["Cookie", "Authorization"])
    if response.status_code != 200 or response.streaming:
        return response
    set_response_etag(response)
    timestamp = int(last_modified.timestamp()) if last_modified is not None else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=timestamp, response=response
    )
