"""The bench environment: database and cache addresses, and running Django under them.

Settings are read once per process from the environment (cms/settings.py), so a command
asked to work on another database re-executes itself with that ``DATABASE_URL`` rather
than patching live connections.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tingsted_bench"
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/2"

#: The harness's commands run with these settings (the project's, plus the bench app).
BENCH_SETTINGS = "cms.bench.settings"
#: The project as deployed: what the ``ours`` servers run.
OURS_SETTINGS = "cms.settings"
#: Stock Wagtail on the same models and data: what the ``stock`` server runs.
STOCK_SETTINGS = "cms.bench.stock_settings"


def bench_dir() -> Path:
    path = Path(settings.BASE_DIR) / "var" / "bench"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url_for(base_url: str, pages: int) -> str:
    """One database per dataset size: ``tingsted_bench`` -> ``tingsted_bench_1000``."""
    parts = urlsplit(base_url)
    name = parts.path.lstrip("/") or "tingsted_bench"
    return urlunsplit(parts._replace(path=f"/{name}_{pages}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def hostnames() -> list[str]:
    return [spec["hostname"] for spec in settings.TINGSTED_SITES]


def server_env(database_url: str, cache_url: str, media_root: Path, **extra: str) -> dict:
    """The environment every bench process runs with: production-like, loopback only."""
    env = dict(os.environ)
    env.update(
        {
            # Child commands (bench_data, bench_probe) exist only in the bench settings.
            "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS,
            "DATABASE_URL": database_url,
            "CACHE_URL": cache_url,
            "DEBUG": "false",
            "SECRET_KEY": env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": ",".join([*hostnames(), "127.0.0.1"]),
            # Loopback HTTP: no TLS proxy in front, so no redirect to https.
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(bench_dir() / "static"),
            "MEDIA_ROOT": str(media_root),
            "LOG_LEVEL": "WARNING",
            "CONN_MAX_AGE": env.get("BENCH_CONN_MAX_AGE", "60"),
            "TINGSTED_BENCH": "1",
            # wrk is one client address sending thousands of requests: no rate limit.
            "API_RATE_ANONYMOUS": "",
            "API_RATE_TOKEN": "",
        }
    )
    env.update(extra)
    return env


def reexec_with_database(url: str) -> None:
    """Run this same command again with ``DATABASE_URL=url``, unless that is already so."""
    if os.environ.get("DATABASE_URL") == url:
        return
    ensure_database(url)
    env = dict(os.environ, DATABASE_URL=url)
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


def ensure_database(url: str) -> bool:
    """Create the PostgreSQL database of ``url`` if it is missing; True if created."""
    if not url.startswith(("postgres://", "postgresql://")):
        return False
    import psycopg
    from psycopg import sql

    name = database_name(url)
    admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


def analyze_database(url: str) -> None:
    """``VACUUM ANALYZE``: what autovacuum does within a minute of a bulk load in production.

    It gathers the planner's statistics, without which PostgreSQL guesses row counts and can
    pick plans production never runs, and empties GIN indexes' pending lists (the search
    index's among them), which every search would otherwise read through. Autovacuum is off
    on some bench machines.
    """
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
        conn.execute("VACUUM ANALYZE")


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database_name(url))
            )
        )
