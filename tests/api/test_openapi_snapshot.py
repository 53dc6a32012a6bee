"""The API v3 contract is guarded: any change to the OpenAPI document is a visible diff.

After an intended change (a new page type, field, block or route), regenerate with
``make openapi`` (``manage.py export_openapi > tests/api/openapi.snapshot.json``) and
commit the snapshot with the change.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.cms.processes import clean_environment

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")


def exported_document(tmp_path: Path, **environment: str) -> dict:
    """What ``make openapi`` prints, from a manage.py process of its own (with
    ``environment`` added to its own, e.g. another DJANGO_SETTINGS_MODULE).

    Not call_command: pytest puts tests/thirdparty on this process's path, which installs
    the contract tests' example plugin, and its routes are no part of the shipped API.
    """
    result = subprocess.run(
        [sys.executable, "manage.py", "export_openapi"],
        cwd=settings.BASE_DIR,
        env=clean_environment(tmp_path, "openapi.sqlite3", **environment),
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_the_openapi_document_matches_the_snapshot(tmp_path):
    actual = exported_document(tmp_path)
    expected = json.loads(SNAPSHOT.read_text())
    assert actual == expected, "API v3 changed: run `make openapi` and commit the snapshot"
