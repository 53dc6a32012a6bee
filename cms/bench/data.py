"""The bench dataset: a tree across every site and locale, built in bulk, plugin by plugin.

How a plugin takes part (first match wins):

1. its AppConfig has ``bench_data = "plugins.x.bench.build"``: a callable
   ``(BenchContext) -> None`` that adds ``context.page_share(label)`` pages with
   ``context.tree`` and orderable children with ``context.bulk_children``;
2. :data:`CORE_BUILDERS` names a builder for its label (people and the core app);
3. otherwise every page model it declares is built by :func:`build_generic_pages`, which
   reads the allowed parent and child types from the models themselves, places index
   pages once per home page and containers a few times, and spreads the leaf pages over
   them with fields filled from the model definition (:mod:`cms.bench.content`).

When no installed plugin contributes page types (before the content plugins exist), plain
Wagtail pages stand in so lists, deep offsets and search still have N rows to work on; the
report says so.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Locale, Page, Site

from cms.bench.content import fill_object_fields, fill_page_fields
from cms.bench.text import Text
from cms.bench.tree import BulkTree, Node, tree_problems

#: Bump when the generated data changes shape, so bench_run rebuilds old databases.
GENERATOR_VERSION = 2

#: Builders for apps that cannot carry the ``bench_data`` attribute themselves yet.
CORE_BUILDERS: dict[str, str] = {
    "cms": "cms.bench.core.build_home_bodies",
    "people": "cms.bench.core.build_people",
}

#: The translation every site's pages get besides the site's own language.
SHARED_LANGUAGE = "en"

UUID_NAMESPACE = uuid.UUID("6f0b2d1e-6c55-4d1a-9a43-7d9f1d7a0b51")


@dataclass
class Slot:
    """One home page the bench tree grows under: a site in one of its languages."""

    site: Site
    language: str
    home: Page
    node: Node


@dataclass
class Builder:
    label: str
    build: Callable[[BenchContext], None]
    #: Adds pages (takes a share of N) rather than only snippets or media.
    adds_pages: bool


@dataclass
class BenchContext:
    """What every bench builder gets. Helpers find or create in bulk; nothing per page."""

    pages: int
    rng: random.Random
    text: Text
    slots: list[Slot]
    locales: dict[str, Locale]
    tree: BulkTree
    blocks_per_page: int = 6
    log: Callable[[str], None] = print
    shares: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _pools: dict[tuple[str, int | None], list[int]] = field(default_factory=dict)

    # --- content pools ---------------------------------------------------------------

    def pick(self, model: type[models.Model], locale_id: int | None) -> int | None:
        """The pk of an object of ``model``, in ``locale_id`` when the model is translatable."""
        translatable = any(f.name == "locale" for f in model._meta.concrete_fields)
        key = (model._meta.label, locale_id if translatable else None)
        if key not in self._pools:
            queryset = model._default_manager.all()
            if translatable and locale_id is not None:
                queryset = queryset.filter(locale_id=locale_id)
            if issubclass(model, Page):
                queryset = queryset.filter(depth__gt=1, live=True)
            self._pools[key] = list(queryset.order_by("pk").values_list("pk", flat=True)[:200])
        pool = self._pools[key]
        return self.rng.choice(pool) if pool else None

    def forget_pool(self, model: type[models.Model]) -> None:
        """Call after creating objects of ``model`` so :meth:`pick` sees them."""
        for key in [key for key in self._pools if key[0] == model._meta.label]:
            del self._pools[key]

    # --- pages --------------------------------------------------------------------------

    def page_share(self, label: str) -> int:
        """How many pages the builder of plugin ``label`` should add."""
        return self.shares.get(label, 0)

    def translation_key(self, *parts: Any) -> uuid.UUID:
        """The same key for the same logical page in every language of one site."""
        return uuid.uuid5(UUID_NAMESPACE, ":".join(str(part) for part in parts))

    def when(self) -> dt.datetime:
        """A date a year either side of today, so half the dated pages are upcoming."""
        return timezone.now().replace(minute=0, second=0, microsecond=0) + dt.timedelta(
            days=self.rng.randint(-365, 365), hours=self.rng.randint(0, 8)
        )

    def fill(self, page: Page, language: str, when: dt.datetime | None = None) -> Page:
        return fill_page_fields(
            page, self, language, blocks_per_stream=self.blocks_per_page, when=when
        )

    def bulk_children(self, pages: list[Page], per_page: int = 3, depth: int = 2) -> int:
        """Orderable children (ParentalKey rows: sessions, agenda items) for saved pages."""
        return _bulk_children(self, pages, per_page, depth)


# --- discovery ----------------------------------------------------------------------------


def discover_builders() -> list[Builder]:
    """The builders of the installed apps, in INSTALLED_APPS order (people before pages)."""
    from cms.plugins import registry

    found = []
    generic_labels = []
    for app_config in apps.get_app_configs():
        label = app_config.label
        path = getattr(app_config, "bench_data", None) or CORE_BUILDERS.get(label)
        plugin = registry.get(label)
        has_pages = bool(plugin and plugin.page_models) and label != "cms"
        if path:
            found.append(Builder(label, import_string(path), adds_pages=has_pages))
        elif has_pages:
            generic_labels.append(label)
    if generic_labels:
        found.append(
            Builder(
                ",".join(generic_labels),
                lambda context: build_generic_pages(context, generic_labels),
                adds_pages=True,
            )
        )
    if not any(builder.adds_pages for builder in found):
        from cms.bench.core import build_placeholder_pages

        found.append(Builder("placeholder", build_placeholder_pages, adds_pages=True))
    # Snippets and media first: page builders choose from them.
    found.sort(key=lambda builder: builder.adds_pages)
    return found


def _shares(builders: list[Builder], pages: int) -> dict[str, int]:
    page_labels = []
    for builder in builders:
        if builder.adds_pages:
            page_labels.extend(builder.label.split(","))
    shares = {}
    for index, label in enumerate(page_labels):
        shares[label] = pages // len(page_labels) + (1 if index < pages % len(page_labels) else 0)
    return shares


# --- the run ------------------------------------------------------------------------------


@dataclass
class BenchDataResult:
    pages: int
    seconds: float
    timings: dict[str, float]
    builders: list[str]
    problems: dict[str, list[int]]
    notes: list[str]
    indexed: int


def slots_for_sites(tree: BulkTree) -> tuple[list[Slot], dict[str, Locale]]:
    """Every site's home in its own language and in English, as trees to grow under."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    slots = []
    for spec in settings.TINGSTED_SITES:
        site = Site.objects.select_related("root_page").filter(hostname=spec["hostname"]).first()
        if site is None:
            continue
        home = site.root_page
        languages = [spec["language"]]
        if spec["language"] != SHARED_LANGUAGE and SHARED_LANGUAGE in locales:
            languages.append(SHARED_LANGUAGE)
        for language in languages:
            page = (
                home
                if language == spec["language"]
                else home.get_translation_or_none(locales[language])
            )
            if page is not None:
                slots.append(Slot(site=site, language=language, home=page, node=tree.node(page)))
    return slots, locales


def generate(
    pages: int,
    *,
    seed: int = 9,
    blocks_per_page: int = 6,
    index: bool = True,
    check: bool = True,
    log: Callable[[str], None] = print,
) -> BenchDataResult:
    """Build the bench dataset into the current database (sites must be bootstrapped)."""
    started = time.perf_counter()
    tree = BulkTree()
    slots, locales = slots_for_sites(tree)
    if not slots:
        raise ValueError("No sites found: run `manage.py bootstrap_sites` first.")
    rng = random.Random(seed)
    context = BenchContext(
        pages=pages,
        rng=rng,
        text=Text(rng),
        slots=slots,
        locales=locales,
        tree=tree,
        blocks_per_page=blocks_per_page,
        log=log,
    )
    builders = discover_builders()
    context.shares = _shares(builders, pages)

    from cms.bench.core import build_media

    step = time.perf_counter()
    build_media(context)
    context.timings["media"] = time.perf_counter() - step
    for builder in builders:
        step = time.perf_counter()
        builder.build(context)
        tree.flush()
        context.timings[builder.label] = time.perf_counter() - step
        log(f"  {builder.label}: {context.timings[builder.label]:.1f} s")

    indexed = 0
    if index:
        step = time.perf_counter()
        indexed = index_pages(tree.added)
        context.timings["search index"] = time.perf_counter() - step
    problems: dict[str, list[int]] = {}
    if check:
        # treebeard's own check reads every page (two queries each): minutes at 100,000
        # pages, seconds at 10,000, and the only proof the bulk paths are right.
        step = time.perf_counter()
        problems = tree_problems()
        context.timings["integrity check"] = time.perf_counter() - step
    return BenchDataResult(
        pages=len(tree.added),
        seconds=time.perf_counter() - started,
        timings=context.timings,
        builders=[builder.label for builder in builders],
        problems=problems,
        notes=context.notes,
        indexed=indexed,
    )


def index_pages(pages: list[Page]) -> int:
    """Add the new pages to the search index in bulk, per specific model."""
    from wagtail.search.backends import get_search_backends
    from wagtail.search.index import class_is_indexed

    by_model: dict[type[Page], list[Page]] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    count = 0
    for backend in get_search_backends():
        for model, objs in by_model.items():
            if class_is_indexed(model):
                backend.add_bulk(model, objs)
                count += len(objs)
    return count


# --- generic pages for plugins without a builder --------------------------------------------


def build_generic_pages(context: BenchContext, labels: list[str]) -> None:
    """Pages of every model the plugins ``labels`` declare, placed where Wagtail allows."""
    from cms.models import HomePage
    from cms.plugins import registry

    group = [model for label in labels for model in registry.get(label).page_models]
    budget = sum(context.page_share(label) for label in labels)
    children = {
        parent: [
            model
            for model in group
            if model is not parent
            and model in parent.allowed_subpage_models()
            and parent in model.allowed_parent_page_models()
        ]
        for parent in [HomePage, *group]
    }
    leaves = [model for model in group if not children[model]]
    per_container = 2
    counters: dict[tuple[int, type[Page]], int] = defaultdict(int)

    def add(slot_index: int, slot: Slot, node: Node, model: type[Page]) -> Node:
        # The n-th page of a model in a site's own language and the n-th in English share
        # a translation key: they are translations of each other.
        number = counters[(slot_index, model)]
        counters[(slot_index, model)] += 1
        return context.tree.add(node, _new_page(context, model, slot, number))

    containers: dict[type[Page], list[tuple[int, Slot, Node]]] = defaultdict(list)
    level = [(index, slot, slot.node, HomePage) for index, slot in enumerate(context.slots)]
    for _depth in range(3):
        next_level = []
        for slot_index, slot, node, model in level:
            for child_model in children[model]:
                if child_model in leaves:
                    continue
                count = min(child_model.max_count_per_parent or per_container, per_container)
                for _index in range(count):
                    child_node = add(slot_index, slot, node, child_model)
                    containers[child_model].append((slot_index, slot, child_node))
                    next_level.append((slot_index, slot, child_node, child_model))
                    budget -= 1
        level = next_level
    homes = [(index, slot, slot.node) for index, slot in enumerate(context.slots)]
    parents_of = {
        leaf: [
            place
            for parent, places in [(HomePage, homes), *containers.items()]
            if leaf in children[parent]
            for place in places
        ]
        for leaf in leaves
    }
    leaves = [leaf for leaf in leaves if parents_of[leaf]]
    if not leaves or budget <= 0:
        context.tree.flush()
        return
    per_leaf = budget // len(leaves)
    for leaf in leaves:
        places = parents_of[leaf]
        for index in range(per_leaf):
            slot_index, slot, node = places[index % len(places)]
            add(slot_index, slot, node, leaf)
    pages = context.tree.flush()
    context.bulk_children(pages)


def _new_page(context: BenchContext, model: type[Page], slot: Slot, key: Any) -> Page:
    title = context.text.title(slot.language)
    page = model(
        title=title,
        slug=f"{model._meta.model_name}-{uuid.uuid4().hex[:8]}",
        locale_id=context.locales[slot.language].pk,
        translation_key=context.translation_key(slot.site.hostname, model._meta.label, key),
        search_description=context.text.sentence(slot.language, words=14, max_length=255),
    )
    context.fill(page, slot.language, when=context.when())
    return page


def _bulk_children(context: BenchContext, pages: list[Page], per_page: int, depth: int) -> int:
    """ParentalKey children of ``pages`` (saved), filled from their definitions, in bulk."""
    from modelcluster.fields import ParentalKey

    if depth <= 0 or not pages:
        return 0
    created = 0
    by_model: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    for model in {type(page) for page in pages}:
        relations = [
            rel
            for rel in model._meta.related_objects
            if isinstance(rel.field, ParentalKey) and rel.related_model is not None
        ]
        for rel in relations:
            child_model = rel.related_model
            if child_model._meta.label.startswith(("wagtail", "taggit")) or _is_tag_link(
                child_model
            ):
                continue
            objs = []
            for page in (p for p in pages if type(p) is model):
                language = _language_of(context, getattr(page, "locale_id", None))
                for index in range(per_page):
                    obj = child_model(**{rel.field.attname: page.pk})
                    if hasattr(obj, "sort_order"):
                        obj.sort_order = index
                    if hasattr(obj, "locale_id") and getattr(page, "locale_id", None):
                        obj.locale_id = page.locale_id
                    page_model = model if issubclass(model, Page) else Page
                    objs.append(fill_object_fields(obj, context, language, page_model))
            if objs and not _complete(objs[0]):
                # A required reference the filler cannot choose (a tag, a page of a given
                # type): the plugin's own bench builder has to make these rows.
                context.notes.append(
                    f"{child_model._meta.label} rows left out: a required field has no "
                    "generic value; give the plugin a bench_data builder for them."
                )
                continue
            child_model._default_manager.bulk_create(objs, batch_size=500)
            created += len(objs)
            by_model[child_model].extend(objs)
    for objs in by_model.values():
        created += _bulk_children(context, objs, 2, depth - 1)
    return created


def _is_tag_link(model: type[models.Model]) -> bool:
    from taggit.models import ItemBase

    return issubclass(model, ItemBase)


def _complete(obj: models.Model) -> bool:
    """Every required foreign key of ``obj`` has a value."""
    return all(
        getattr(obj, f.attname) is not None
        for f in obj._meta.concrete_fields
        if f.is_relation and not f.null and not f.primary_key
    )


def _language_of(context: BenchContext, locale_id: int | None) -> str:
    for code, locale in context.locales.items():
        if locale.pk == locale_id:
            return code
    return SHARED_LANGUAGE


# --- manifest -----------------------------------------------------------------------------

MANIFEST_TABLE = "tingsted_bench_manifest"


def write_manifest(values: dict[str, Any]) -> None:
    """Record what was generated, so ``bench_run`` can reuse a database that matches."""
    import json

    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MANIFEST_TABLE} "
            "(name VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)"
        )
        cursor.execute(f"DELETE FROM {MANIFEST_TABLE} WHERE name = %s", ["dataset"])
        cursor.execute(
            f"INSERT INTO {MANIFEST_TABLE} (name, value) VALUES (%s, %s)",
            ["dataset", json.dumps(values, sort_keys=True)],
        )


def read_manifest() -> dict[str, Any] | None:
    import json

    with connection.cursor() as cursor:
        if MANIFEST_TABLE not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT value FROM {MANIFEST_TABLE} WHERE name = %s", ["dataset"])
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def expected_manifest(pages: int) -> dict[str, Any]:
    """What a database built now with ``pages`` would record."""
    return {
        "pages": pages,
        "generator": GENERATOR_VERSION,
        "builders": sorted(builder.label for builder in discover_builders()),
    }
