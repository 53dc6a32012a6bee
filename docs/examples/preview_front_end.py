#!/usr/bin/env python3
"""A minimal headless front end for previews: the page the admin's preview panel shows.

Configure Tingsted with TINGSTED_PREVIEW_URLS="default=http://127.0.0.1:8020/" and run

    python docs/examples/preview_front_end.py --api http://localhost:8000/api --port 8020

Wagtail opens http://127.0.0.1:8020/?content_type=cms.homepage&token=… in the preview
panel; this server fetches the draft from /api/v2/page_preview/ with those two values and
renders its title and body. Standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer


def render(page: dict) -> str:
    parts = [f"<h1>{html.escape(page['title'])}</h1>"]
    for block in page.get("body", []):
        value = block["value"]
        if block["type"] == "heading":
            parts.append(f"<h2>{html.escape(value['text'])}</h2>")
        elif block["type"] == "text":
            parts.append(value)  # already HTML, with absolute links
        elif block["type"] == "image" and value:
            parts.append(
                f'<img src="{value["renditions"][0]["url"]}" alt="{html.escape(value["alt"])}">'
            )
        else:
            parts.append(
                f"<pre>{html.escape(json.dumps(value, ensure_ascii=False, indent=2))}</pre>"
            )
    lang = html.escape(page["meta"].get("locale", "en"))
    return f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>Preview</title><body>{"".join(parts)}</body></html>'


def handler_for(api: str):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            params = urllib.parse.urlencode(
                {
                    "content_type": query.get("content_type", [""])[0],
                    "token": query.get("token", [""])[0],
                }
            )
            try:
                with urllib.request.urlopen(
                    f"{api}/v2/page_preview/?{params}", timeout=10
                ) as response:
                    body, status = render(json.load(response)), 200
            except urllib.error.HTTPError as error:
                message = json.loads(error.read() or b"{}").get("detail", "")
                body, status = f"<p>Preview unavailable: {html.escape(message)}</p>", error.code
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description="Minimal headless preview front end")
    parser.add_argument("--api", required=True)
    parser.add_argument("--port", type=int, default=8020)
    args = parser.parse_args()
    HTTPServer(("127.0.0.1", args.port), handler_for(args.api.rstrip("/"))).serve_forever()


if __name__ == "__main__":
    main()
