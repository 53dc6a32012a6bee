"""System checks for the headless API."""

from __future__ import annotations

from django.core import checks

W001 = "Block {block} at {where} has a custom get_api_representation but no get_api_schema()."
W001_HINT = (
    "Add `def get_api_schema(self): return <pydantic model or type>` describing what "
    "get_api_representation returns, so API v3's OpenAPI schema types it (see api/stream_schema.py)."
)


def check_untyped_blocks(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from wagtail.fields import StreamField
    from wagtail.models import get_page_models

    from api.stream_schema import UNTYPED, block_schema

    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                block_schema(field.stream_block, f"{model._meta.object_name}.{field.name}")
    return [
        checks.Warning(
            W001.format(block=block, where=where), hint=W001_HINT, id="tingsted_api.W001"
        )
        for block, where in sorted(UNTYPED)
    ]
