"""cms/deploy/two_processes.sh and media: the bucket, or ``--local-media`` on one host only.

Each case stops at a check before anything is started (no database, no port is touched):
a refusal names what is wrong, and an accepted media setting lets the script go on to its
next check, the static manifest, which these cases leave missing on purpose.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.cms.processes import bytecode_cache

SCRIPT = Path(settings.BASE_DIR) / "cms" / "deploy" / "two_processes.sh"
#: The check after the media ones: reaching it means the media setting was accepted.
NEXT_CHECK = "staticfiles.json is missing"

pytestmark = [
    pytest.mark.subprocess,
    pytest.mark.skipif(
        not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()),
        reason="nginx is not installed (apt-get install -y nginx-light).",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("gunicorn") is None,
        reason="gunicorn is not installed (make install: requirements.lock pins it).",
    ),
]


def run_script(tmp_path: Path, *args: str, **env: str) -> str:
    """The script's refusal (stderr) under a complete environment but for ``env``."""
    environment = {
        "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
        **bytecode_cache(),
        "PYTHON": sys.executable,
        "SECRET_KEY": "not-secret",
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
        "CACHE_URL": "redis://127.0.0.1:6379/15",
        "STATIC_ROOT": str(tmp_path / "no-static"),
        "MEDIA_ROOT": str(tmp_path),
        **env,
    }
    completed = subprocess.run(
        [str(SCRIPT), *args],
        env={key: value for key, value in environment.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    return completed.stderr


def test_local_media_is_refused_without_the_flag_which_the_sentence_names(tmp_path):
    error = run_script(tmp_path, "--listen", "127.0.0.1:8080")

    assert "MEDIA_STORAGE must be s3" in error
    assert "--local-media" in error
    assert "this one machine only" in error


def test_local_media_is_accepted_on_one_host_listening_on_loopback(tmp_path):
    for listen in ("127.0.0.1:8080", "localhost:8080", "[::1]:8080"):
        error = run_script(tmp_path, "--local-media", "--listen", listen)

        assert NEXT_CHECK in error, error


def test_local_media_refuses_an_address_other_hosts_can_reach(tmp_path):
    for listen in ("0.0.0.0:8080", "10.0.0.5:8080", "[::]:8080"):
        error = run_script(tmp_path, "--local-media", "--listen", listen)

        assert "--local-media is for one host only" in error, error
        assert "MEDIA_STORAGE=s3" in error


def test_local_media_refuses_a_bucket_and_a_missing_or_unsafe_media_root(tmp_path):
    listen = ("--local-media", "--listen", "127.0.0.1:8080")

    error = run_script(tmp_path, *listen, MEDIA_STORAGE="s3")
    assert "leave out one or the other" in error

    error = run_script(tmp_path, *listen, MEDIA_ROOT=str(tmp_path / "missing"))
    assert "is not a directory" in error

    error = run_script(tmp_path, *listen, MEDIA_ROOT="media")
    assert "MEDIA_ROOT must be an absolute path" in error

    # With the bucket and no flag, as before: the media check passes.
    error = run_script(tmp_path, "--listen", "127.0.0.1:8080", MEDIA_STORAGE="s3")
    assert NEXT_CHECK in error, error
