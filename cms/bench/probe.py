"""In-process facts about each endpoint: its real URL, status, bytes, ETag and SQL queries.

Queries are counted here, through Django's test client inside the bench settings, rather
than in the measured server: counting needs a cursor wrapper that would slow the server
down, and the count does not depend on load. Each endpoint is requested once to warm
renditions and the process, then with the response cache off (cold: what the cold server
does for every request), then once more with the whole cache cleared (``queries_first``:
the first request after a content change, when what is remembered per content generation
is read again), again (warm: a cache hit), and conditionally with its ETag when it sends
one (304).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from cms.bench.endpoints import CONDITIONAL, STOCK, Endpoint

PLACEHOLDER = re.compile(r"\{(home_id|id|url)(?::([\w.]+))?\}")


@dataclass
class Probe:
    key: str
    url: str | None
    host: str
    status: int | None = None
    bytes: int | None = None
    content_type: str = ""
    etag: str | None = None
    queries_cold: int | None = None
    queries_first: int | None = None
    queries_warm: int | None = None
    status_304: int | None = None
    queries_304: int | None = None
    skipped: str = ""


class Resolver:
    """Fills an endpoint's placeholders from the database of this run."""

    def __init__(self) -> None:
        self.roots = {
            site.hostname: site.root_page for site in Site.objects.select_related("root_page")
        }

    def page(self, host: str, label: str) -> Page | None:
        model = apps.get_model(label)
        root = self.roots.get(host)
        if root is None:
            return None
        queryset = model.objects.live().public().descendant_of(root).order_by("path")
        count = queryset.count()
        return queryset[count // 2] if count else None

    def path(self, endpoint: Endpoint) -> str | None:
        missing = False

        def fill(match: re.Match) -> str:
            nonlocal missing
            kind, label = match.group(1), match.group(2)
            if kind == "home_id":
                root = self.roots.get(endpoint.host)
                return str(root.pk) if root else ""
            page = self.page(endpoint.host, label)
            if page is None:
                missing = True
                return ""
            if kind == "id":
                return str(page.pk)
            _site_id, _root_url, page_path = page.specific.get_url_parts()
            return page_path

        path = PLACEHOLDER.sub(fill, endpoint.path)
        return None if missing else path


def total_count(body: bytes) -> int | None:
    """The total of a list response: API v2 ``meta.total_count`` or ninja's ``count``."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if isinstance(data, dict):
        if isinstance(data.get("meta"), dict) and "total_count" in data["meta"]:
            return int(data["meta"]["total_count"])
        if "count" in data:
            return int(data["count"])
    return None


@contextlib.contextmanager
def response_cache_off() -> Iterator[None]:
    """The response caches (the API's and the rendered pages') off, as on the cold server.

    Set directly, not with override_settings: its setting_changed signal makes Django
    and Wagtail drop per-process caches (content types and the like), which the cold
    server keeps, so the count would include queries the server does not make.
    """
    before = settings.TINGSTED_API_RESPONSE_CACHE, settings.TINGSTED_PAGE_CACHE
    settings.TINGSTED_API_RESPONSE_CACHE = settings.TINGSTED_PAGE_CACHE = False
    try:
        yield
    finally:
        settings.TINGSTED_API_RESPONSE_CACHE, settings.TINGSTED_PAGE_CACHE = before


def with_param(path: str, name: str, value: Any) -> str:
    return f"{path}{'&' if '?' in path else '?'}{name}={value}"


def probe_endpoints(
    endpoints: list[Endpoint],
    bodies_dir: Path | None = None,
    copied: set[str] | frozenset[str] = frozenset(),
) -> list[Probe]:
    """Probe every non-static endpoint; save the bodies of the ``copied`` keys."""
    client = Client()
    resolver = Resolver()
    results: dict[str, Probe] = {}
    for endpoint in endpoints:
        if endpoint.copy_of:
            continue
        path = resolver.path(endpoint)
        probe = Probe(key=endpoint.key, url=path, host=endpoint.host)
        results[endpoint.key] = probe
        if path is None:
            probe.skipped = "no page of the required type in the data"
            continue
        if endpoint.deep_of:
            first = results.get(endpoint.deep_of)
            # One item is enough for the count (a stock page of 20 takes seconds).
            response = client.get(
                with_param(first.url if first and first.url else path, "limit", 1),
                HTTP_HOST=endpoint.host,
            )
            total = total_count(response.content)
            if total is None:
                probe.skipped = "the list it pages through gave no total count"
                continue
            probe.url = path = with_param(path, "offset", max(total - (endpoint.limit or 20), 0))

        # Warm renditions, templates and URL caches; a stock list on one item (its full
        # page takes seconds), which warms the same per-process caches.
        slow = endpoint.contender == STOCK and endpoint.kind in ("list", "deep")
        warmup = with_param(path, "limit", 1) if slow else path
        # Built, not answered from a response cache an earlier run left; twice, as a first
        # view may save something (a document's size, say), starting a new generation.
        with response_cache_off():
            for _ in range(1 if slow else 2):
                client.get(warmup, HTTP_HOST=endpoint.host)
        with response_cache_off(), CaptureQueriesContext(connection) as cold:
            response = client.get(path, HTTP_HOST=endpoint.host)
        probe.status = response.status_code
        probe.bytes = len(response.content)
        probe.content_type = response.headers.get("Content-Type", "")
        probe.etag = response.headers.get("ETag")
        probe.queries_cold = len(cold)
        if response.status_code == 404:
            probe.skipped = "404: the address does not exist in this installation"
            continue
        if bodies_dir is not None and endpoint.key in copied:
            bodies_dir.mkdir(parents=True, exist_ok=True)
            (bodies_dir / f"{endpoint.key}.json").write_bytes(response.content)
        if endpoint.contender == STOCK:
            continue  # measured cold only, and its lists take seconds a request
        cache.clear()
        with response_cache_off(), CaptureQueriesContext(connection) as first:
            client.get(path, HTTP_HOST=endpoint.host)
        probe.queries_first = len(first)
        client.get(path, HTTP_HOST=endpoint.host)  # stored in the response cache
        with CaptureQueriesContext(connection) as warm:
            client.get(path, HTTP_HOST=endpoint.host)
        probe.queries_warm = len(warm)
        if probe.etag and CONDITIONAL in endpoint.modes:
            with CaptureQueriesContext(connection) as conditional:
                response = client.get(path, HTTP_HOST=endpoint.host, HTTP_IF_NONE_MATCH=probe.etag)
            probe.status_304 = response.status_code
            probe.queries_304 = len(conditional)
    return list(results.values())


#: Where time goes, by the path of the code it is spent in (first match wins).
AREAS = (
    ("psycopg", "database driver (waiting for PostgreSQL)"),
    ("sqlite3", "database driver (SQLite)"),
    ("django/db/", "Django ORM (building queries, making objects)"),
    ("rest_framework/", "REST framework serialisation"),
    ("ninja/", "django-ninja"),
    ("pydantic", "pydantic validation"),
    ("wagtail/blocks/", "StreamField blocks"),
    ("/blocks/", "StreamField blocks"),
    ("wagtail/images/", "images and renditions"),
    ("wagtail/rich_text", "rich text expansion"),
    ("django/template/", "templates"),
    ("modelcluster/", "Wagtail (other)"),
    ("asgiref/", "Django (other)"),
    ("wagtail/", "Wagtail (other)"),
    ("django/", "Django (other)"),
    ("json", "JSON encoding"),
)


def profile_endpoint(path: str, host: str, requests: int = 20) -> tuple[str, dict[str, float]]:
    """A pyinstrument profile of ``requests`` cold requests: the text and time by area."""
    from pyinstrument import Profiler

    client = Client()
    client.get(path, HTTP_HOST=host)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(requests):
        cache.clear()
        client.get(path, HTTP_HOST=host)
    profiler.stop()
    session = profiler.last_session
    areas: dict[str, float] = {}
    # Built-in calls (a cursor's execute, isinstance) count for the code that made them.
    stack = [(session.root_frame(), "other")] if session else []
    while stack:
        frame, parent_area = stack.pop()
        if frame is None or frame.is_synthetic:
            continue
        file_path = frame.file_path or ""
        area = parent_area
        if not file_path.startswith("<"):
            area = next((name for needle, name in AREAS if needle in file_path), "other")
        stack.extend((child, area) for child in frame.children)
        areas[area] = areas.get(area, 0.0) + frame.total_self_time
    total = sum(areas.values()) or 1.0
    shares = {
        name: round(100 * seconds / total, 1)
        for name, seconds in sorted(areas.items(), key=lambda item: -item[1])
    }
    text = profiler.output_text(unicode=False, color=False, show_all=True)
    return text, shares


def probes_as_json(probes: list[Probe]) -> list[dict[str, Any]]:
    return [asdict(probe) for probe in probes]
