"""Settings come from the environment.

What an operator sees (manage.py's exit code and output, the deployment checks) runs
manage.py in a process of its own with a controlled environment. The values themselves are
read in-process: ``load_settings`` executes cms/settings.py as a fresh module under a
patched environment, leaving the running Django untouched.
"""

from __future__ import annotations

import importlib.util
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from tests.cms.processes import clean_environment

BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def run(tmp_path):
    """``run(*args, **env)``: manage.py in a clean environment plus ``env``."""

    def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
        environment = clean_environment(tmp_path, "settings-test.sqlite3", **env)
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


@pytest.fixture
def load_settings(monkeypatch, tmp_path):
    """``load_settings(**env)``: cms/settings.py executed afresh with a clean environment
    plus ``env`` (as ``run`` gives manage.py), returned as a module."""

    def load(**env: str) -> ModuleType:
        environment = clean_environment(tmp_path, "settings-test.sqlite3", **env)
        # In place: django-environ holds on to the os.environ object itself.
        for key in list(os.environ):
            monkeypatch.delenv(key)
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        spec = importlib.util.spec_from_file_location(
            "tingsted_settings_under_test", BASE_DIR / "cms" / "settings.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


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


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_debug_off_without_secret_key_stops_with_a_sentence(run):
    result = run("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_deploy_check_is_clean_with_production_variables(run, production):
    result = run("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_deploy_check_fails_on_a_weak_secret_key(run, production):
    """The check above really runs the deployment checks."""
    result = run(
        "check", "--deploy", "--fail-level", "WARNING", **{**production, "SECRET_KEY": "short"}
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_production_settings_are_secure(load_settings, production):
    loaded = load_settings(**production)
    assert loaded.DEBUG is False
    assert loaded.SESSION_COOKIE_SECURE is True
    assert loaded.SECURE_SSL_REDIRECT is True
    assert loaded.ALLOWED_HOSTS == ["cms.example.org", "dk.example.org"]
    assert loaded.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_redis_cache_url_uses_the_resilient_redis_backend(load_settings):
    loaded = load_settings(CACHE_URL="redis://127.0.0.1:6379/1")
    assert loaded.CACHES["default"]["BACKEND"] == "cms.cache.ResilientRedisCache"
    assert loaded.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/1"


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_a_per_process_cache_fails_the_deploy_check(run, production):
    production.pop("CACHE_URL")
    result = run("check", "--deploy", **production)
    assert result.returncode != 0
    assert "cms.E020" in result.stderr


def test_mail_has_a_timeout(load_settings):
    assert load_settings().EMAIL_TIMEOUT == 10
    assert load_settings(EMAIL_TIMEOUT="3").EMAIL_TIMEOUT == 3


def test_the_default_cache_needs_no_service(load_settings):
    loaded = load_settings()
    assert loaded.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_a_language_is_added_by_settings_alone(load_settings):
    loaded = load_settings(TINGSTED_LANGUAGES="da,sv,nb,en,fi")
    assert [(code, str(name)) for code, name in loaded.LANGUAGES] == [
        ("da", "Dansk"),
        ("sv", "Svenska"),
        ("nb", "Norsk (bokmål)"),
        ("en", "English"),
        ("fi", "Suomi"),
    ]
    assert loaded.WAGTAIL_CONTENT_LANGUAGES == loaded.LANGUAGES


def test_an_unknown_language_code_is_a_clear_error(load_settings):
    # manage.py prints an ImproperlyConfigured as its sentence, without a traceback
    # (test_debug_off_without_secret_key_stops_with_a_sentence runs that path).
    message = "TINGSTED_LANGUAGES contains 'xx', which Django does not know."
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        load_settings(TINGSTED_LANGUAGES="da,sv,nb,en,xx")


def test_entry_point_plugins_can_be_switched_off(load_settings, monkeypatch):
    """Only pytest's path holds the example plugin; the default demo never lists it."""
    thirdparty = str(BASE_DIR / "tests" / "thirdparty")
    with_path = list(sys.path)
    without_path = [entry for entry in sys.path if Path(entry).resolve() != Path(thirdparty)]
    assert len(without_path) < len(with_path), "pytest puts tests/thirdparty on the path"

    monkeypatch.setattr(sys, "path", without_path)
    assert "tingsted_example" not in load_settings().INSTALLED_APPS
    monkeypatch.setattr(sys, "path", with_path)
    assert "tingsted_example" in load_settings().INSTALLED_APPS
    assert "tingsted_example" not in (
        load_settings(TINGSTED_ENTRY_POINT_PLUGINS="false").INSTALLED_APPS
    )


def test_every_environment_variable_is_in_the_readme_table():
    source = (BASE_DIR / "cms" / "settings.py").read_text()
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]*)"', source))
    readme = (BASE_DIR / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", readme, re.MULTILINE))
    assert read, "the pattern no longer finds env reads in cms/settings.py"
    assert read - documented == set()
    assert documented - read == set()


@pytest.mark.parametrize(
    ("value", "read"), [("true", True), ("Yes", True), ("on", True), ("0", False), ("off", False)]
)
def test_yes_and_no_read_as_written(load_settings, value, read):
    assert load_settings(PAGE_CACHE=value).TINGSTED_PAGE_CACHE is read


def test_a_postgresql_connection_waits_a_bounded_time_to_open(load_settings):
    """libpq's own connect timeout is none: a hung database held each worker for ever."""
    url = "postgres://tingsted@db.internal:5432/tingsted"
    assert load_settings(DATABASE_URL=url).DATABASES["default"]["OPTIONS"] == {"connect_timeout": 5}
    quick = load_settings(DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="2")
    assert quick.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 2
    own = load_settings(DATABASE_URL=f"{url}?connect_timeout=9", DATABASE_CONNECT_TIMEOUT="2")
    assert own.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 9


# --- Media storage (MEDIA_STORAGE, docs/deploy.md "Media and object storage") -------------

S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "tingsted-media",
    "AWS_S3_REGION_NAME": "eu-north-1",
}


def test_media_is_on_the_local_disk_by_default(load_settings):
    module = load_settings()
    assert module.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert module.STORAGES["documents"] == module.STORAGES["default"]
    assert module.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_object_storage_from_the_environment(load_settings):
    module = load_settings(
        **S3_ENV,
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        AWS_S3_ACCESS_KEY_ID="key",
        AWS_S3_SECRET_ACCESS_KEY="secret",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_QUERYSTRING_EXPIRE="120",
        AWS_S3_TIMEOUT="4",
    )
    images, documents = module.STORAGES["default"], module.STORAGES["documents"]
    assert images["BACKEND"] == documents["BACKEND"] == "storages.backends.s3.S3Storage"
    # A storage that stops answering holds a request 4 s per try, twice, not botocore's 60 s
    # five times.
    for options in (images["OPTIONS"], documents["OPTIONS"]):
        config = options.pop("client_config")
        assert (config.connect_timeout, config.read_timeout) == (4, 4)
        assert config.retries == {"mode": "standard", "max_attempts": 2}
    shared = {
        "bucket_name": "tingsted-media",
        "region_name": "eu-north-1",
        "endpoint_url": "http://127.0.0.1:9000",
        "access_key": "key",
        "secret_key": "secret",
        "file_overwrite": False,
    }
    assert images["OPTIONS"] == {
        **shared,
        "querystring_auth": False,
        "custom_domain": "media.example.org",
    }
    assert documents["OPTIONS"] == {
        **shared,
        "querystring_auth": True,
        "querystring_expire": 120,
        "custom_domain": None,
    }
    # Documents redirect to a signed URL after Wagtail's checks; streaming is a choice.
    assert module.WAGTAILDOCS_SERVE_METHOD == "redirect"
    streamed = load_settings(**S3_ENV, WAGTAILDOCS_SERVE_METHOD="serve_view")
    assert streamed.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_the_content_security_policy_allows_an_http_media_endpoint(load_settings):
    """https: covers AWS and custom domains; a plain-http endpoint (MinIO on a LAN) is added."""
    directives = load_settings(**S3_ENV).CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert directives["img-src"] == ["'self'", "data:", "https:"]
    local = load_settings(**S3_ENV, AWS_S3_ENDPOINT_URL="http://minio.internal:9000")
    directives = local.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert "http://minio.internal:9000" in directives["img-src"]
    assert "http://minio.internal:9000" in directives["media-src"]


@pytest.mark.parametrize(
    ("env", "sentence"),
    [
        (
            {"MEDIA_STORAGE": "s3"},
            "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME: set it to the name of the bucket",
        ),
        (
            {"MEDIA_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "media"},
            "MEDIA_STORAGE=s3 needs AWS_S3_REGION_NAME",
        ),
        ({**S3_ENV, "AWS_S3_ACCESS_KEY_ID": "key"}, "set AWS_S3_SECRET_ACCESS_KEY too"),
        ({**S3_ENV, "AWS_S3_SECRET_ACCESS_KEY": "secret"}, "set AWS_S3_ACCESS_KEY_ID too"),
        ({**S3_ENV, "AWS_S3_ENDPOINT_URL": "minio:9000"}, "AWS_S3_ENDPOINT_URL must be an"),
        (
            {**S3_ENV, "AWS_S3_CUSTOM_DOMAIN": "https://media.example.org"},
            "AWS_S3_CUSTOM_DOMAIN is a host name",
        ),
        ({**S3_ENV, "AWS_QUERYSTRING_EXPIRE": "0"}, "AWS_QUERYSTRING_EXPIRE must be"),
        (
            {**S3_ENV, "AWS_QUERYSTRING_EXPIRE": "abc"},
            "AWS_QUERYSTRING_EXPIRE must be a whole number, not 'abc'.",
        ),
        ({**S3_ENV, "AWS_S3_TIMEOUT": "0"}, "AWS_S3_TIMEOUT must be a positive number"),
        ({"CACHE_READ_TIMEOUT": "soon"}, "CACHE_READ_TIMEOUT must be a number, not 'soon'."),
        # django-environ reads anything but its true words as false: the cache went off.
        ({"PAGE_CACHE": "ture"}, "PAGE_CACHE must be true or false, not 'ture'."),
        ({"MEDIA_STORAGE": "s4"}, "MEDIA_STORAGE must be 'local' or 's3', not 's4'"),
        ({**S3_ENV, "WAGTAILDOCS_SERVE_METHOD": "direct"}, "bypass Wagtail's permission"),
        ({"WAGTAILDOCS_SERVE_METHOD": "redirect"}, "WAGTAILDOCS_SERVE_METHOD=redirect needs"),
    ],
)
def test_an_incomplete_media_storage_is_a_clear_error(load_settings, env, sentence):
    with pytest.raises(ImproperlyConfigured, match=re.escape(sentence)):
        load_settings(**env)


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_start_up_stops_with_the_missing_variable(run):
    result = run("check", MEDIA_STORAGE="s3", AWS_S3_REGION_NAME="eu-north-1")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME: set it to the "
        "name of the bucket that holds images and documents."
    )


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_a_number_that_is_not_one_stops_start_up_with_a_sentence(run):
    """It was a ValueError's traceback ("invalid literal for int() with base 10")."""
    result = run("check", WAGTAILDOCS_MAX_UPLOAD_SIZE="20MB")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: WAGTAILDOCS_MAX_UPLOAD_SIZE must be a whole number, not '20MB'."
    )
