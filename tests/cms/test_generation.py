"""The content generation is the same in every process, whatever the cache.

With a per-process cache (the default locmem) the generation lives in the database: a
change made in one process (a worker, a shell) is seen by every other at its next request.
"""

from __future__ import annotations

import pytest
from django.core import checks
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings
from wagtail.models import PageViewRestriction

from cms import generation
from cms.checks import E020, E020_HINT, check_shared_cache
from cms.models import ContentGeneration

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": "redis://x:6379"}}


@pytest.mark.django_db
def test_with_a_per_process_cache_the_generation_is_in_the_database(settings):
    settings.CACHES = LOCMEM
    settings.TINGSTED_GENERATION_STORE = "auto"
    assert generation.store() == "database"
    before = generation.generation()
    assert ContentGeneration.objects.get().value == before
    # Another process has a cache of its own, empty: it still reads the same value.
    other_process = LocMemCache("another-process", {})
    assert other_process.get(generation.GENERATION_KEY) is None
    bumped = generation.bump_generation()
    assert bumped > before
    assert generation.generation() == bumped == ContentGeneration.objects.get().value


def test_with_a_shared_cache_the_generation_stays_in_the_cache(settings):
    settings.CACHES = REDIS
    settings.TINGSTED_GENERATION_STORE = "auto"
    assert generation.store() == "cache"


@pytest.mark.django_db
def test_a_restriction_saved_elsewhere_is_honoured_at_the_next_request(settings, home, client):
    """What another process does: change the database and bump in its own locmem cache."""
    settings.TINGSTED_GENERATION_STORE = "auto"
    page = home("en")
    assert client.get("/", HTTP_HOST="localhost").status_code == 200  # memos warm
    with override_settings(CACHES={"default": {**LOCMEM["default"], "LOCATION": "other"}}):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get("/", HTTP_HOST="localhost")
    assert response.status_code == 302  # to the login page


@pytest.mark.django_db
def test_the_request_reads_the_database_generation_once(settings, home, client):
    settings.TINGSTED_GENERATION_STORE = "auto"
    client.get("/", HTTP_HOST="localhost")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/", HTTP_HOST="localhost")
    reads = [q for q in queries if "cms_contentgeneration" in q["sql"]]
    assert len(reads) == 1


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_deploy_check_refuses_a_per_process_cache_in_production(backend):
    with override_settings(DEBUG=False, CACHES={"default": {"BACKEND": backend, "LOCATION": "x"}}):
        assert check_shared_cache() == [
            checks.Error(
                E020.format(alias="default", backend=backend), hint=E020_HINT, id="cms.E020"
            )
        ]


def test_deploy_check_accepts_redis_and_any_cache_while_debugging():
    with override_settings(DEBUG=False, CACHES=REDIS):
        assert check_shared_cache() == []
    with override_settings(DEBUG=True, CACHES=LOCMEM):
        assert check_shared_cache() == []


@pytest.mark.django_db
def test_deploy_check_is_registered_for_deploy_only():
    with override_settings(DEBUG=False, CACHES=LOCMEM):
        ids = {message.id for message in checks.run_checks(include_deployment_checks=True)}
        assert "cms.E020" in ids
        ids = {message.id for message in checks.run_checks(include_deployment_checks=False)}
        assert "cms.E020" not in ids
