"""The stock contender is stock Wagtail: a request to it runs none of the project's code."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.api import APIField

from cms.bench.stock import stock_api_fields
from tests.conftest import MIGRATED_DATABASE


def test_stock_api_fields_are_the_database_columns_without_our_serialisers():
    from plugins.meetings.models import MeetingPage

    original = {field.name: field for field in MeetingPage.api_fields}
    stock = stock_api_fields(MeetingPage)
    names = [field.name for field in stock]

    # Ours adds translations (APIPageMixin), computed labels and a venue serialiser.
    assert {"translations", "status_label", "calendar_url"} <= set(original)
    assert original["venue_id"].serializer is not None
    assert {"translations", "status_label", "calendar_url"}.isdisjoint(names)
    assert {"venue", "start", "programme", "description"} <= set(names)
    assert all(isinstance(field, APIField) and field.serializer is None for field in stock)


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_a_stock_request_runs_no_project_code(migrated_database):
    """tests/bench/stock_request.py, in a process started with the stock settings."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    # Its own in-memory database and cache, whatever this run uses (PostgreSQL, Redis); the
    # database restored from this run's migrated one (the stock settings leave out our API
    # app, whose tables are simply unused there), not migrated again.
    env.update(
        DATABASE_URL="sqlite://:memory:",
        CACHE_URL="locmemcache://bench-stock",
        **{MIGRATED_DATABASE: str(migrated_database)},
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:xdist",
            "--ds=cms.bench.stock_settings",
            "tests/bench/stock_request.py",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
