"""The bench dataset: a tree across every site and locale, built in bulk, plugin by plugin.

The harness builds what the core owns itself (media, the home pages' long bodies: see
:mod:`cms.bench.core`). A plugin takes part through the contract (cms/contract.py):

1. it declares the ``bench_data`` hook, e.g. ``bench_data = "plugins.people.bench.build"``:
   a callable ``(BenchContext) -> None`` that adds ``context.page_share(label)`` pages with
   ``context.tree`` and orderable children with ``context.bulk_children``, or the snippets
   other plugins' pages choose from (the people plugin);
2. otherwise every page model it declares is built by :func:`build_generic_pages`, which
   reads the allowed parent and child types from the models themselves and adds exactly
   the plugins' share of N pages, containers included (:class:`GenericTree`): index pages
   once per home page, other containers (networks) as their leaves fill them, leaves in
   rounds over every site and language, fields filled from the model definition
   (:mod:`cms.bench.content`).

Builders add exactly N pages between them: ``--pages N`` is the size of the dataset.

When no installed plugin contributes page types (before the content plugins exist), plain
Wagtail pages stand in so lists, deep offsets and search still have N rows to work on; the
report says so.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from cms.bench.content import fill_object_fields, fill_page_fields
from cms.bench.text import Text
from cms.bench.tree import BulkTree, Node, tree_problems

#: Bump when the generated data changes shape, so bench_run rebuilds old databases.
GENERATOR_VERSION = 5

#: The core app's label: its builder (home page bodies) is the harness's own.
CORE_LABEL = "cms"

#: The translation every site's pages get besides the site's own language.
SHARED_LANGUAGE = "en"

UUID_NAMESPACE = uuid.UUID("6f0b2d1e-6c55-4d1a-9a43-7d9f1d7a0b51")

#: Objects per model (and locale) that builders choose references from.
POOL_SIZE = 200


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
            self._load_pools(model, by_locale=translatable and locale_id is not None)
        pool = self._pools.get(key, [])
        return self.rng.choice(pool) if pool else None

    def _load_pools(self, model: type[models.Model], *, by_locale: bool) -> None:
        """Read up to :data:`POOL_SIZE` pks of ``model``, per locale when ``by_locale``.

        One query for every locale at once: a bigger dataset reaches more locales, and
        the number of queries must not grow with it.
        """
        queryset = model._default_manager.all()
        if issubclass(model, Page):
            queryset = queryset.filter(depth__gt=1, live=True)
        label = model._meta.label
        if not by_locale:
            pks = queryset.order_by("pk").values_list("pk", flat=True)[:POOL_SIZE]
            self._pools[(label, None)] = list(pks)
            return
        for locale in self.locales.values():
            self._pools[(label, locale.pk)] = []
        ranked = queryset.annotate(
            rank=Window(RowNumber(), partition_by=[F("locale_id")], order_by=F("pk").asc())
        ).filter(rank__lte=POOL_SIZE)
        for locale_id, pk in ranked.order_by("pk").values_list("locale_id", "pk"):
            self._pools.setdefault((label, locale_id), []).append(pk)

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
    """The core's builder, then the installed plugins' in INSTALLED_APPS order.

    A plugin's own is its ``bench_data`` hook; the page types of plugins without one are
    built together by :func:`build_generic_pages`.
    """
    from cms.bench.core import build_home_bodies
    from cms.plugins import registry

    # The core's home pages exist already (bootstrap_sites); the harness gives them bodies.
    found = [Builder(CORE_LABEL, build_home_bodies, adds_pages=False)]
    generic_labels = []
    for plugin in registry:
        if plugin.label == CORE_LABEL:
            continue
        has_pages = bool(plugin.page_models)
        if plugin.bench_data is not None:
            found.append(Builder(plugin.label, plugin.bench_data, adds_pages=has_pages))
        elif has_pages:
            generic_labels.append(plugin.label)
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
    backends = list(get_search_backends())
    for model, objs in by_model.items():
        if not class_is_indexed(model):
            continue
        for start in range(0, len(objs), INDEX_BATCH_SIZE):
            batch = objs[start : start + INDEX_BATCH_SIZE]
            prefetch_for_index(model, batch)
            for backend in backends:
                backend.add_bulk(model, batch)
        count += len(objs) * len(backends)
    return count


#: Pages indexed per batch: what they read for the index is held in memory until then.
INDEX_BATCH_SIZE = 1000


def prefetch_for_index(model: type[Page], objs: list[Page]) -> None:
    """Load what indexing ``objs`` reads, in a few queries for all of them.

    Left alone, indexing asks the database once per page and relation: a StreamField
    converts its chosen images per page, ``RelatedFields`` (a post's authors and their
    people, its tags) read per page, and so do search fields that are methods reading
    orderable children (a minutes page's open agenda items).
    """
    from django.db.models import prefetch_related_objects
    from modelcluster.fields import ParentalKey
    from wagtail.fields import StreamField

    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, StreamField):
            raw = [list(getattr(obj, model_field.attname).raw_data) for obj in objs]
            values = model_field.stream_block.bulk_to_python(raw)
            for obj, value in zip(objs, values, strict=True):
                setattr(obj, model_field.attname, value)
    lookups = [
        rel.get_accessor_name()
        for rel in model._meta.related_objects
        if isinstance(rel.field, ParentalKey)
    ]
    lookups += _related_lookups(model, model.get_search_fields())
    prefetch_related_objects(objs, *dict.fromkeys(lookups))


def _related_lookups(
    model: type[models.Model], search_fields: list[Any], prefix: str = ""
) -> list[str]:
    """``prefetch_related`` paths of the relations ``RelatedFields`` index, nested ones too."""
    from django.core.exceptions import FieldDoesNotExist
    from wagtail.search import index

    lookups = []
    for search_field in search_fields:
        if not isinstance(search_field, index.RelatedFields):
            continue
        try:
            relation = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            continue  # a method or property: indexing calls it, nothing to prefetch
        if not relation.is_relation or relation.related_model is None:
            continue
        path = f"{prefix}{search_field.field_name}"
        lookups.append(path)
        lookups += _related_lookups(relation.related_model, search_field.fields, f"{path}__")
    return lookups


# --- generic pages for plugins without a builder --------------------------------------------


def build_generic_pages(context: BenchContext, labels: list[str]) -> None:
    """Exactly the plugins' shares of N pages of the models ``labels`` declare.

    Placed where Wagtail allows (see :class:`GenericTree`), then written in bulk with their
    ParentalKey children.
    """
    from cms.plugins import registry

    group = [model for label in labels for model in registry.get(label).page_models]
    budget = sum(context.page_share(label) for label in labels)
    planner = GenericTree(context, group, budget)
    planner.build()
    if planner.budget:
        context.notes.append(
            f"{planner.budget} of {budget} pages of {', '.join(labels)} found no place: "
            "none of their page types can go under a home page, even through containers."
        )
    pages = context.tree.flush()
    context.bulk_children(pages)


#: Leaf pages of one type a container holds before another container of its type is added
#: (meetings per network): a network runs a programme of several meetings, not one.
CHILDREN_PER_CONTAINER = 6


@dataclass(eq=False)
class Place:
    """A page in one slot that can take children, and how many of each type it got."""

    model: type[Page]
    node: Node
    children: Counter[type[Page]] = field(default_factory=Counter)


class GenericTree:
    """Plans a realistic tree of ``group``'s page types under every slot, ``budget`` pages.

    Containers count towards N like any page, so ``--pages N`` adds N pages. Leaf types
    (meetings, posts, news, minutes) are added in rounds: each round gives every slot one
    page of each leaf type, so every site and language grows alike, and the n-th meeting
    of a site's own language and of its English tree get the same parent and translation
    key. A leaf's parents are added when it needs them, so small N still gets every type
    that fits: index pages (types allowed under the home page) once per slot, other
    containers (networks) again whenever each of them holds
    :data:`CHILDREN_PER_CONTAINER` leaves of a type. Children go to the allowed parent
    with the fewest of them. When the last few pages cannot pay for a leaf's parents,
    pages that fit as they are (an index page) use them up.
    """

    def __init__(self, context: BenchContext, group: list[type[Page]], budget: int) -> None:
        from cms.models import HomePage

        self.context = context
        self.budget = budget
        self.home = HomePage
        candidates = [HomePage, *group]
        # Both sides must agree, as Wagtail's own checks demand (a type's parent_page_types
        # and its parent's subpage_types); a type under itself would nest forever.
        self.children_of = {
            parent: [
                model
                for model in group
                if model is not parent
                and model in parent.allowed_subpage_models()
                and parent in model.allowed_parent_page_models()
            ]
            for parent in candidates
        }
        self.parents_of = {
            model: [parent for parent in candidates if model in self.children_of[parent]]
            for model in group
        }
        self.group = [model for model in group if self.parents_of[model]]
        self.leaves = [model for model in self.group if not self.children_of[model]]
        self.places: list[dict[type[Page], list[Place]]] = [
            {HomePage: [Place(HomePage, slot.node)]} for slot in context.slots
        ]
        self.numbers: Counter[tuple[int, type[Page]]] = Counter()

    def build(self) -> None:
        """Add pages until the budget is spent or nothing fits any more."""
        while self.budget > 0:
            placed = False
            for slot_index in range(len(self.context.slots)):
                for model in self.leaves:
                    placed = self._place_leaf(slot_index, model) or placed
            if not placed and not self._fill_in():
                return

    def _place_leaf(self, slot_index: int, model: type[Page]) -> bool:
        if self.budget <= 0:
            return False
        for parent in self._wanted_parents(slot_index, model):
            route = self._route(slot_index, parent)
            # Only if the leaf still fits after its new parent and the parent's own route.
            if route is not None and len(route) + 2 <= self.budget:
                for container in [*route, parent]:
                    self._add(slot_index, container)
        route = self._route(slot_index, model)
        if route is None or len(route) + 1 > self.budget:
            return False
        for container in [*route, model]:
            self._add(slot_index, container)
        return True

    def _fill_in(self) -> bool:
        """One page of any type that has a place as the tree stands: the budget's last bit."""
        for slot_index in range(len(self.context.slots)):
            for model in self.group:
                if self._free_places(slot_index, model):
                    self._add(slot_index, model)
                    return True
        return False

    def _wanted_parents(self, slot_index: int, model: type[Page]) -> list[type[Page]]:
        """The parent types of ``model`` that should get a new page before the next leaf."""
        wanted = []
        for parent in self.parents_of[model]:
            if parent is self.home:
                continue
            places = self.places[slot_index].get(parent, [])
            if self.home in self.parents_of[parent]:
                # An index page: one per home, like an editor's blog or event listing.
                enough = bool(places)
            else:
                held = sum(place.children[model] for place in places)
                enough = held < CHILDREN_PER_CONTAINER * len(places)
            if not enough:
                wanted.append(parent)
        return wanted

    def _free_places(self, slot_index: int, model: type[Page]) -> list[Place]:
        limit = model.max_count_per_parent
        return [
            place
            for parent in self.parents_of[model]
            for place in self.places[slot_index].get(parent, [])
            if limit is None or place.children[model] < limit
        ]

    def _route(
        self, slot_index: int, model: type[Page], seen: tuple[type[Page], ...] = ()
    ) -> list[type[Page]] | None:
        """The fewest containers to add, top down, before ``model`` has a place; None: none."""
        if self._free_places(slot_index, model):
            return []
        best = None
        for parent in self.parents_of[model]:
            if parent is self.home or parent in seen:
                continue
            route = self._route(slot_index, parent, (*seen, model))
            if route is not None and (best is None or len(route) + 1 < len(best)):
                best = [*route, parent]
        return best

    def _add(self, slot_index: int, model: type[Page]) -> Place:
        parent = min(self._free_places(slot_index, model), key=lambda place: place.children[model])
        slot = self.context.slots[slot_index]
        # The n-th page of a model in a site's own language and the n-th in English share
        # a translation key and a slug: they are translations of each other.
        number = self.numbers[(slot_index, model)]
        self.numbers[(slot_index, model)] += 1
        page = _new_page(self.context, model, slot, number)
        place = Place(model, self.context.tree.add(parent.node, page))
        parent.children[model] += 1
        if self.children_of[model]:
            self.places[slot_index].setdefault(model, []).append(place)
        self.budget -= 1
        return place


def _new_page(context: BenchContext, model: type[Page], slot: Slot, number: int) -> Page:
    title = context.text.title(slot.language)
    page = model(
        title=title,
        # "bench-" marks generated pages wherever they turn up (URLs, the admin, queries).
        slug=f"bench-{model._meta.model_name}-{number + 1}",
        locale_id=context.locales[slot.language].pk,
        translation_key=context.translation_key(slot.site.hostname, model._meta.label, number),
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
