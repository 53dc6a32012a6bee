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


W002 = (
    "Webhooks are configured but TASKS_BACKEND is the immediate backend: deliveries run in "
    "threads of the web process, and a retry still waiting when it stops is lost."
)
W002_HINT = (
    "Set TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `python manage.py db_worker` "
    "next to the app (see docs/api.md, Webhooks)."
)


def check_webhook_task_backend(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Production with an active webhook must not rely on the in-process backend."""
    from django.conf import settings
    from django.db import DatabaseError

    from api.models import WebhookSubscription
    from api.tasks import runs_in_process

    if settings.DEBUG or not runs_in_process():
        return []
    try:
        configured = WebhookSubscription.objects.filter(is_active=True).exists()
    except DatabaseError:  # no database yet (before migrate): nothing configured either
        return []
    if not configured:
        return []
    return [checks.Warning(W002, hint=W002_HINT, id="tingsted_api.W002")]


W003 = (
    "API_RESPONSE_CACHE is on but MIDDLEWARE does not list api.cache.APICacheMiddleware before "
    "api.middleware.APIMiddleware and the session middleware: API answers are built every "
    "time, or cache hits pay for the middleware they do not need."
)
W003_HINT = (
    "List 'api.cache.APICacheMiddleware' right after the CORS middleware, before "
    "'cms.pagecache.PageCacheMiddleware' (see cms/settings.py and docs/api.md, Caching)."
)

_CACHE_MIDDLEWARE = "api.cache.APICacheMiddleware"
_LATER_MIDDLEWARE = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "api.middleware.APIMiddleware",
)


def check_cache_middleware(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The API's response cache answers from its own middleware, early in the stack."""
    from django.conf import settings

    if not getattr(settings, "TINGSTED_API_RESPONSE_CACHE", True):
        return []
    middleware = list(settings.MIDDLEWARE)
    if _CACHE_MIDDLEWARE in middleware:
        position = middleware.index(_CACHE_MIDDLEWARE)
        if all(
            name not in middleware or middleware.index(name) > position
            for name in _LATER_MIDDLEWARE
        ):
            return []
    return [checks.Warning(W003, hint=W003_HINT, id="tingsted_api.W003")]
