"""A database outage is a passing condition: cached answers keep coming, the rest is a 503 to
try again, and the first request once the database is back is answered (docs/deploy.md,
"When the database is down").

An app process (gunicorn, production settings, shared Redis, connections kept between
requests) reaches PostgreSQL through a TCP proxy of the test's own. Stopping the proxy
refuses new connections and cuts the open ones, as a database restart or failover does.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import connection

from tests.cms.processes import (
    NoRedirect,
    bytecode_cache,
    free_port,
    manifest_static_root,
    needs_gunicorn,
    postgres_copy,
    postgres_url,
    redis_database,
)

#: Redis at its usual place, on a database number no other test or bench uses.
REDIS_DB = 12

pytestmark = [
    # The suite's test database is the source of the process's copy; the tests reach it only
    # through the app process.
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.subprocess,
    needs_gunicorn,
]


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class TCPProxy:
    """Forwards connections from a local port to ``target``; :meth:`stop` closes the port
    and every connection through it, :meth:`start` opens the same port again."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._silent = False

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            if listener is not None:
                # Wakes the thread waiting in accept(), which close() alone does not.
                _shut(listener)
                listener.close()
            self._close_open()

    def go_silent(self) -> None:
        """Cut every connection, then accept new ones and never answer: a hung server."""
        with self._lock:
            self._silent = True
            self._close_open()

    def answer_again(self) -> None:
        with self._lock:
            self._silent = False
            self._close_open()

    def _close_open(self) -> None:
        for sock in self._open:
            _shut(sock)
            sock.close()
        self._open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            with self._lock:
                if self._silent:
                    self._open.add(client)  # held open, never answered
                    continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:  # stopped meanwhile
                    client.close()
                    upstream.close()
                    return
                self._open |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            _shut(source)
            _shut(sink)


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode()


@dataclass
class App:
    port: int
    database: TCPProxy

    def get(self, path: str, host: str = "dk.localhost") -> Answer:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"Host": host}
        )
        try:
            with OPENER.open(request, timeout=60) as response:
                return Answer(response.status, response.read(), dict(response.headers))
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read(), dict(error.headers))


@pytest.fixture(scope="module")
def app(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[App]:
    db = connection.settings_dict
    proxy = TCPProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    proxy.start()
    port = free_port()
    directory = tmp_path_factory.mktemp("outage")
    with (
        postgres_copy(django_db_blocker, "outage") as name,
        redis_database(REDIS_DB) as redis_url,
    ):
        environment = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            **bytecode_cache(),
            "HOME": str(directory),
            "LANG": "C.UTF-8",
            "DEBUG": "false",
            "SECRET_KEY": settings.SECRET_KEY,
            "ALLOWED_HOSTS": ".localhost,127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": postgres_url(name, host="127.0.0.1", port=proxy.port),
            # Kept between requests, as in production: a restart leaves them dead.
            "CONN_MAX_AGE": "600",
            "DATABASE_CONNECT_TIMEOUT": "2",
            "CACHE_URL": redis_url,
            "STATIC_ROOT": str(manifest_static_root(tmp_path_factory.mktemp("static"))),
            "MEDIA_ROOT": str(directory / "media"),
            "LOG_LEVEL": "CRITICAL",
        }
        log = directory / "gunicorn.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "cms.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],
                cwd=settings.BASE_DIR,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            served = App(port, proxy)
            deadline = time.monotonic() + 60
            while True:
                try:
                    if served.get("/health/").status == 200:
                        break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not start:\n{log.read_text()[-4000:]}")
                time.sleep(0.2)
            yield served
        finally:
            process.terminate()
            process.wait(timeout=30)
            proxy.stop()


def unavailable(answer: Answer) -> bool:
    return (
        answer.status == 503
        and answer.headers.get("Retry-After") == "30"
        and answer.headers.get("Cache-Control") == "private, no-store"
    )


def test_an_outage_serves_what_is_cached_and_asks_to_try_again_for_the_rest(app):
    # Anonymous visitors have had the Danish home page and a list of the API: both cached.
    for _ in range(2):
        assert app.get("/").status == 200
        assert app.get("/api/v3/pages/").status == 200

    app.database.stop()
    try:
        home = app.get("/")
        assert home.status == 200 and "Tingsted Danmark" in home.text
        assert app.get("/api/v3/pages/").status == 200

        # Not cached: the Swedish translation, a v2 list, the admin.
        swedish = app.get("/sv/")
        assert unavailable(swedish), (swedish.status, swedish.text[:2000])
        assert '<html lang="sv">' in swedish.text and "Tillfälligt otillgänglig" in swedish.text
        api = app.get("/api/v2/pages/")
        assert unavailable(api)
        assert api.headers["Content-Type"] == "application/problem+json"
        assert json.loads(api.body)["status"] == 503
        assert unavailable(app.get("/admin/login/"))
        # The load balancer is told the instance cannot serve.
        assert app.get("/health/").status == 500
    finally:
        app.database.start()

    # Back: no restart of the app process, and nothing of the outage was kept.
    assert app.get("/sv/").status == 200
    assert app.get("/api/v2/pages/").status == 200
    assert app.get("/health/").status == 200


def test_the_first_request_after_a_database_restart_is_answered(app):
    """A kept connection the restart cut is found dead before the request uses it."""
    assert app.get("/api/v2/pages/?limit=1").status == 200  # the process holds a connection
    app.database.stop()
    app.database.start()
    answer = app.get("/api/v2/pages/?limit=2")  # not cached: needs the database
    assert answer.status == 200, answer.text[:2000]


def test_a_database_that_stops_answering_is_a_503_within_the_connect_timeout(app):
    """A server that accepts connections and never answers (a hung host, a full pooler's
    queue). libpq's own connect timeout is none: the worker waited until gunicorn killed it,
    and the visitor got no answer at all."""
    assert app.get("/api/v2/pages/?limit=3").status == 200  # the process holds a connection
    app.database.go_silent()
    try:
        started = time.monotonic()
        answer = app.get("/api/v2/pages/?limit=5")  # not cached: needs the database
        waited = time.monotonic() - started
        assert unavailable(answer), (answer.status, answer.text[:2000])
        assert json.loads(answer.body)["status"] == 503
        # Not a speed measurement: a bound on a hang (DATABASE_CONNECT_TIMEOUT is 2 s here,
        # gunicorn's worker timeout 30 s).
        assert waited < 20, f"the request waited {waited:.0f} s for a silent database"
    finally:
        app.database.answer_again()
    assert app.get("/api/v2/pages/?limit=4").status == 200
