"""Where the ``api`` app is listed in INSTALLED_APPS does not matter.

It once had to come first: Wagtail builds its API v3 page schemas when the v3 API is first
imported, and a plugin's ready() imported it to add its routes, before the ``api`` app could
type StreamFields. Now nothing touches the v3 API before the URLs load (api/v3.py, mount()).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

#: The shipped API v3 document (tests/api/test_openapi_snapshot.py guards it).
SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")

pytestmark = pytest.mark.subprocess


def openapi_with_api_app(position: str, tmp_path: Path) -> dict:
    """``manage.py export_openapi`` (with its system checks) with 'api' at ``position``."""
    result = subprocess.run(
        [sys.executable, "manage.py", "export_openapi"],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'openapi.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "tests.api.reordered_settings",
            "TINGSTED_TEST_API_POSITION": position,
        },
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("position", ["last", "after-plugins"])
def test_the_api_is_the_same_wherever_its_app_is_listed(position, tmp_path):
    """Typed StreamFields, every plugin's routes: the very document the snapshot holds."""
    assert openapi_with_api_app(position, tmp_path) == json.loads(SNAPSHOT.read_text())
