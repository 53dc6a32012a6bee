"""What ``make bench`` measures: one :class:`Endpoint` per address and contender.

Three contenders answer on the same data, one server at a time on the same machine:

* ``ours``: the project as deployed (cms.settings), measured ``cold`` (a server whose cache
  never hits), ``warm`` (Redis cache primed) and ``304`` (conditional request with the ETag
  of the primed response; n/a when the answer has no ETag); rendered pages also
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

The built-in endpoints are the core's: full-content lists of every page (ours and stock's),
the home page's detail and rendering, search and the static ceiling. A plugin adds its own
through the contract's ``bench_endpoints`` hook (cms/contract.py, docs/plugins.md), a callable
returning a list of Endpoint (``cms.public.BenchEndpoint``); one with the key of a built-in
endpoint replaces it: that is how the meetings plugin makes the lists list meetings
(:meth:`Endpoint.full_content_lists`). Endpoints are measured grouped by contender, then by
kind (:data:`KINDS`), built-in ones first. Endpoints whose ``requires`` models are not
installed are left out; one answering 404 is reported as skipped, not measured.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.apps import apps

OURS, STOCK, STATIC = "ours", "stock", "static"
COLD, WARM, CONDITIONAL = "cold", "warm", "304"
#: Through a CDN stand-in (nginx proxy_cache) in front of the warm server: API endpoints only.
EDGE = "edge"
#: The cold server with one connection per worker: latency without queueing behind others.
UNLOADED = "unloaded"
#: Rendered pages: cold, warm and 304 as the API (cms/pagecache.py); their latency is also
#: measured unloaded.
HTML_MODES = (COLD, UNLOADED, WARM, CONDITIONAL)

#: API search: cached like every API answer, and also measured unloaded (its target is a latency).
SEARCH_MODES = (COLD, UNLOADED, WARM, CONDITIONAL)

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
    #: Empty: the kind's own, :data:`HTML_MODES` for rendered pages, else cold, warm and 304.
    modes: tuple[str, ...] = ()
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

    def __post_init__(self) -> None:
        if not self.modes:
            default = HTML_MODES if self.kind == "html" else (COLD, WARM, CONDITIONAL)
            object.__setattr__(self, "modes", default)

    @classmethod
    def full_content_lists(cls, page_type: str | None = None) -> list[Endpoint]:
        """The full-content lists, ours and stock's: every page, or pages of ``page_type``.

        ``ours`` and ``stock`` ask the same API v2 address of the same data: ours through
        our middleware, preload and settings, stock through bare Wagtail. A plugin returns
        ``full_content_lists("app.Model")`` from its ``bench_endpoints`` to make the lists
        show its pages (the meetings plugin does); they replace the built-in ones by key.
        """
        list_type = f"&type={page_type}" if page_type else ""
        full = f"/api/v2/pages/?fields=*{list_type}"
        return [
            cls(
                "list-20", "Full-content list, limit 20", "list", OURS,
                f"{full}&limit=20", compare="stock-list-20", limit=20,
            ),
            cls(
                "list-100", "Full-content list, limit 100", "list", OURS,
                f"{full}&limit=100", compare="stock-list-100", limit=100,
            ),
            cls(
                "list-deep", "Full-content list, offset near the end", "deep", OURS,
                f"{full}&limit=20", deep_of="list-20", compare="stock-list-deep", limit=20,
            ),
            cls(
                "stock-list-20", "Stock API v2 list, fields=*, limit 20", "list", STOCK,
                f"{full}&limit=20", modes=(COLD,), limit=20, min_duration=SLOW_SECONDS,
            ),
            cls(
                "stock-list-100", "Stock API v2 list, fields=*, limit 100", "list", STOCK,
                f"{full}&limit=100", modes=(COLD,), limit=100, min_duration=SLOW_SECONDS,
            ),
            cls(
                "stock-list-deep", "Stock API v2 list, offset near the end", "deep", STOCK,
                f"{full}&limit=20", deep_of="stock-list-20", modes=(COLD,), limit=20,
                min_duration=SLOW_SECONDS,
            ),
        ]  # fmt: skip

    @property
    def available(self) -> bool:
        for label in self.requires:
            try:
                apps.get_model(label)
            except (LookupError, ValueError):
                return False
        return True


def core_endpoints() -> list[Endpoint]:
    """The built-in endpoints; plugins add or replace them through ``bench_endpoints``."""
    return [
        *Endpoint.full_content_lists(),
        Endpoint(
            "detail-long", "Detail, home page with a 40-block StreamField", "detail", OURS,
            "/api/v3/pages/{home_id}/", compare="stock-v3-detail",
        ),
        Endpoint("html-home", "Rendered home page", "html", OURS, "/"),
        # Search is measured unloaded too: its target is a latency (p50 ≤ 100 ms unloaded).
        Endpoint(
            "search", "Site search (API v2 search)", "search", OURS,
            "/api/v2/pages/?search=kommune&limit=20", modes=SEARCH_MODES,
        ),
        Endpoint(
            "search-page", "Site search page", "search", OURS,
            "/search/?q=kommune", modes=(COLD, UNLOADED),
        ),
        # --- stock Wagtail 8.0.1, same data -------------------------------------------------
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


#: The order endpoints are measured (and reported) in: by contender, then by kind.
CONTENDERS = (OURS, STOCK, STATIC)


def all_endpoints() -> list[Endpoint]:
    """Built-in endpoints, then every plugin's ``bench_endpoints``; same key replaces."""
    from cms.plugins import registry

    by_key = {endpoint.key: endpoint for endpoint in core_endpoints()}
    for plugin in registry:
        if plugin.bench_endpoints is not None:
            for endpoint in plugin.bench_endpoints():
                by_key[endpoint.key] = endpoint
    ordered = sorted(
        by_key.values(),
        key=lambda endpoint: (_rank(CONTENDERS, endpoint.contender), _rank(KINDS, endpoint.kind)),
    )
    return [endpoint for endpoint in ordered if endpoint.available]


def _rank(order: tuple[str, ...], value: str) -> int:
    """Where ``value`` comes in ``order``; a value it does not name comes last."""
    return order.index(value) if value in order else len(order)


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
