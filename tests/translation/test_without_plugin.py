"""The core starts, migrates, serves and builds its demo without the translation plugin.

The workflow (roles, review, status, sync, its API and admin views) is a plugin like the
others; what the core needs of translation (creating a translation, the machine
translators) is the core's own, ``cms.i18n``. An app registry cannot drop an installed app
with models in the middle of a test run, so this runs in a process of its own with
tests/translation/settings_without_plugin.py, which keeps the Danish site only: building
the demo is most of the test's time.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from django.conf import settings

from tests.cms.processes import bytecode_cache

SCRIPT = """
import json, sys
import django
django.setup()
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

call_command("check")
call_command("migrate", "--noinput", verbosity=0)
call_command("build_demo", "--no-admin", verbosity=0)
client = Client()
admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
answers = {
    "home": client.get("/", HTTP_HOST="dk.localhost").status_code,
    "home_en": client.get("/en/", HTTP_HOST="dk.localhost").status_code,
    "api_pages": client.get("/api/v3/pages/", HTTP_HOST="dk.localhost").status_code,
    "api_translations": client.get(
        "/api/v3/translations/pages/1/", HTTP_HOST="dk.localhost"
    ).status_code,
}
client.force_login(admin)
answers["admin"] = client.get("/admin/", HTTP_HOST="dk.localhost").status_code
from wagtail.models import Page
answers["pages"] = Page.objects.filter(depth__gt=1).count()
answers["installed"] = apps.is_installed("plugins.translation")
answers["imported"] = sorted(name for name in sys.modules if name.startswith("plugins.translation"))
print(json.dumps(answers))
"""


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_the_core_runs_without_the_translation_plugin(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            **bytecode_cache(),
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "PYTHONPATH": str(settings.BASE_DIR),
            "DJANGO_SETTINGS_MODULE": "tests.translation.settings_without_plugin",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'without-translation.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["installed"] is False
    # Nothing of the core imported the plugin, directly or through a hook.
    assert answers["imported"] == []
    assert answers["home"] == 200
    assert answers["home_en"] == 200
    assert answers["api_pages"] == 200
    assert answers["admin"] == 200
    # The demo built every content plugin's pages (far more than the four home pages) ...
    assert answers["pages"] > 20
    # ... and the workflow's API is simply not there.
    assert answers["api_translations"] == 404
