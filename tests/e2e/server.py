"""A live HTTP server for the browser tests that shares the running test's database connection.

pytest-django's ``live_server`` needs a transactional database: every test would then
commit, and flush every table afterwards, so the demo (about a minute to build) would have
to be built again for each test. This server instead serves the browser through the test's
own connection, inside the transaction that holds the shared demo build
(``tests/conftest.py``) and the test's own savepoint. Every journey starts from the same
demo and leaves nothing behind, on SQLite and PostgreSQL alike. Django does the same for
an in-memory SQLite database in ``LiveServerTestCase``.

One connection serves one thread at a time: requests that reach Django run one after the
other under :attr:`LiveServer.lock`, and the test takes the same lock (``journey.db()``)
when it reads or writes through the ORM while the browser may still be talking to the
server. Static files and media are answered outside the lock (no database involved).

A request behaves as it does in production in the two ways that matter here: Django's
per-request ``close_old_connections`` is skipped (it would close the shared connection, as
the test client also skips it), and ``transaction.on_commit`` callbacks registered during a
request run when it ends, where autocommit would have run them. No commit happens: the
test's rollback undoes everything the browser did.
"""

from __future__ import annotations

import contextlib
import mimetypes
import posixpath
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections
from django.test import TestCase


class _ThreadedServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


class LiveServer:
    """``LiveServer().url(host, path)``; ``attach(connection)`` for a test, ``detach()`` after."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.connection = None
        self._django = WSGIHandler()
        self._static = StaticFilesHandler(self._django)
        self.httpd = _ThreadedServer(("127.0.0.1", 0), _QuietHandler)
        self.httpd.set_app(self.app)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, name="e2e-live-server", daemon=True
        )
        self.thread.start()

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- the test's connection ----------------------------------------------------------

    def attach(self, connection) -> None:
        with self.lock:
            connection.inc_thread_sharing()
            self.connection = connection

    def detach(self) -> None:
        # Waits for a request still being answered (a page the test just closed).
        with self.lock:
            if self.connection is not None:
                self.connection.dec_thread_sharing()
            self.connection = None

    @contextlib.contextmanager
    def db(self) -> Iterator[None]:
        """The test's turn on the shared connection: no request is answered meanwhile."""
        with self.lock:
            yield

    # --- WSGI ---------------------------------------------------------------------------

    def app(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith(settings.STATIC_URL):
            return self._static(environ, start_response)
        if path.startswith(settings.MEDIA_URL):
            return _media(path[len(settings.MEDIA_URL) :], start_response)
        with self.lock:
            if self.connection is None:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"No browser test is running."]
            connections[DEFAULT_DB_ALIAS] = self.connection
            request_started.disconnect(close_old_connections)
            request_finished.disconnect(close_old_connections)
            try:
                with TestCase.captureOnCommitCallbacks(execute=True):
                    response = self._django(environ, start_response)
                    try:
                        body = b"".join(response)
                    finally:
                        response.close()
            finally:
                request_started.connect(close_old_connections)
                request_finished.connect(close_old_connections)
                # The browser keeps the HTTP connection, and so this thread, for its next
                # request: a static file's would close the shared connection as an old one.
                del connections[DEFAULT_DB_ALIAS]
        return [body]


def _media(relative: str, start_response):
    """Uploaded files (the demo's images) from MEDIA_ROOT, as a web server would serve them."""
    root = Path(settings.MEDIA_ROOT).resolve()
    file = (root / posixpath.normpath(unquote(relative)).lstrip("/")).resolve()
    if root not in file.parents or not file.is_file():
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Not found."]
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    start_response("200 OK", [("Content-Type", content_type)])
    return [file.read_bytes()]
