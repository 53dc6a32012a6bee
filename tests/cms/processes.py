"""Helpers of the tests that start processes of their own (servers) and talk to them."""

from __future__ import annotations

import importlib.util
import os
import socket
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

#: For the tests that start the app under gunicorn, as production does.
needs_gunicorn = pytest.mark.skipif(
    importlib.util.find_spec("gunicorn") is None,
    reason="gunicorn is not installed (make install: requirements.lock pins it).",
)


def bytecode_cache() -> dict[str, str]:
    """The run's bytecode cache (``PYTHONPYCACHEPREFIX``, set by the Makefile and CI), for a
    process started with an environment of its own: it loads Django and Wagtail compiled
    instead of compiling them again, seconds of CPU each."""
    return {key: value for key, value in os.environ.items() if key == "PYTHONPYCACHEPREFIX"}


def clean_environment(tmp_path: Path, database: str, **extra: str) -> dict[str, str]:
    """The environment of a process a test starts: nothing of the test run's own but the
    bytecode cache, a home and a SQLite database ``database`` under ``tmp_path``, and
    ``extra``."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        **bytecode_cache(),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DATABASE_URL": f"sqlite:///{tmp_path / database}",
        **extra,
    }


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands a redirect back as it is, to be asserted, instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


@contextmanager
def redis_database(number: int) -> Iterator[str]:
    """The URL of database ``number`` of the Redis at 127.0.0.1:6379, emptied before and
    after, for app processes a test starts to share; the test is skipped without Redis.
    Each module uses a number of its own, so tests on two workers never empty each other's."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=number, socket_connect_timeout=0.5)
    try:
        client.flushdb()
    except redis.RedisError:
        pytest.skip("No Redis on 127.0.0.1:6379: the app processes need one to share.")
    yield f"redis://127.0.0.1:6379/{number}"
    client.flushdb()


def postgres_conninfo(database: str) -> str:
    """A psycopg connection string for ``database`` on the suite's PostgreSQL server."""
    from psycopg.conninfo import make_conninfo

    db = connection.settings_dict
    return make_conninfo(
        host=db["HOST"] or "", port=db["PORT"] or "", user=db["USER"], dbname=database
    ) + (f" password={db['PASSWORD']}" if db["PASSWORD"] else "")


def postgres_url(database: str, *, host: str | None = None, port: int | str | None = None) -> str:
    """A ``DATABASE_URL`` for ``database`` on the suite's PostgreSQL server (or at ``host``
    and ``port``, a proxy in front of it), for the processes a test starts."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    port = port if port is not None else db["PORT"]
    address = f"{host or db['HOST']}{f':{port}' if port else ''}"
    return f"postgres://{quote(db['USER'], safe='')}{password}@{address}/{database}"


@contextmanager
def postgres_copy(django_db_blocker, suffix: str) -> Iterator[str]:
    """The name of a database of the caller's own: a copy of the suite's migrated and
    bootstrapped test database (``CREATE DATABASE … TEMPLATE``, no migrate), for the
    processes a test starts, dropped afterwards. The suite's test database gets its own
    transaction's content only; what a test adds there the copy does not have."""
    import psycopg
    from psycopg import sql

    template = connection.settings_dict["NAME"]
    name = f"{template}_{suffix}"[:63]
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with django_db_blocker.unblock():
        # A template database may have no other connection while it is copied.
        connection.close()
        with psycopg.connect(postgres_conninfo("postgres"), autocommit=True) as admin:
            admin.execute(drop)
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        try:
            yield name
        finally:
            with psycopg.connect(postgres_conninfo("postgres"), autocommit=True) as admin:
                admin.execute(drop)


def manifest_static_root(root: Path) -> Path:
    """``root`` made a STATIC_ROOT whose manifest names every static file as itself.

    With DEBUG off, templates ask the manifest for each file's name. A real
    ``collectstatic`` (hashing and compressing every admin file) costs seconds of CPU, and
    the tests that use this fetch no static file; this manifest lets every template render.
    """
    import json

    from django.contrib.staticfiles import finders

    paths = {
        path: path
        for finder in finders.get_finders()
        for path, _ in finder.list(["CVS", ".*", "*~"])
    }
    (root / "staticfiles.json").write_text(
        json.dumps({"paths": paths, "version": "1.1", "hash": "tests"})
    )
    return root
