"""JSON encoding of API answers with orjson, for v2 (REST framework) and v3 (django-ninja).

A full-content list is megabytes of JSON and, once its references are resolved in bulk,
encoding it was half of the request's time (docs/benchmarks.md, "Profiling notes"): Wagtail's
v2 indents every answer, so the stock encoder runs its pure-Python indenting path. We answer
compact JSON (indented on request) and orjson encodes it several times faster. The output is what the stock encoders give:
datetimes, decimals, lazy translations and query sets still go through each framework's own
encoder (orjson hands them over as ``default``), and U+2028/U+2029 are escaped as REST
framework does, so the answer can sit inside a ``<script>``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from django.http import HttpRequest
from django.utils import timezone
from ninja.renderers import JSONRenderer as NinjaJSONRenderer
from ninja.responses import NinjaJSONEncoder
from rest_framework.renderers import JSONRenderer as RestFrameworkJSONRenderer
from rest_framework.utils.encoders import JSONEncoder as RestFrameworkJSONEncoder

# Datetimes to the frameworks' encoders: both write UTC as "Z", which orjson does not.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def _escape_line_separators(content: bytes) -> bytes:
    # Valid JSON, but not valid JavaScript before ES2019.
    if b"\xe2\x80\xa8" in content or b"\xe2\x80\xa9" in content:
        content = content.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
    return content


def dumps(data: Any, default) -> bytes:
    """``data`` as compact UTF-8 JSON; ``default`` converts what orjson does not know."""
    return _escape_line_separators(orjson.dumps(data, default=default, option=_OPTIONS))


class JSONRenderer(RestFrameworkJSONRenderer):
    """REST framework's JSON renderer on orjson, compact unless indentation is asked for.

    Wagtail's API v2 indents every answer by four spaces, which for a deeply nested list is
    a third of its bytes and most of its encoding time; consumers parse it either way. A
    caller who wants to read it sends ``Accept: application/json; indent=4``; the browsable
    API (``?format=api``) stays indented.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        renderer_context = renderer_context or {}
        indent = self.get_indent(accepted_media_type or "", {})  # asked for by the caller
        request = renderer_context.get("request")
        accepted = getattr(request, "accepted_renderer", None)
        if indent is None and accepted is not None and not isinstance(accepted, JSONRenderer):
            indent = renderer_context.get("indent")  # inside the browsable API's page
        if indent:
            return super().render(data, accepted_media_type, {**renderer_context, "indent": indent})
        return dumps(data, RestFrameworkJSONEncoder().default)


class NinjaRenderer(NinjaJSONRenderer):
    """django-ninja's JSON renderer on orjson (Wagtail's API v3 and plugin routes)."""

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return dumps(data, _in_site_time(NinjaJSONEncoder().default))


def _in_site_time(default):
    """Datetimes in the site's time zone, with its offset, as REST framework writes them in
    API v2: one rule for every route (docs/api.md, "Dates and times")."""

    def convert(value: Any) -> Any:
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return default(value)

    return convert
