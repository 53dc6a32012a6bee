"""The static ceiling when nginx is not installed: files answered from memory by WSGI.

No Django, no routing: the least any Python server can do for the same bytes.
"""

import os
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", "."))
FILES = {f"/{path.name}": path.read_bytes() for path in ROOT.glob("*") if path.is_file()}


def application(environ, start_response):
    body = FILES.get(environ.get("PATH_INFO", ""))
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
