"""Settings come from the environment: each test runs manage.py with a controlled one.

A subprocess is the only honest way: the settings module is read once per process, and
what an operator sees is manage.py's exit code and output.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def run(tmp_path):
    """``run(*args, **env)``: manage.py in a clean environment plus ``env``."""

    def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
        environment = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'settings-test.sqlite3'}",
            **env,
        }
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    return run_manage


def print_setting(expression: str) -> list[str]:
    return ["shell", "--no-imports", "-c", f"from django.conf import settings; print({expression})"]


@pytest.fixture
def production(tmp_path) -> dict[str, str]:
    """The variables docs/deploy.md asks a production deployment to set."""
    return {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "cms.example.org,dk.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://cms.example.org,https://dk.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "WAGTAILADMIN_BASE_URL": "https://cms.example.org",
        "EMAIL_URL": "smtp://mail.example.org:587",
        "DEFAULT_FROM_EMAIL": "cms@example.org",
    }


def test_debug_off_without_secret_key_stops_with_a_sentence(run):
    result = run("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert "Traceback" not in result.stderr


def test_deploy_check_is_clean_with_production_variables(run, production):
    result = run("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_fails_on_a_weak_secret_key(run, production):
    """The check above really runs the deployment checks."""
    result = run(
        "check", "--deploy", "--fail-level", "WARNING", **{**production, "SECRET_KEY": "short"}
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_production_settings_are_secure(run, production):
    result = run(
        *print_setting(
            "settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT, "
            "settings.ALLOWED_HOSTS, settings.STORAGES['staticfiles']['BACKEND']"
        ),
        **production,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "False True True ['cms.example.org', 'dk.example.org'] "
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_redis_cache_url_uses_the_resilient_redis_backend(run):
    result = run(
        *print_setting(
            "settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION']"
        ),
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "cms.cache.ResilientRedisCache redis://127.0.0.1:6379/1"
    )


def test_a_per_process_cache_fails_the_deploy_check(run, production):
    production.pop("CACHE_URL")
    result = run("check", "--deploy", **production)
    assert result.returncode != 0
    assert "cms.E020" in result.stderr


def test_mail_has_a_timeout(run):
    result = run(*print_setting("settings.EMAIL_TIMEOUT"))
    assert result.stdout.strip().splitlines()[-1] == "10"
    result = run(*print_setting("settings.EMAIL_TIMEOUT"), EMAIL_TIMEOUT="3")
    assert result.stdout.strip().splitlines()[-1] == "3"


def test_the_default_cache_needs_no_service(run):
    result = run(*print_setting("settings.CACHES['default']['BACKEND']"))
    assert result.stdout.strip().splitlines()[-1] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_a_language_is_added_by_settings_alone(run):
    result = run(
        *print_setting(
            "settings.LANGUAGES, settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES"
        ),
        TINGSTED_LANGUAGES="da,sv,nb,en,fi",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "[('da', 'Dansk'), ('sv', 'Svenska'), ('nb', 'Norsk (bokmål)'), ('en', 'English'), "
        "('fi', 'Suomi')] True"
    )


def test_an_unknown_language_code_is_a_clear_error(run):
    result = run("check", TINGSTED_LANGUAGES="da,sv,nb,en,xx")
    assert result.returncode != 0
    assert "TINGSTED_LANGUAGES contains 'xx', which Django does not know." in result.stderr
    assert "Traceback" not in result.stderr


def test_entry_point_plugins_can_be_switched_off(run):
    """Only pytest's path holds the example plugin; the default demo never lists it."""
    result = run(*print_setting("'tingsted_example' in settings.INSTALLED_APPS"))
    assert result.stdout.strip().splitlines()[-1] == "False"
    with_path = run(
        *print_setting("'tingsted_example' in settings.INSTALLED_APPS"),
        PYTHONPATH=str(BASE_DIR / "tests" / "thirdparty"),
    )
    assert with_path.stdout.strip().splitlines()[-1] == "True"
    switched_off = run(
        *print_setting("'tingsted_example' in settings.INSTALLED_APPS"),
        PYTHONPATH=str(BASE_DIR / "tests" / "thirdparty"),
        TINGSTED_ENTRY_POINT_PLUGINS="false",
    )
    assert switched_off.stdout.strip().splitlines()[-1] == "False"


def test_every_environment_variable_is_in_the_readme_table():
    import re

    source = (BASE_DIR / "cms" / "settings.py").read_text()
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))
    readme = (BASE_DIR / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, re.MULTILINE))
    assert read, "the pattern no longer finds env reads in cms/settings.py"
    assert read - documented == set()
    assert documented - read == set()
