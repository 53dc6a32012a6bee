"""A stand-in for DeepL's API on a local port, for the tests of machine translation."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from cms.i18n.conf import machine_translator_setting


class FakeDeepL(BaseHTTPRequestHandler):
    """DeepL's ``POST /v2/translate``: ``server.answer`` is ``"translate"``, a status, or
    ``"silent"`` (translates after two seconds, too late for a one-second timeout)."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        self.server.requests.append((self.headers.get("Authorization"), form))
        answer = self.server.answer
        if answer == "silent":
            time.sleep(2)
            answer = "translate"
        if answer == "translate":
            status = 200
            body = {
                "translations": [
                    {"detected_source_language": "DA", "text": f"SV: {text}"}
                    for text in form.get("text", [])
                ]
            }
        else:
            status, body = answer, {"message": "Quota Exceeded"} if answer == 456 else None
        payload = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def fake_deepl(settings) -> Iterator[ThreadingHTTPServer]:
    """The stand-in, configured as DeepL in ``settings`` (pytest-django's fixture) while the
    block runs: ``.answer`` (what it answers), ``.requests`` (what it was asked)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeDeepL)
    server.answer, server.requests = "translate", []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(
        "tingsted-test-key",
        api_url=f"http://127.0.0.1:{server.server_address[1]}/v2/translate",
    )
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
