"""Validate real API answers against the published OpenAPI document, formats included.

A consumer's generated client (TypeScript, pydantic) trusts the declared types and formats:
``format: date-time`` must be an RFC 3339 date-time with an offset, ``format: date`` a full
date, a pattern must match. ``jsonschema``'s draft 2020-12 format checker checks them
(``rfc3339-validator`` is installed, so date-time and time are checked, not skipped).
"""

from __future__ import annotations

from typing import Any

import jsonschema


def response_schema(openapi: dict, path: str, method: str = "get", status: str = "200") -> dict:
    """The JSON answer schema of an operation, standalone: its ``$ref`` resolve into the
    document's own components."""
    operation = openapi["paths"][path][method]
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    return {**schema, "components": openapi["components"]}


def validator_for(openapi: dict, path: str, method: str = "get", status: str = "200"):
    schema = response_schema(openapi, path, method, status)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def schema_errors(openapi: dict, path: str, data: Any, method: str = "get") -> list[str]:
    """Every way ``data`` breaks the schema of ``path``'s 200 answer, readable."""
    validator = validator_for(openapi, path, method)
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path))
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors[:8]]


def assert_valid(openapi: dict, path: str, data: Any, method: str = "get") -> None:
    assert schema_errors(openapi, path, data, method) == []


#: Keywords that only describe a schema: a schema with nothing else accepts any value.
DESCRIPTIVE_KEYWORDS = {"title", "description", "default", "examples", "deprecated", "readOnly"}


def untyped_parts(schema: dict, where: str, components: dict, seen: set[str]) -> list[str]:
    """Where ``schema`` (and every component it refers to) accepts any value: an empty
    schema, alone or inside ``anyOf`` (Wagtail's ``Any | None``), ``items`` or properties;
    an object open to any keys (``additionalProperties: true``, or no properties at all).
    ``seen`` holds components already looked at, so each is reported once."""
    if not set(schema) - DESCRIPTIVE_KEYWORDS:
        return [where]
    found = []
    if schema.get("additionalProperties") is True:
        found.append(f"{where} (any keys)")
    elif (
        schema.get("type") == "object"
        and "properties" not in schema
        and not isinstance(schema.get("additionalProperties"), dict)
    ):
        found.append(f"{where} (an object of anything)")
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            seen.add(name)
            found += untyped_parts(components[name], name, components, seen)
    for keyword in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for position, part in enumerate(schema.get(keyword, [])):
            found += untyped_parts(part, f"{where}.{keyword}[{position}]", components, seen)
    for keyword in ("items", "additionalProperties"):
        if isinstance(schema.get(keyword), dict):
            found += untyped_parts(schema[keyword], f"{where}.{keyword}", components, seen)
    for name, part in schema.get("properties", {}).items():
        found += untyped_parts(part, f"{where}.{name}", components, seen)
    return found


#: Read routes whose answer is itself a JSON Schema (Wagtail's content-type schemas, for a
#: token's user only): any JSON object is a valid schema, so these cannot be typed further.
SCHEMA_DOCUMENT_ROUTES = {"/api/v3/schema/", "/api/v3/schema/{type_name}/"}


def read_responses(openapi: dict) -> list[tuple[str, dict]]:
    """``(path, schema)`` of every JSON answer of every GET route but the schema routes."""
    found = []
    for path, operations in sorted(openapi["paths"].items()):
        operation = operations.get("get")
        if operation is None or path in SCHEMA_DOCUMENT_ROUTES:
            continue
        for status, response in operation.get("responses", {}).items():
            if not status.startswith("2"):
                continue
            for content_type, content in response.get("content", {}).items():
                if "json" in content_type:
                    found.append((f"GET {path} {status}", content["schema"]))
    return found
