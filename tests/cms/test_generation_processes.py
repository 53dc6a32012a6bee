"""Two real app processes and a shell share one database and nothing else.

Each has its own per-process cache (the default), as two gunicorn workers do. A view
restriction added, or a site changed, from the shell must be honoured by both servers at
their next request, not after the 600 s the per-process memos once lived (or the 30 s and
then the hour the site languages once lived in a process and its own cache).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

from tests.cms.processes import NoRedirect, bytecode_cache, free_port

BASE_DIR = Path(settings.BASE_DIR)

pytestmark = [
    # The database is the source of the processes' copy (``migrated_database``), never written.
    pytest.mark.django_db,
    pytest.mark.subprocess,
    pytest.mark.own_sqlite,
]


def status(port: int, path: str = "/") -> int:
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": f"localhost:{port}"}
    )
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def language(port: int) -> str:
    """The Content-Language of the home page: the language the site serves unprefixed."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/", headers={"Host": f"localhost:{port}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers["Content-Language"]


def wait_until_serving(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"runserver on port {port} did not start")


def _environment(directory: Path) -> dict[str, str]:
    """A file database every process shares; no CACHE_URL: each has its own locmem cache."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        **bytecode_cache(),
        "HOME": str(directory),
        "LANG": "C.UTF-8",
        "DATABASE_URL": f"sqlite:///{directory / 'shared.sqlite3'}",
        "MEDIA_ROOT": str(directory / "media"),
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture
def environment(tmp_path, migrated_database) -> dict[str, str]:
    shutil.copyfile(migrated_database, tmp_path / "shared.sqlite3")
    return _environment(tmp_path)


def manage(environment: dict[str, str], *args: str) -> str:
    """Run ``manage.py`` with ``args``; what it printed."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def runserver(environment: dict[str, str], port: int) -> subprocess.Popen:
    """``manage.py runserver`` on ``port``, as `make demo` serves: a thread per request."""
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )


@contextmanager
def two_servers(environment: dict[str, str]) -> Iterator[list[int]]:
    """Two ``runserver`` processes on a freshly migrated and bootstrapped database."""
    ports = [free_port(), free_port()]
    servers = [runserver(environment, port) for port in ports]
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(port, server)
        yield ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def shell(environment: dict[str, str], code: str) -> None:
    manage(environment, "shell", "--no-imports", "-c", code)


def test_a_restriction_added_in_one_process_is_honoured_by_the_others_at_once(environment):
    with two_servers(environment) as ports:
        # Both servers have served the home page: their memos say "no restrictions".
        assert [status(port) for port in ports] == [200, 200]
        assert [status(port) for port in ports] == [200, 200]

        shell(
            environment,
            "from wagtail.models import PageViewRestriction, Site; "
            "PageViewRestriction.objects.create("
            "page=Site.objects.get(is_default_site=True).root_page, restriction_type='login')",
        )

        # The very next request to each: the login page, not the content.
        assert [status(port) for port in ports] == [302, 302]


def test_a_site_changed_in_one_process_is_served_by_the_others_at_once(environment):
    """The site and locale memo (cms/sites.py) follows the content generation: no process
    keeps serving a site's old language for a while after another changed it."""
    with two_servers(environment) as ports:
        assert [language(port) for port in ports] == ["en", "en"]
        assert [language(port) for port in ports] == ["en", "en"]  # remembered

        shell(
            environment,
            "from wagtail.models import Site; "
            "site = Site.objects.get(is_default_site=True); "
            "site.root_page = Site.objects.get(hostname='dk.localhost').root_page; "
            "site.save()",
        )

        assert [language(port) for port in ports] == ["da", "da"]
