"""Helpers of the tests that start processes of their own (servers) and talk to them."""

from __future__ import annotations

import os
import socket
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


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
