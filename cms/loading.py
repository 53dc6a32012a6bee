"""The one request-scoped loader: what pages show of other rows, fetched in bulk and localised.

Why: blocks, templates and API fields resolve each reference on its own. A chosen speaker
costs an ``in_bulk`` per stream, ``.localized`` (two queries: ``Locale.get_active()`` and
the translation), the organisation, its translation, and two images with their renditions;
a list of 20 meetings made thousands of queries. The loader fetches what a request shows in
a handful of queries, for rendered pages and both APIs alike:

1. :func:`preload_pages`, before a list of pages is serialised, walks the raw StreamField
   data of every page with its block definitions and collects the ids chosen through blocks
   that read the loader (:class:`PreloadedChooserMixin`), plus the page's own foreign keys in
   its ``api_fields``, per model; every stream's blocks are then converted for all pages at
   once (one ``bulk_to_python`` per block type instead of one per page), so Wagtail's own
   choosers (images, documents, pages) cost one query per list, not per page;
2. each model a plugin declares as a ``BulkModel`` (the contract's ``preload`` hook,
   cms/contract.py) is fetched once for all ids wanted (:meth:`Preload.want`), its
   translations in the locales in play in the same query, and what it refers to
   (``follow``: a person's organisation) after it; the renditions of every image these rows
   show are fetched in one more query;
3. a plugin's ``PageLoader`` for a page type attaches what only it knows how to fetch in bulk
   (a meeting's network, a council meeting's agenda) and asks for more rows;
4. rows a caller already holds are localised together (:func:`localize`): one query per
   model for their translations, whatever the number of rows.

The loader lives in a ContextVar opened by :func:`request_scope` (the site middleware opens
one around every request, cms/middleware.py) and reset when it closes, so it never leaks
into another request or thread. Everything that reads it — :func:`localized`,
:func:`localize`, :class:`PreloadedChooserMixin` — falls back to Wagtail's own behaviour for
what nothing loaded, so the admin and exports work unchanged: the loader only saves
queries, it never changes an answer. Plugins reach it through ``cms.public``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images.models import AbstractImage
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin

from cms import sites

#: Rendition sizes offered to API consumers and used in templates' srcset.
IMAGE_WIDTHS = (480, 960, 1600)
#: The rendition filter specs for IMAGE_WIDTHS, in the same order.
RENDITION_SPECS = tuple(f"width-{width}" for width in IMAGE_WIDTHS)


def prefetch_renditions(images: Iterable) -> None:
    """Fetch the :data:`RENDITION_SPECS` renditions of all ``images`` in one query.

    Wagtail's get_renditions() then finds them on the instances instead of asking the
    cache or database once per image.
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    Rendition = images[0].get_rendition_model()
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=Rendition.objects.filter(filter_spec__in=RENDITION_SPECS),
            to_attr="prefetched_renditions",
        ),
    )


def _has_renditions(image: Any) -> bool:
    return image is None or hasattr(image, "prefetched_renditions")


# --- what plugins declared ----------------------------------------------------------------


@dataclass(frozen=True)
class ModelLoader:
    """How to fetch one model in bulk (from a plugin's ``BulkModel``)."""

    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    #: Foreign keys whose targets are loaded too (they must be bulk models themselves);
    #: each row's relation is then set to the loaded target, so reading it costs nothing.
    follow: tuple[str, ...] = ()
    #: Foreign keys to images: their renditions are fetched with everything else's.
    images: tuple[str, ...] = ()

    @property
    def joins(self) -> tuple[str, ...]:
        """What to join when translations of rows in hand are fetched (nothing followed)."""
        return (*self.select_related, *self.images, *self.follow)


#: A page hook gets the pages of its type, the loader, and the field names being served
#: (None for all of them).
PageHook = Callable[[list, "Preload", "set[str] | None"], None]


@dataclass
class _Declared:
    loaders: dict[type[models.Model], ModelLoader]
    page_hooks: dict[type[models.Model], list[PageHook]]


_declared_cache: _Declared | None = None


def _declared() -> _Declared:
    """What installed plugins declared through the contract's ``preload`` hook.

    Read from the plugin registry on first use (after every app is ready), once per process:
    declarations are code, not content.
    """
    global _declared_cache
    if _declared_cache is None:
        from django.apps import apps

        from cms.contract import BulkModel, PageLoader
        from cms.plugins import registry

        loaders: dict[type[models.Model], ModelLoader] = {}
        page_hooks: dict[type[models.Model], list[PageHook]] = defaultdict(list)
        for plugin in registry:
            for declaration in plugin.preload() if plugin.preload else ():
                if isinstance(declaration, BulkModel):
                    loaders[apps.get_model(declaration.model)] = ModelLoader(
                        tuple(declaration.select_related),
                        tuple(declaration.prefetch_related),
                        tuple(declaration.follow),
                        tuple(declaration.images),
                    )
                elif isinstance(declaration, PageLoader):
                    page_hooks[apps.get_model(declaration.page_model)].append(declaration.load)
        _declared_cache = _Declared(loaders, dict(page_hooks))
    return _declared_cache


def forget_declarations() -> None:
    """Read the plugins' declarations again on next use (tests that install a plugin)."""
    global _declared_cache
    _declared_cache = None


def _targets(model: type[models.Model]) -> set[type[models.Model]]:
    return {
        _concrete(model._meta.get_field(name).related_model)
        for name in _declared().loaders[model].follow
    }


def _concrete(model: type[models.Model]) -> type[models.Model]:
    return model._meta.concrete_model or model


_UNKNOWN = object()


def _translates() -> bool:
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


# --- the loader ---------------------------------------------------------------------------


class Preload:
    """Rows fetched for one request, with their translations, keyed by model and id."""

    def __init__(self, request: Any = None) -> None:
        #: The request being answered: absolute URLs (renditions, documents) use its host
        #: even where Wagtail calls a field without it (API v3's serializer fields).
        self.request = request
        #: Every row fetched, the chosen ones and their translations alike.
        self.rows: dict[type[models.Model], dict[Any, models.Model]] = defaultdict(dict)
        #: (model, translation_key, locale id) -> the translation, or None if there is none.
        self.translations: dict[tuple, models.Model | None] = {}
        self.locale_ids: set[int] = set()
        self._wanted: dict[type[models.Model], set] = defaultdict(set)
        self._locales: dict[str, Locale] = {}
        #: active_locale() by active language.
        self._active: dict[str | None, Locale] = {}
        #: Pages already preloaded, by id(); held so that no id is reused in the request.
        self._pages: dict[int, Any] = {}
        #: Images whose renditions are fetched, together, when the first one is needed.
        self.images: list = []
        #: (row, foreign key, id): relations to set to loaded rows once loaded.
        self.links: list[tuple[models.Model, models.ForeignKey, Any]] = []
        #: What a layer above fetched for the whole request, by its own key (the API keeps
        #: the translations of a list of pages here).
        self.extras: dict[str, Any] = {}

    # --- locales ------------------------------------------------------------------------

    def add_locales(self, locales: Iterable[Locale | None]) -> None:
        """Fetch translations in these locales too (the pages' own, a route's ``?locale=``)."""
        for locale in locales:
            if locale is not None:
                self.locale_ids.add(locale.pk)
                self._locales.setdefault(locale.language_code, locale)
                self._active.clear()

    def active_locale(self) -> Locale | None:
        """The active language's locale: one of the locales in play, else from the site and
        locale memo (cms/sites.py). Remembered per language for the request: every chosen
        person, venue and organisation of a list asks (some seven hundred times for twenty
        meetings)."""
        language = get_language()
        found = self._active.get(language)
        if found is None:
            try:
                found = self._locales.get(get_supported_content_language_variant(language))
            except LookupError:
                found = None
            found = found or sites.active_locale(self.request)
            if found is not None:
                self._active[language] = found
        return found

    # --- collecting and fetching --------------------------------------------------------

    def want(self, model: type[models.Model], ids: Iterable[Any]) -> None:
        """Ask for rows of a bulk model by id; fetched by the next :meth:`load`."""
        model = _concrete(model)
        if model not in _declared().loaders:
            return
        known = self.rows[model]
        self._wanted[model].update(pk for pk in ids if pk is not None and pk not in known)

    def load(self) -> None:
        """Fetch everything wanted, following relations until nothing new is asked for,
        then point the rows' followed relations at the loaded rows.

        The renditions of the images they show come when the first of them is read
        (:func:`fetch_renditions`): an image's API form is remembered per generation
        (blocks.representation), so a list whose images were all shown before needs none.
        """
        while any(self._wanted.values()):
            pending = [m for m, ids in self._wanted.items() if ids]
            # A model others still lead to (a person's organisation) waits for them, so
            # it is fetched once with all its ids.
            model = next(
                (m for m in pending if not any(m in _targets(other) for other in pending)),
                pending[0],
            )
            ids = self._wanted.pop(model)
            self.images.extend(self._fetch(model, ids))
        self.attach_followed()

    def _fetch(self, model: type[models.Model], ids: set) -> list:
        loader = _declared().loaders[model]
        queryset = model._default_manager.all()
        if loader.select_related or loader.images:
            queryset = queryset.select_related(*loader.select_related, *loader.images)
        if loader.prefetch_related:
            queryset = queryset.prefetch_related(*loader.prefetch_related)
        translatable = issubclass(model, TranslatableMixin) and self.locale_ids
        condition = Q(pk__in=ids)
        if translatable:
            # The chosen rows and their translations in every locale in play, in one query.
            keys = model._default_manager.filter(pk__in=ids).values("translation_key")
            condition |= Q(translation_key__in=keys, locale_id__in=self.locale_ids)
        fetched = list(queryset.filter(condition))
        rows = self.rows[model]
        for row in fetched:
            rows.setdefault(row.pk, row)
        if translatable:
            by_key = {(row.translation_key, row.locale_id): rows[row.pk] for row in fetched}
            for row in fetched:
                for locale_id in self.locale_ids:
                    key = (model, row.translation_key, locale_id)
                    self.translations[key] = by_key.get((row.translation_key, locale_id))
        for name in loader.follow:
            field_ = model._meta.get_field(name)
            self.want(
                _concrete(field_.related_model), (getattr(r, field_.attname) for r in fetched)
            )
        return [getattr(row, name) for row in fetched for name in loader.images]

    def attach_followed(self) -> None:
        """Point each row's followed relations at the loaded rows (no query on access)."""
        for model, rows in self.rows.items():
            for name in _declared().loaders[model].follow:
                field_ = model._meta.get_field(name)
                target_rows = self.rows.get(_concrete(field_.related_model), {})
                for row in rows.values():
                    target = target_rows.get(getattr(row, field_.attname))
                    if target is not None:
                        row._state.fields_cache[name] = target
        links, self.links = self.links, []
        for row, link, pk in links:
            target = self.get(link.related_model, pk)
            if target is not None:
                row._state.fields_cache[link.name] = target

    def fetch_renditions(self) -> None:
        """The renditions of every image loaded so far, in one query (once each)."""
        images, self.images = self.images, []
        prefetch_renditions(image for image in images if not _has_renditions(image))

    # --- reading ------------------------------------------------------------------------

    def get(self, model: type[models.Model], pk: Any) -> models.Model | None:
        return self.rows.get(_concrete(model), {}).get(pk)

    def localized(self, obj: models.Model, locale: Locale | None = None) -> models.Model | None:
        """What ``obj.localized`` would return (in ``locale``, default the active one),
        from what was loaded; None if the loader does not know."""
        model = _concrete(type(obj))
        row = self.rows.get(model, {}).get(obj.pk)
        if row is None:
            return None
        return self._translation(model, row, locale or self.active_locale(), unknown=None)

    def _translation(self, model, row, locale: Locale | None, unknown: Any) -> Any:
        if not isinstance(row, TranslatableMixin) or not _translates():
            return row
        if locale is None or locale.pk == row.locale_id:
            return row
        key = (model, row.translation_key, locale.pk)
        if key not in self.translations:
            return unknown
        translated = self.translations[key]
        if translated is None:
            return row
        if isinstance(translated, DraftStateMixin) and not translated.live:
            return row
        return translated

    def rows_by_id(
        self, model: type[models.Model], ids: Iterable[Any], locale: Locale | None = None
    ) -> dict[Any, models.Model]:
        """Rows of a bulk model by id, each in ``locale`` (default the active one).

        Loads what is wanted first (these ids, and whatever else was asked for: ask for
        several models, then read each, and they are fetched together).
        """
        ids = {pk for pk in ids if pk is not None}
        locale = locale or self.active_locale()
        self.add_locales([locale])
        self.want(model, ids)
        self.load()
        rows = {pk: self.get(model, pk) for pk in ids}
        rows = {pk: row for pk, row in rows.items() if row is not None}
        translated = self.localize(rows.values(), locale)
        return {pk: translated[row] for pk, row in rows.items()}

    def localize(
        self, objects: Iterable[models.Model | None], locale: Locale | None = None
    ) -> dict[models.Model, models.Model]:
        """Map each row in hand to its translation in ``locale`` (default the active one),
        or to itself: one query per model for the translations not loaded yet."""
        objects = [obj for obj in objects if obj is not None]
        result = {obj: obj for obj in objects}
        locale = locale or self.active_locale()
        if locale is None or not _translates():
            return result
        missing: dict[type[models.Model], list] = defaultdict(list)
        for obj in objects:
            model = _concrete(type(obj))
            found = self._translation(model, obj, locale, unknown=_UNKNOWN)
            if found is _UNKNOWN:
                missing[model].append(obj)
            else:
                result[obj] = found
        for model, wanted in missing.items():
            keys = {obj.translation_key for obj in wanted}
            queryset = model._default_manager.filter(translation_key__in=keys, locale=locale)
            loader = _declared().loaders.get(model)
            if loader is not None and loader.joins:
                queryset = queryset.select_related(*loader.joins)
            translations = {row.translation_key: row for row in queryset}
            for key in keys:
                self.translations[(model, key, locale.pk)] = translations.get(key)
            for obj in wanted:
                result[obj] = self._translation(model, obj, locale, unknown=obj)
        return result


_current: ContextVar[Preload | None] = ContextVar("tingsted_preload", default=None)


def current() -> Preload | None:
    """The loader of the request being answered, if any."""
    return _current.get()


@contextmanager
def request_scope(request: Any = None) -> Iterator[Preload]:
    """Open a loader for the duration of one request (nested scopes share the outer one)."""
    preload = _current.get()
    if preload is not None:
        if preload.request is None:
            preload.request = request
        yield preload
        return
    preload = Preload(request)
    token = _current.set(preload)
    try:
        yield preload
    finally:
        _current.reset(token)


# --- pages --------------------------------------------------------------------------------


@contextmanager
def preloaded(pages: Iterable, fields: Iterable[str] | None = None) -> Iterator[Preload]:
    """Preload what ``pages`` show in ``fields`` (default: all their ``api_fields``) for
    the block inside, where they are serialised."""
    with request_scope() as preload:
        preload_pages(preload, list(pages), fields)
        yield preload


def ensure_preloaded(page: Any) -> None:
    """Preload one page inside an open request scope, once (API v3's detail view, whose
    fields are resolved one by one after the view has returned)."""
    preload = _current.get()
    if preload is not None and isinstance(page, Page) and id(page) not in preload._pages:
        preload_pages(preload, [page], None)


def preload_pages(preload: Preload, pages: list, fields: Iterable[str] | None) -> None:
    pages = [page for page in pages if id(page) not in preload._pages]
    if not pages:
        return
    preload._pages.update((id(page), page) for page in pages)
    preload.add_locales(getattr(page, "locale", None) for page in pages)
    preload.add_locales([preload.active_locale()])
    wanted = set(fields) if fields is not None else None
    by_model: dict[type, list] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)

    streams = []
    for model, group in by_model.items():
        for page_model, hooks in _declared().page_hooks.items():
            if issubclass(model, page_model):
                for hook in hooks:
                    hook(group, preload, wanted)
        for api_field in _api_fields(model):
            name = api_field.name
            if wanted is not None and name not in wanted:
                continue
            try:
                model_field = model._meta.get_field(name)
            except Exception:  # a property or method in api_fields
                continue
            if isinstance(model_field, models.ForeignKey):
                _want_foreign_key(preload, group, model_field)
            elif (model_field.one_to_many or model_field.many_to_many) and getattr(
                api_field.serializer, "source", None
            ) != "*":
                # (A field reading the whole page fetches what it shows itself.)
                _want_related_rows(preload, group, name, model_field.related_model)
            elif getattr(model_field, "stream_block", None) is not None:
                for page in group:
                    value = getattr(page, name)
                    if isinstance(value, StreamValue):
                        streams.append(value)
                        _collect(value.stream_block, list(value.raw_data), preload)
    preload.load()
    convert_streams(streams)


def _want_foreign_key(preload: Preload, pages: list, model_field: models.ForeignKey) -> None:
    target = _concrete(model_field.related_model)
    if target in _declared().loaders:
        preload.want(target, (getattr(page, model_field.attname) for page in pages))
    elif issubclass(target, AbstractImage):
        # A page's own image (a hero image): fetched with the list if the view did not
        # select it, its renditions with everyone else's.
        prefetch_related_objects(pages, model_field.name)
        preload.images.extend(getattr(page, model_field.name) for page in pages)


def _want_related_rows(preload: Preload, pages: list, name: str, related: type) -> None:
    """Inline rows (a post's authors): the bulk rows they point at are loaded and set on
    them, so ``author.person`` costs nothing."""
    links = [
        f
        for f in related._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and _concrete(f.related_model) in _declared().loaders
    ]
    if not links:
        return
    prefetch_related_objects(pages, name)  # nothing to do when the view prefetched them
    for page in pages:
        for row in getattr(page, name).all():
            for link in links:
                pk = getattr(row, link.attname)
                if pk is not None:
                    preload.want(link.related_model, [pk])
                    preload.links.append((row, link, pk))


def _api_fields(model: type) -> list:
    from wagtail.api import APIField

    return list(APIField.get_fields_for_model(model))


def _collect(block: blocks.Block, raw: Any, preload: Preload) -> None:
    """Walk raw stream data with its block definitions, asking for the ids chosen in it."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else []:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                _collect(child, item.get("value"), preload)
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            _collect(block.child_block, item, preload)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _collect(child, raw.get(name), preload)
    elif isinstance(block, PreloadedChooserMixin):
        preload.want(block.model_class, [raw])


def convert_streams(values: Iterable[StreamValue]) -> None:
    """Convert the raw blocks of many streams with one ``bulk_to_python`` per block type.

    Wagtail converts a stream's blocks when it is first read, one call per block type per
    stream: per page, for a list. This does the same conversion for all the streams at once
    and stores each result where Wagtail would (StreamValue's ``_bound_blocks``, as its own
    ``_prefetch_blocks`` does), so reading the streams afterwards costs nothing.
    """
    pending: dict[tuple[int, str], list[tuple[StreamValue, int]]] = defaultdict(list)
    for value in values:
        for index, raw in enumerate(value._raw_data):
            if value._bound_blocks[index] is not None or raw is None:
                continue
            type_name = raw.get("type")
            if type_name in value.stream_block.child_blocks and "value" in raw:
                pending[(id(value.stream_block), type_name)].append((value, index))
    for (_block_id, type_name), items in pending.items():
        child_block = items[0][0].stream_block.child_blocks[type_name]
        converted = child_block.bulk_to_python([v._raw_data[i]["value"] for v, i in items])
        for (value, index), native in zip(items, converted, strict=True):
            value._bound_blocks[index] = StreamValue.StreamChild(
                child_block, native, id=value._raw_data[index].get("id")
            )


# --- what blocks, templates and API fields call -------------------------------------------


def localized(obj: Any) -> Any:
    """``obj.localized``, from the loader when it has the row, else asked of the database."""
    if obj is None:
        return None
    preload = _current.get()
    if preload is None:
        return obj.localized
    found = preload.localized(obj)
    if found is not None:
        return found
    if type(obj).localized is not TranslatableMixin.localized:
        return obj.localized
    # Not loaded: ask for the translation as ``.localized`` does, but without asking for
    # the active locale again for every row (Locale.get_active() is a query each time).
    locale = preload.active_locale()
    if locale is None or not _translates() or locale.pk == obj.locale_id:
        return obj
    translated = obj.get_translation_or_none(locale)
    if translated is None or (isinstance(obj, DraftStateMixin) and not translated.live):
        return obj
    return translated


def localize(
    objects: Iterable[Any], locale: Locale | None = None
) -> dict[models.Model, models.Model]:
    """Rows in hand mapped to their translations in ``locale`` (default the active one), or
    to themselves: one query per model, however many rows (see :meth:`Preload.localize`)."""
    with request_scope() as preload:
        return preload.localize(objects, locale)


def fetch_renditions() -> None:
    """Before an image's renditions are read: those of every image loaded for the request,
    in one query."""
    preload = _current.get()
    if preload is not None and preload.images:
        preload.fetch_renditions()


def copy_row(obj: models.Model) -> models.Model:
    """``copy.copy(obj)`` for a model instance, without pickle's round trip.

    The same as Django's ``__getstate__``/``__setstate__`` pair does (the instance's
    attributes, its own state and its own cache of related rows), at a fraction of the
    cost: a list's choosers copy a row for every speaker of every session.
    """
    clone = object.__new__(type(obj))
    clone.__dict__.update(obj.__dict__)
    state = object.__new__(type(obj._state))
    state.__dict__.update(obj._state.__dict__)
    state.fields_cache = dict(obj._state.fields_cache)
    clone._state = state
    return clone


class PreloadedChooserMixin:
    """For a chooser block of a bulk model: take chosen rows from the loader.

    Wagtail's ``bulk_to_python`` runs one ``in_bulk`` query per stream; with the rows
    loaded it costs nothing. Ids the loader does not have are fetched as Wagtail does.
    """

    def bulk_to_python(self, values):
        preload = _current.get()
        if preload is None:
            return super().bulk_to_python(values)
        values = list(values)
        missing = [
            pk for pk in values if pk is not None and preload.get(self.model_class, pk) is None
        ]
        fetched = (
            dict(zip(missing, super().bulk_to_python(missing), strict=True)) if missing else {}
        )
        result, seen = [], set()
        for pk in values:
            obj = preload.get(self.model_class, pk) if pk is not None else None
            if obj is None:
                obj = fetched.get(pk)
            if obj is not None and (pk in seen or pk not in fetched):
                # Wagtail gives each occurrence its own instance; so do we, and never the
                # loader's own row, which other blocks and fields share.
                obj = copy_row(obj)
            result.append(obj)
            seen.add(pk)
        return result


__all__ = [
    "IMAGE_WIDTHS",
    "RENDITION_SPECS",
    "ModelLoader",
    "Preload",
    "PreloadedChooserMixin",
    "convert_streams",
    "current",
    "ensure_preloaded",
    "fetch_renditions",
    "forget_declarations",
    "localize",
    "localized",
    "prefetch_renditions",
    "preloaded",
    "request_scope",
]
