"""The API v3 contract is guarded: any change to the OpenAPI document is a visible diff.

After an intended change (a new page type, field, block or route), regenerate with
``make openapi`` (``manage.py export_openapi > tests/api/openapi.snapshot.json``) and
commit the snapshot with the change.
"""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")


@pytest.mark.django_db
def test_the_openapi_document_matches_the_snapshot(capsys):
    call_command("export_openapi")
    actual = json.loads(capsys.readouterr().out)
    expected = json.loads(SNAPSHOT.read_text())
    assert actual == expected, "API v3 changed: run `make openapi` and commit the snapshot"
