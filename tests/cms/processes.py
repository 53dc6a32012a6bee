"""Helpers of the tests that start processes of their own (servers) and talk to them."""

from __future__ import annotations

import socket
import urllib.request


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands a redirect back as it is, to be asserted, instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None
