"""Every place Tingsted depends on a Wagtail internal, in one module.

Wagtail has no public hook for these; each function names the internal it relies on and
checks it is still there, so an upgrade that moves one fails here, loudly, at start-up (and
in tests/cms/test_compat.py, one test per function) rather than silently in a request.
Everything else in the project uses Wagtail's public API.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import import_module
from typing import Any

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models import sites as wagtail_sites

#: Wagtail's API v3 routers look these module-level functions up on every request; a
#: replacement decides which rows a route may show (the access rule, cms/visibility.py).
V3_QUERYSETS: dict[str, tuple[str, str]] = {
    "pages": ("wagtail.api.v3.routers.pages", "get_pages_queryset"),
    "documents": ("wagtail.documents.api.v3.router", "get_documents_queryset"),
    "images": ("wagtail.images.api.v3.router", "get_images_queryset"),
}

#: Where ``Site.find_for_request`` keeps its answer on the request.
SITE_ATTRIBUTE = "_wagtail_site"

#: Importing this module builds every page type's API v3 read schema (``registry =
#: ContentTypeRegistry(); registry.register_defaults()`` at module level), with the field
#: schemas registered on ``read_generator`` by then. Importing ``wagtail.api.v3.api`` (to
#: add a router, say) imports it.
V3_REGISTRY = "wagtail.api.v3.registry"


class WagtailChanged(RuntimeError):
    """A Wagtail internal this module relies on is gone: read the upgrade's changes."""


def _require(owner: Any, name: str) -> Any:
    if not hasattr(owner, name):
        raise WagtailChanged(
            f"{getattr(owner, '__name__', owner)!s} has no '{name}' any more; cms/compat.py "
            "relies on it. Adapt cms/compat.py to the new Wagtail."
        )
    return getattr(owner, name)


def replace_v3_queryset(kind: str, function: Callable[..., Any]) -> None:
    """Make Wagtail's v3 ``kind`` routes (pages, documents, images) read ``function``."""
    module_path, name = V3_QUERYSETS[kind]
    module = import_module(module_path)
    _require(module, name)
    setattr(module, name, function)


#: Wagtail's v3 revision listing filters on ``user_id`` typed ``int | str`` (user models may
#: have any key) and hands the text to the ORM, which raises on a key it cannot convert.
V3_REVISION_FILTER = ("wagtail.api.v3.schemas.params", "RevisionFilterSchema")


def filter_v3_revision_user(function: Callable[[Any], Any]) -> None:
    """Make the v3 revision listings build their ``user_id`` condition with ``function``.

    django-ninja's FilterSchema calls ``filter_<field>(value)`` when the class has one.
    """
    module_path, name = V3_REVISION_FILTER
    schema = _require(import_module(module_path), name)
    if "user_id" not in schema.model_fields:
        raise WagtailChanged(
            f"{name} has no 'user_id' filter any more; cms/compat.py relies on it."
        )
    schema.filter_user_id = staticmethod(function)


#: Wagtail's v3 listings order with ``OrderingSchema.order_queryset`` and filter by field
#: with ``APIFieldFilterSchema.get_validated_fields`` (which drops unknown names silently).
V3_PARAMS = "wagtail.api.v3.schemas.params"


def around_v3_ordering(function: Callable[..., Any]) -> None:
    """Make the v3 listings order with ``function(original, schema, queryset, pagination_info,
    base_fields)``, ``original`` being Wagtail's ``OrderingSchema.order_queryset``."""
    schema = _require(import_module(V3_PARAMS), "OrderingSchema")
    original = _require(schema, "order_queryset")
    original = getattr(original, "_tingsted_original", original)

    def order_queryset(self, queryset, pagination_info, base_fields=()):
        return function(original, self, queryset, pagination_info, base_fields)

    order_queryset._tingsted_original = original
    schema.order_queryset = order_queryset


#: Wagtail's v3 copy and alias routes name the copy's slug from its new parent (the page's
#: own parent when no destination is given) before its action checks anything.
V3_COPY_SLUGS = (
    ("wagtail.api.v3.routers.pages", "PageCopySchema", "get_update_attrs"),
    ("wagtail.api.v3.routers.pages", "PageCreateAliasSchema", "get_update_slug"),
)


def before_v3_copy_slug(function: Callable[[Any, Any], None]) -> None:
    """Call ``function(page, destination)`` before the v3 copy and alias routes pick the
    copy's slug (``destination`` is None for "beside the page"); it may raise."""
    for module_path, schema_name, method_name in V3_COPY_SLUGS:
        schema = _require(import_module(module_path), schema_name)
        original = _require(schema, method_name)
        original = getattr(original, "_tingsted_original", original)

        def checked(self, page, destination, _original=original):
            function(page, destination)
            return _original(self, page, destination)

        checked._tingsted_original = original
        setattr(schema, method_name, checked)


def check_v3_field_filters(function: Callable[[set[str], list[str], type, Any], None]) -> None:
    """Call ``function(given, valid, model, params)`` whenever a v3 listing picks its field
    filters: ``given`` the query parameters left to it, ``valid`` those naming a filterable
    field of ``model`` (the listing's), ``params`` the request's query (a QueryDict)."""
    schema = _require(import_module(V3_PARAMS), "APIFieldFilterSchema")
    original = _require(schema, "get_validated_fields")
    original = getattr(original, "_tingsted_original", original)
    for name in ("raw_params", "ignore_fields"):
        if name not in schema.model_fields:
            raise WagtailChanged(f"APIFieldFilterSchema has no '{name}' any more.")

    def get_validated_fields(self, queryset):
        valid = original(self, queryset)
        given = set(self.raw_params.keys()) - set(self.ignore_fields)
        function(given, valid, queryset.model, self.raw_params)
        return valid

    get_validated_fields._tingsted_original = original
    schema.get_validated_fields = get_validated_fields


#: The tasks Wagtail's reference index and modelsearch's search index enqueue from their
#: ``post_save`` handlers, once per saved row; the handlers look them up as module globals.
INDEX_TASKS: tuple[tuple[str, str], ...] = (
    ("wagtail.signal_handlers", "update_reference_index_task"),
    ("modelsearch.signal_handlers", "insert_or_update_object_task"),
)
#: Wagtail's reference task indexes a child row (one with a ParentalKey: a page's authors,
#: a meeting's agenda items) by indexing its parent instead.
REFERENCES_OF_PARENT = "update_reference_index_task"
#: modelsearch's task, replaced at the end of the block by one batch per model.
SEARCH_INDEX = "insert_or_update_object_task"


#: The pending updates of the :func:`deferred_index_tasks` block this thread or coroutine
#: is in (None outside one): a context variable, so one request's block never collects
#: another's saves in a threaded server.
_PENDING_INDEX_TASKS: ContextVar[dict[tuple[str, tuple], Any] | None] = ContextVar(
    "tingsted_pending_index_tasks", default=None
)


class _DeferrableTask:
    """Stands in for an index task for good (:func:`install_index_task_deferral`): enqueues
    at once, as the task would, except inside :func:`deferred_index_tasks`, where it
    remembers its arguments for the end of the block."""

    def __init__(self, task: Any, name: str) -> None:
        self.task = task
        self.name = name

    def enqueue(self, *args: Any) -> Any:
        pending = _PENDING_INDEX_TASKS.get()
        if pending is None:
            return self.task.enqueue(*args)
        pending[(self.name, args)] = self.task
        return None

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.task, attribute)


def install_index_task_deferral() -> None:
    """Put a :class:`_DeferrableTask` in place of each of Wagtail's and modelsearch's index
    tasks, where their ``post_save`` handlers look them up (cms.apps calls it at start-up)."""
    for module_path, name in INDEX_TASKS:
        module = import_module(module_path)
        task = _require(module, name)
        if not isinstance(task, _DeferrableTask):
            setattr(module, name, _DeferrableTask(task, name))


@contextmanager
def deferred_index_tasks() -> Iterator[None]:
    """Enqueue each reference and search index update once, when the block ends.

    A page is saved with its child rows (a meeting's agenda items, a page's authors), and
    Wagtail's handler re-indexes the whole page for each of them; a page published in four
    languages is saved, revised and published several times. Pages save, revise, publish and
    copy themselves for translation inside this block (cms.models.pages), and building the
    demo runs in one (it re-indexed 1,500 objects 5,600 times, 40 % of its time). A child
    row's reference update is its parent's, as in Wagtail's task. Updates for rows deleted
    or rolled back meanwhile are dropped (a deletion already removed them from both
    indexes); what the block committed before it raised is still indexed. A block inside
    another adds to the outer one. The tasks are put in place once, at start-up
    (:func:`install_index_task_deferral`), not on every save.
    """
    if _PENDING_INDEX_TASKS.get() is not None:
        yield
        return
    pending: dict[tuple[str, tuple], Any] = {}
    token = _PENDING_INDEX_TASKS.set(pending)
    try:
        yield
    finally:
        _PENDING_INDEX_TASKS.reset(token)
        _enqueue_once(pending)


def _enqueue_once(pending: dict[tuple[str, tuple], Any]) -> None:
    from django.apps import apps

    keys: dict[tuple[str, type], list[str]] = {}
    tasks: dict[str, Any] = {}
    for (name, (app_label, model_name, pk)), task in pending.items():
        tasks[name] = task
        keys.setdefault((name, apps.get_model(app_label, model_name)), []).append(pk)
    targets: dict[tuple[str, type], dict[str, None]] = {}
    for (name, model), pks in keys.items():
        if name == REFERENCES_OF_PARENT:
            model, pks = _parents(model, pks)
        targets.setdefault((name, model), {}).update(dict.fromkeys(pks))
    for (name, model), pks in targets.items():
        if name == SEARCH_INDEX:
            _index_for_search(model, list(pks))
            continue
        for pk in _existing(model, list(pks)):
            tasks[name].enqueue(model._meta.app_label, model._meta.model_name, pk)


def _index_for_search(model: type, pks: list[str], size: int = 500) -> None:
    """What modelsearch's task does for each row, in one batch per indexed class.

    A search backend's ``add_bulk`` writes the rows of a class at once; the SQLite backend
    also recomputes its title norms over the whole index once per call, so a row at a time
    was most of the demo's indexing.
    """
    from modelsearch.backends import get_search_backends

    for start in range(0, len(pks), size):
        rows = model._default_manager.filter(pk__in=pks[start : start + size])
        if hasattr(rows, "specific"):
            rows = rows.specific()
        by_class: dict[type, list[Any]] = {}
        for row in rows:
            indexed = row.get_indexed_instance()
            if indexed is not None:
                by_class.setdefault(type(indexed), []).append(indexed)
        for indexed_class, instances in by_class.items():
            # As the task: only rows among the class's indexed objects (live pages, ...).
            present = set(
                indexed_class.get_indexed_objects()
                .filter(pk__in=[instance.pk for instance in instances])
                .values_list("pk", flat=True)
            )
            instances = [instance for instance in instances if instance.pk in present]
            if not instances:
                continue
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(indexed_class, instances)


def _parents(model: type, pks: list[str]) -> tuple[type, list[str]]:
    """The rows Wagtail's reference task indexes for these: the topmost ParentalKey parent."""
    from modelcluster.fields import ParentalKey

    while keys := [field for field in model._meta.get_fields() if isinstance(field, ParentalKey)]:
        rows = _chunked(model, pks, keys[0].attname)
        pks = [str(parent) for parent in dict.fromkeys(rows) if parent is not None]
        model = keys[0].related_model
    return model, pks


def _existing(model: type, pks: list[str]) -> list[str]:
    present = {str(pk) for pk in _chunked(model, pks, "pk")}
    return [pk for pk in pks if pk in present]


def _chunked(model: type, pks: list[str], column: str, size: int = 500) -> list[Any]:
    values: list[Any] = []
    for start in range(0, len(pks), size):
        chunk = pks[start : start + size]
        values += model._default_manager.filter(pk__in=chunk).values_list(column, flat=True)
    return values


#: Wagtail's frontend cache purges a published or unpublished page through this function,
#: looked up in its signal handlers' module on every call.
FRONTEND_CACHE_HANDLERS = "wagtail.contrib.frontend_cache.signal_handlers"


class _PurgeWithACDN:
    """Wagtail's ``purge_page_from_cache`` for its publish and unpublish handlers, run only
    when a frontend cache is configured (:func:`purge_pages_only_with_a_cdn`)."""

    def __init__(self, purge: Callable[..., None]) -> None:
        self.purge = purge

    def __call__(self, page: Any, *args: Any, **kwargs: Any) -> None:
        from wagtail.contrib.frontend_cache.utils import get_backends

        if kwargs.get("backend_settings") is None and not get_backends():
            return
        self.purge(page, *args, **kwargs)


def purge_pages_only_with_a_cdn() -> None:
    """Skip Wagtail's page purge on publish when no CDN is configured.

    With ``WAGTAILFRONTENDCACHE`` empty, Wagtail still works out every published page's
    addresses and queues a purge task that then finds no CDN to call: on a task queue in a
    database that is a pointless job per publish. The setting is read at each publish, so a
    CDN configured later (or in a test) is purged as before.
    """
    module = import_module(FRONTEND_CACHE_HANDLERS)
    purge = _require(module, "purge_page_from_cache")
    if not isinstance(purge, _PurgeWithACDN):
        module.purge_page_from_cache = _PurgeWithACDN(purge)


def v3_schemas_built() -> bool:
    """Whether Wagtail has built its API v3 page schemas (so it is too late to type fields)."""
    return V3_REGISTRY in sys.modules


class _BeforeV3Schemas:
    """An import hook: runs callbacks just before ``wagtail.api.v3.registry`` is first
    imported, which is when Wagtail builds its API v3 page schemas.

    Wagtail offers no later moment to register field schemas: any app's ``ready()`` may import
    the v3 API (``wagtail.contrib.redirects`` adds its routes there), and the schemas are
    built then. Python asks each finder in ``sys.meta_path`` for a module before importing
    it; this one answers nothing and runs the callbacks on the way.
    """

    def __init__(self) -> None:
        self.callbacks: list[Callable[[], None]] = []

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if fullname == V3_REGISTRY and self in sys.meta_path:
            sys.meta_path.remove(self)
            callbacks, self.callbacks = self.callbacks, []
            for callback in callbacks:
                callback()
            if v3_schemas_built():
                raise WagtailChanged(
                    f"Registering field schemas imported {V3_REGISTRY}: it would be built "
                    "before they count. Adapt cms/compat.py to the new Wagtail."
                )
        return None


_BEFORE_V3_SCHEMAS = _BeforeV3Schemas()


def before_v3_schemas(callback: Callable[[], None]) -> bool:
    """Run ``callback`` just before Wagtail builds its API v3 page schemas, whoever imports
    the v3 API first. False if they are built already (too late)."""
    if v3_schemas_built():
        return False
    _BEFORE_V3_SCHEMAS.callbacks.append(callback)
    if _BEFORE_V3_SCHEMAS not in sys.meta_path:
        sys.meta_path.insert(0, _BEFORE_V3_SCHEMAS)
    return True


def register_v3_field_schema(field_class: type, schema: Callable[..., Any]) -> None:
    """Type ``field_class`` in Wagtail's API v3 read schemas with ``schema(generator, field)``
    (Wagtail's extension point), which counts only before the schemas are built."""
    read = import_module("wagtail.api.v3.schemas.generators.read")
    generator = _require(read, "read_generator")
    _require(generator, "register_field_schema")(field_class, schema)


def v3_model_field_schema(field: Any) -> tuple[Any, Any]:
    """``(annotation, FieldInfo)`` of a plain model field, as Wagtail's API v3 read schemas
    type it: django-ninja's ``get_schema_field``, which its ``create_schema`` calls per field.
    A schema registered for a field class (:func:`register_v3_field_schema`) replaces that
    call, so it starts from the same answer to change only what it means to."""
    fields = import_module("ninja.orm.fields")
    return _require(fields, "get_schema_field")(field)


def v3_page_filter_fields() -> list[str]:
    """The fields every page type may be filtered by on ``GET /api/v3/pages/`` (on top of
    the ``api_fields`` of the ``?type=``): Wagtail's ``BASE_PAGE_READ_FIELDS``, which
    ``list_pages`` gives its field filter as ``base_fields``."""
    pages = import_module("wagtail.api.v3.schemas.pages")
    return list(_require(pages, "BASE_PAGE_READ_FIELDS"))


#: Wagtail's v3 page list: its router, the operation's path in it and its URL name.
V3_PAGE_LIST = ("wagtail.api.v3.routers.pages", "router", "/", "list_pages")


def replace_v3_page_listing(view: Callable[..., Any], **operation: Any) -> None:
    """Serve ``GET /api/v3/pages/`` with ``view`` (``operation``: django-ninja's route
    options, the response schema among them), in place of Wagtail's ``list_pages``.

    Wagtail's list has no hook for more parameters or a richer item schema; its route is one
    operation of its pages router's path ``/`` (beside the page creation), replaced here
    before the API's URLs are built.
    """
    from ninja import Router

    module_path, router_name, path, url_name = V3_PAGE_LIST
    router = _require(import_module(module_path), router_name)
    path_view = router.path_operations.get(path)
    listing = [
        op
        for op in (path_view.operations if path_view is not None else [])
        if op.methods == ["GET"] and getattr(op, "url_name", None) == url_name
    ]
    if len(listing) != 1:
        raise WagtailChanged(
            f"Wagtail's pages router has no GET {path} named {url_name} any more; "
            "cms/compat.py relies on it."
        )
    built = Router()
    built.add_api_operation(path, ["GET"], view, url_name=url_name, **operation)
    (replacement,) = built.path_operations[path].operations
    index = path_view.operations.index(listing[0])
    path_view.operations[index] = replacement


def request_host(request: HttpRequest) -> tuple[str, str]:
    """The hostname and port Wagtail's ``Site._find_for_request`` matches sites by."""
    _require(Site, "_find_for_request")
    return split_domain_port(request._get_raw_host())[0], request.get_port()


def match_site(sites: Iterable[Site], hostname: str, port: str | int) -> Site | None:
    """The site Wagtail's ``get_site_for_hostname`` picks for ``hostname`` and ``port``,
    chosen among ``sites`` in memory instead of by a query.

    Its order: hostname and port; hostname of the default site; the one other site with the
    hostname, if exactly one, else the default site; no default site and several sites
    with the hostname: none.
    """
    ranks = {
        name: _require(wagtail_sites, name)
        for name in ("MATCH_HOSTNAME_PORT", "MATCH_HOSTNAME_DEFAULT", "MATCH_DEFAULT")
    }
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = None

    def rank(site: Site) -> int:
        if site.hostname == hostname and site.port == port:
            return ranks["MATCH_HOSTNAME_PORT"]
        if site.hostname == hostname and site.is_default_site:
            return ranks["MATCH_HOSTNAME_DEFAULT"]
        if site.is_default_site:
            return ranks["MATCH_DEFAULT"]
        return ranks["MATCH_DEFAULT"] + 1  # the hostname only

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=rank
    )
    if not candidates:
        return None
    best = rank(candidates[0])
    if len(candidates) == 1 or best in (
        ranks["MATCH_HOSTNAME_PORT"],
        ranks["MATCH_HOSTNAME_DEFAULT"],
    ):
        return candidates[0]
    if best == ranks["MATCH_DEFAULT"]:
        return candidates[len(candidates) == 2]
    return None


def site_on_request(request: HttpRequest, default: Any = None) -> Any:
    """The site ``Site.find_for_request`` remembered on ``request`` (``default`` if none)."""
    return getattr(request, SITE_ATTRIBUTE, default)


def remember_site(request: HttpRequest, site: Site | None) -> None:
    """Store ``site`` where ``Site.find_for_request`` looks first, so it asks no query."""
    setattr(request, SITE_ATTRIBUTE, site)
