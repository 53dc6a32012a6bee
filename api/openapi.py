"""The OpenAPI document of API v3, as JSON-ready data."""

from __future__ import annotations

import importlib
import json


def openapi_document() -> dict:
    from ninja.responses import NinjaJSONEncoder
    from wagtail.api.v3.api import api as v3_api

    importlib.import_module("api.urls")  # mounts plugin v2 endpoints and the v3 routes
    schema = v3_api.get_openapi_schema(path_prefix="/api/v3")
    return json.loads(json.dumps(schema, cls=NinjaJSONEncoder, sort_keys=True))
