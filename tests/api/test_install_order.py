"""Where the ``api`` app is listed in INSTALLED_APPS does not matter.

It once had to come first: Wagtail builds its API v3 page schemas when the v3 API is first
imported, and apps import it from ready() (Wagtail's redirects app, and Tingsted's plugins
adding their routes) before the ``api`` app could type StreamFields. Now StreamFields are
typed just before the schemas are built, whoever triggers it (cms/compat.py,
``before_v3_schemas``), and plugins' routes are mounted when the URLs load (api/v3.py).
"""

from __future__ import annotations

import json

import pytest

from tests.api.test_openapi_snapshot import SNAPSHOT, exported_document

pytestmark = [pytest.mark.subprocess, pytest.mark.own_sqlite]


@pytest.mark.parametrize("position", ["last", "after-plugins"])
def test_the_api_is_the_same_wherever_its_app_is_listed(position, tmp_path):
    """``manage.py export_openapi`` (system checks included) with 'api' listed elsewhere
    (tests/api/reordered_settings.py): typed StreamFields, every plugin's routes, the very
    document the snapshot holds."""
    document = exported_document(
        tmp_path,
        DJANGO_SETTINGS_MODULE="tests.api.reordered_settings",
        TINGSTED_TEST_API_POSITION=position,
    )
    assert document == json.loads(SNAPSHOT.read_text())
