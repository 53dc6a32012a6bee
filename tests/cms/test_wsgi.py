"""The WSGI application gunicorn serves is ready before its first request (cms/wsgi.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.cms.processes import clean_environment

PROBE = """
import gc
import cms.wsgi
from django.urls import get_resolver

resolver = get_resolver()
print(gc.get_freeze_count(), "url_patterns" in resolver.__dict__)
"""


def test_the_wsgi_application_builds_its_urls_and_hides_start_up_objects_from_the_collector(
    tmp_path,
):
    # Each full collection would otherwise walk every module, model and block definition
    # again: a fifth of a meetings list's CPU, measured in-process (docs/benchmarks.md).
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=Path(settings.BASE_DIR),
        env=clean_environment(tmp_path, "wsgi.sqlite3"),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    frozen, urls_built = result.stdout.split()
    assert urls_built == "True"
    # Django, Wagtail and the project's definitions: hundreds of thousands of objects.
    assert int(frozen) > 100_000
