"""What ``make bench`` measures: one :class:`Endpoint` per address and contender.

Three contenders answer on the same data, one server at a time on the same machine:

* ``ours``: the project as deployed (cms.settings), measured ``cold`` (a server whose cache
  never hits), ``warm`` (Redis cache primed) and ``304`` (conditional request with the ETag
  of the primed response; n/a while the API sends no ETag); rendered pages also
  ``unloaded``: the cold server with one connection per worker, their latency without
  queueing behind the other connections;
* ``stock``: Wagtail's own API v2 and v3 with nothing of ours in front
  (cms.bench.stock_settings), the reference the issue's figures came from;
* ``ours`` behind a CDN stand-in (mode ``edge``): nginx with proxy_cache in front of the
  warm server, for the API endpoints, whose Cache-Control lets a shared cache keep them;
* ``static``: the bytes of one of our responses served as a file by nginx, the ceiling.

Paths may hold placeholders the probe fills from the database of the run:
``{home_id}`` (the site's home page), ``{id:app.Model}`` and ``{url:app.Model}`` (a live page
of that type on the site, by id or by its URL path). ``deep_of`` names a list endpoint whose
total count sets ``offset`` near the end.

Extending: an AppConfig may set ``bench_endpoints = "pkg.bench.endpoints"``, a callable
returning a list of Endpoint; one with the key of a built-in endpoint replaces it (that is how
the API swaps ``list-20`` for its own meetings list). Endpoints whose ``requires`` models are
not installed are left out; one answering 404 is reported as skipped, not measured.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.apps import apps
from django.utils.module_loading import import_string

OURS, STOCK, STATIC = "ours", "stock", "static"
COLD, WARM, CONDITIONAL = "cold", "warm", "304"
#: Through a CDN stand-in (nginx proxy_cache) in front of the warm server: API endpoints only.
EDGE = "edge"
#: The cold server with one connection per worker: latency without queueing behind others.
UNLOADED = "unloaded"
#: Rendered pages: no response cache, so no 304; their latency is also measured unloaded.
HTML_MODES = (COLD, UNLOADED, WARM, CONDITIONAL)

#: The kinds the targets in cms.bench.report are stated for.
KINDS = ("list", "deep", "detail", "domain", "html", "search")

#: How long stock Wagtail's uncached full-content lists are measured at least: each of its
#: requests takes seconds, and a shorter run finishes none (wrk then reports 0 req/s).
SLOW_SECONDS = 12

#: The host every request is sent to (the Danish site), so each contender lists one site.
DEFAULT_HOST = "dk.localhost"


@dataclass(frozen=True)
class Endpoint:
    key: str
    label: str
    kind: str
    contender: str
    path: str = ""
    host: str = DEFAULT_HOST
    modes: tuple[str, ...] = (COLD, WARM, CONDITIONAL)
    #: Key of the stock endpoint whose requests/s this one is compared with.
    compare: str | None = None
    #: Key of the list endpoint whose total count puts ``offset`` near the end.
    deep_of: str | None = None
    #: Key of the ours endpoint whose response bytes a static endpoint serves.
    copy_of: str | None = None
    #: Page size, for the targets that compare limits.
    limit: int | None = None
    #: Seconds at least per wrk run: an endpoint taking seconds per request needs longer
    #: than the run's duration for several requests to finish on each worker.
    min_duration: int = 0
    #: Models (``app.Model``) that must be installed for the endpoint to exist.
    requires: tuple[str, ...] = ()
    note: str = ""
    extra_headers: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def available(self) -> bool:
        for label in self.requires:
            try:
                apps.get_model(label)
            except (LookupError, ValueError):
                return False
        return True


def _installed(label: str) -> bool:
    return Endpoint("", "", "list", OURS, requires=(label,)).available


def core_endpoints() -> list[Endpoint]:
    """The built-in endpoints; plugins add or replace them through ``bench_endpoints``.

    ``ours`` and ``stock`` ask the same API v2 address of the same data: ours through our
    middleware, preload and settings, stock through bare Wagtail. With the meetings plugin
    installed both list meetings with full content; without it, every page.
    """
    list_type = "&type=meetings.MeetingPage" if _installed("meetings.MeetingPage") else ""
    full = f"/api/v2/pages/?fields=*{list_type}"
    return [
        Endpoint(
            "list-20", "Full-content list, limit 20", "list", OURS,
            f"{full}&limit=20", compare="stock-list-20", limit=20,
        ),
        Endpoint(
            "list-100", "Full-content list, limit 100", "list", OURS,
            f"{full}&limit=100", compare="stock-list-100", limit=100,
        ),
        Endpoint(
            "list-deep", "Full-content list, offset near the end", "deep", OURS,
            f"{full}&limit=20", deep_of="list-20", compare="stock-list-deep", limit=20,
        ),
        Endpoint(
            "detail-long", "Detail, home page with a 40-block StreamField", "detail", OURS,
            "/api/v3/pages/{home_id}/", compare="stock-v3-detail",
        ),
        Endpoint(
            "domain-upcoming", "Domain route: upcoming meetings", "domain", OURS,
            "/api/v3/meetings/upcoming/", requires=("meetings.MeetingPage",),
        ),
        Endpoint("html-home", "Rendered home page", "html", OURS, "/", modes=HTML_MODES),
        Endpoint(
            "html-network", "Rendered network page", "html", OURS,
            "{url:networks.NetworkPage}", requires=("networks.NetworkPage",), modes=HTML_MODES,
        ),
        Endpoint(
            "html-minutes", "Rendered minutes page", "html", OURS,
            "{url:minutes.MinutesPage}", requires=("minutes.MinutesPage",), modes=HTML_MODES,
        ),
        Endpoint(
            "search", "Site search (API v2 search)", "search", OURS,
            "/api/v2/pages/?search=kommune&limit=20",
        ),
        # --- stock Wagtail 8.0.1, same data -------------------------------------------------
        Endpoint(
            "stock-list-20", "Stock API v2 list, fields=*, limit 20", "list", STOCK,
            f"{full}&limit=20", modes=(COLD,), limit=20, min_duration=SLOW_SECONDS,
        ),
        Endpoint(
            "stock-list-100", "Stock API v2 list, fields=*, limit 100", "list", STOCK,
            f"{full}&limit=100", modes=(COLD,), limit=100, min_duration=SLOW_SECONDS,
        ),
        Endpoint(
            "stock-list-deep", "Stock API v2 list, offset near the end", "deep", STOCK,
            f"{full}&limit=20", deep_of="stock-list-20", modes=(COLD,), limit=20,
            min_duration=SLOW_SECONDS,
        ),
        Endpoint(
            "stock-v2-detail", "Stock API v2 detail", "detail", STOCK,
            "/api/v2/pages/{home_id}/", modes=(COLD,),
        ),
        Endpoint(
            "stock-v3-detail", "Stock API v3 detail", "detail", STOCK,
            "/api/v3/pages/{home_id}/", modes=(COLD,),
        ),
        # --- the ceiling: our bytes as a static file ------------------------------------------
        Endpoint(
            "static-list-20", "Static file: the list-20 response", "list", STATIC,
            "/list-20.json", copy_of="list-20", modes=(STATIC,),
        ),
        Endpoint(
            "static-detail", "Static file: the detail response", "detail", STATIC,
            "/detail-long.json", copy_of="detail-long", modes=(STATIC,),
        ),
    ]  # fmt: skip


def all_endpoints() -> list[Endpoint]:
    """Built-in endpoints, then every app's ``bench_endpoints``; same key replaces."""
    by_key = {endpoint.key: endpoint for endpoint in core_endpoints()}
    for app_config in apps.get_app_configs():
        path = getattr(app_config, "bench_endpoints", None)
        if path:
            for endpoint in import_string(path)():
                by_key[endpoint.key] = endpoint
    return [endpoint for endpoint in by_key.values() if endpoint.available]


def select(endpoints: list[Endpoint], keys: list[str] | None) -> list[Endpoint]:
    """Only the named endpoints (and what they depend on), when ``--only`` is given."""
    if not keys:
        return endpoints
    by_key = {endpoint.key: endpoint for endpoint in endpoints}
    wanted = set(keys)
    for key in keys:
        endpoint = by_key.get(key)
        if endpoint is not None:
            wanted.update(k for k in (endpoint.deep_of, endpoint.copy_of) if k)
    return [replace(endpoint) for endpoint in endpoints if endpoint.key in wanted]
