"""``GET /api/v3/pages/`` with ``?fields=``: a list carrying the same typed fields as each
page's detail, so a consumer builds an index (posts with authors and images) in one request.

Wagtail's v3 list answers ``id``, ``title`` and ``meta`` only: a blog index took one request
per post. This is Wagtail's list (its filters, ordering, search and pagination, read through
the same module functions Tingsted replaces) with one more parameter, as API v2 has it:

- ``fields=authors,hero_image`` adds those fields to each item; ``fields=*`` adds every field
  of the item's type. A name no listed type declares is a 400 naming ``fields`` and the name.
- Each item's schema is its type's detail schema with every field optional (absent unless
  asked for), discriminated by ``meta.type`` like the detail: a generated client sees the
  very types of the detail.
- The listed pages are preloaded together before they are serialised (the loader of
  cms/loading.py, as API v2 does for ``fields=``), their translations fetched once for the
  list: the queries do not grow with ``limit``.
- The list's ``count`` is counted only when its items cannot tell it (a full page), with a
  query of its own (api/counting.py, :class:`CountingPagination`).
"""

# No ``from __future__ import annotations``: django-ninja reads the view's annotations,
# which name schemas imported inside a function.

from collections.abc import Iterable
from functools import cache
from typing import Annotated, Any, Literal, Union

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.errors import HttpError
from ninja.schema import DjangoGetter, ResolverMetaclass
from pydantic import Discriminator, Tag
from pydantic import Field as PydanticField
from pydantic.fields import FieldInfo
from wagtail.api import APIField
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas.base import discriminate_meta_type
from wagtail.models import Page, get_page_models

from api.access import APIParameterError
from api.counting import countable_with_rows, rows_and_total
from api.fields import REFERENCE_MAPS

#: Set on the request by the view: ``{model: names}`` to serialise for each listed type.
ASKED = "_tingsted_list_fields"


class FieldsQuery(Schema):
    fields: str | None = Field(
        None,
        description="Fields to add to every item, comma-separated, as in the page's detail "
        "(`fields=authors,hero_image`), or `*` for all of them. A field applies to the "
        "items whose type declares it: with `type=` one type's fields, else any page "
        "type's. Unknown names are a 400 naming them.",
    )


def field_names(model: type[Model]) -> list[str]:
    """The fields a page type adds to the base page in its detail (its ``api_fields``)."""
    return [field.name for field in APIField.get_fields_for_model(model)]


def asked_fields(value: str | None, models: Iterable[type[Model]]) -> dict[type, frozenset]:
    """``{model: names}`` for ``?fields=``; a name none of ``models`` declares is a 400."""
    if value is None or not value.strip():
        return {}
    names = [name.strip() for name in value.split(",") if name.strip()]
    models = list(models)
    declared = {model: set(field_names(model)) for model in models}
    if "*" in names:
        if names != ["*"]:
            raise APIParameterError(
                "fields", "fields: '*' stands alone (it means every field of the type)."
            )
        return {model: frozenset(known) for model, known in declared.items()}
    every = set().union(*declared.values()) if declared else set()
    unknown = [name for name in names if name not in every]
    if unknown:
        listed = ", ".join(unknown)
        where = f"the type {models[0]._meta.label}" if len(models) == 1 else "any listed page type"
        raise APIParameterError(
            "fields",
            f"fields: unknown field {listed}: not a field of {where}. See "
            "/api/v3/schema/ for each type's fields.",
            code="unknown_field",
        )
    return {
        model: frozenset(name for name in names if name in known)
        for model, known in declared.items()
    }


def _only_if_asked(name: str, resolver: Any):
    """A resolver serving ``name`` only when the request asked for it; otherwise the field
    is left unset (AttributeError: pydantic uses the default, the route excludes it)."""

    def resolve(obj: Model, context: dict) -> Any:
        asked = getattr((context or {}).get("request"), ASKED, None) or {}
        if name not in asked.get(type(obj), ()):
            raise AttributeError(name)
        if resolver is None:
            return getattr(obj, name)
        return resolver[0](DjangoGetter(obj, resolver[1], context))

    return staticmethod(resolve)


def list_item_schema(model: type[Model]) -> type[Schema]:
    """``model``'s item in the list: the list's base fields and meta, and every field of
    its detail, optional."""
    from wagtail.api.v3.registry import registry
    from wagtail.api.v3.schemas.pages import BasePageMetaSchema, BasePageSchema, PageSchema

    read = registry.get(model._meta.label).read_schema
    name = model._meta.object_name
    meta = type(BasePageMetaSchema)(
        f"{name}ListItemMetaSchema",
        (BasePageMetaSchema,),
        {"__annotations__": {"type": Literal[model._meta.label]}},
    )
    namespace: dict[str, Any] = {"__annotations__": {"meta": meta}}
    for field_name, info in read.model_fields.items():
        if field_name in PageSchema.model_fields or field_name in REFERENCE_MAPS:
            continue  # a reference map comes once for the list (build_list_schema)
        resolver = read._ninja_resolvers.get(field_name)
        namespace["__annotations__"][field_name] = info.annotation
        namespace[field_name] = FieldInfo.merge_field_infos(info, default=None)
        namespace[f"resolve_{field_name}"] = _only_if_asked(
            field_name, (resolver, read) if resolver is not None else None
        )
    schema: type[Schema] = ResolverMetaclass(f"{name}ListItemSchema", (BasePageSchema,), namespace)
    return schema


def _item_type(value: Any) -> str | None:
    """The ``meta.type`` of a list item: a page's specific type, even when the list holds
    plain pages (search results), as the item's ``meta.type`` says."""
    if isinstance(value, Page):
        return (value.specific_class or type(value))._meta.label
    return discriminate_meta_type(value)


@cache
def list_item_type() -> Any:
    """Every page type's list item, discriminated by ``meta.type`` (as the detail is)."""
    members = tuple(
        Annotated[list_item_schema(model), Tag(model._meta.label)] for model in get_page_models()
    )
    return Annotated[
        Union[members],  # noqa: UP007 (a tuple of members, built at run time)
        Discriminator(_item_type),
        PydanticField(
            json_schema_extra={
                "description": "A union of models, discriminated by the content type in "
                "`meta.type`."
            }
        ),
    ]


def reference_map_types() -> dict[str, Any]:
    """The type of each reference map some page type declares (``people``: a map of
    ``PersonData``), read from the types' detail schemas: the core names no plugin's type."""
    from wagtail.api.v3.registry import registry

    found: dict[str, Any] = {}
    for model in get_page_models():
        entry = registry.get(model._meta.label)
        fields = entry.read_schema.model_fields if entry is not None else {}
        for name in REFERENCE_MAPS:
            if name in fields and name not in found:
                found[name] = fields[name].annotation
    return found


#: What one entry of each reference map is, for its description.
_SINGULAR = {"people": "person", "organisations": "organisation", "venues": "venue"}


def build_list_schema() -> type[Schema]:
    """The list: ``count``, ``items`` and, where asked items refer to people, organisations
    or venues by id, one ``people`` / ``organisations`` / ``venues`` map for all of them."""
    annotations: dict[str, Any] = {
        "count": int,
        "items": list[list_item_type()],  # type: ignore[valid-type]
    }
    namespace: dict[str, Any] = {"__annotations__": annotations}
    for name, annotation in reference_map_types().items():
        annotations[name] = annotation | None
        namespace[name] = Field(
            None,
            description=f"Every {_SINGULAR.get(name, name)} the items refer to by id, keyed "
            f"by that id, once for the whole list (present when the items' type has `{name}` "
            f"and `fields=` asks for it).",
        )
    return type(Schema)("PageListSchema", (Schema,), namespace)


def joined_reference_maps(pages: list, request: HttpRequest, asked: dict[type, frozenset]):
    """Each reference map of the listed pages, joined: one per list (what each page's
    detail gives as its own ``people``, ``organisations`` or ``venues``)."""
    from wagtail.api.v3.registry import registry

    joined: dict[str, dict] = {}
    context = {"request": request}
    for page in pages:
        names = [name for name in REFERENCE_MAPS if name in asked.get(type(page), ())]
        if not names:
            continue
        read = registry.get(type(page)._meta.label).read_schema
        for name in names:
            resolver = read._ninja_resolvers.get(name)
            value = (
                resolver(DjangoGetter(page, read, context))
                if resolver is not None
                else getattr(page, name)
            )
            joined.setdefault(name, {}).update(value or {})
    return joined


def prepare(items: list, request: HttpRequest, asked: dict[type, frozenset]) -> list:
    """The listed pages as their specific types, preloaded for the fields asked for."""
    from api.fields import remember_translations, translations_by_key
    from api.v2 import with_locales
    from cms.loading import current, preload_pages

    pages = _specific(items)
    setattr(request, ASKED, asked)
    fields = set().union(*asked.values())
    loader = current()
    if loader is not None:
        preload_pages(loader, pages, fields)
    if "translations" in fields:
        known = with_locales(
            translations_by_key((page.translation_key for page in pages), request),
            [page.locale for page in pages if "locale" in page._state.fields_cache],
        )
        remember_translations(pages, request, found=known)
    return pages


def _specific(items: list) -> list:
    """Pages of a list as their specific classes with every field (one query per type):
    a deferred specific page would fetch each field it shows with a query of its own."""
    deferred = [
        page
        for page in items
        if type(page) is Page or page.get_deferred_fields() - {"content_type", "locale"}
    ]
    if not deferred:
        return list(items)
    found = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[page.pk for page in deferred]).specific()
    }
    result = []
    for page in items:
        replacement = found.get(page.pk, page)
        if replacement is not page:
            replacement._state.fields_cache.update(page._state.fields_cache)
        result.append(replacement)
    return result


class CountingPagination(WagtailLimitOffsetPagination):
    """Wagtail's limit/offset pagination (``WAGTAILAPI_LIMIT_MAX`` enforced as Wagtail does),
    counting only when the rows cannot tell the total (api/counting.py)."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        if not countable_with_rows(queryset):
            return super().paginate_queryset(queryset, pagination, request, **params)
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        if limit_max is not None and pagination.limit > int(limit_max):
            raise HttpError(400, f"limit cannot be higher than {int(limit_max)}")
        limit = min(pagination.limit, self.max_limit)
        items, total = rows_and_total(queryset, pagination.offset, limit)
        return {self.items_attribute: items, "count": total}


def list_pages(request: HttpRequest, filters, ordering, search, fields: FieldsQuery, pagination):
    """Wagtail's ``list_pages`` with ``fields``."""
    from wagtail.api.v3.routers import pages as wagtail_pages
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema

    from api.v2 import related_api_fields

    models = list(filters.type)
    model = models[0] if len(models) == 1 else Page
    asked = asked_fields(fields.fields, models or [m for m in get_page_models() if m is not Page])
    field_filter = APIFieldFilterSchema.with_exclude_schemas(
        raw_params=request.GET,
        schemas=(type(filters), OrderingSchema, SearchSchema, FieldsQuery),
        base_fields=BASE_PAGE_READ_FIELDS,
    )
    # Looked up on the module at each call: Tingsted replaces it (api.v3.mount).
    queryset = wagtail_pages.get_pages_queryset(request, model)
    if asked and model is not Page:
        # The type's related fields with the list, as API v2 fetches them for ``fields=``.
        select, prefetch = related_api_fields(model)
        queryset = queryset.select_related(*select).prefetch_related(*prefetch)
    queryset = filters.filter(queryset, request)
    queryset = field_filter.filter_queryset(queryset)
    queryset = ordering.order_queryset(queryset, pagination, base_fields=BASE_PAGE_READ_FIELDS)
    queryset = search.search_queryset(request, queryset)
    page = CountingPagination().paginate_queryset(queryset, pagination, request)
    if asked:
        page["items"] = prepare(list(page["items"]), request, asked)
        page.update(joined_reference_maps(page["items"], request, asked))
    return page


def build_operation_view():
    """The view of the replaced operation, with Wagtail's own parameter schemas."""
    from wagtail.api.v3.pagination import WagtailLimitOffsetPagination as Pagination
    from wagtail.api.v3.routers.pages import PageFilterSchema
    from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema

    def pages_list(
        request: HttpRequest,
        filters: PageFilterSchema = Query(...),  # noqa: B008
        ordering: OrderingSchema = Query(...),  # noqa: B008
        search: SearchSchema = Query(...),  # noqa: B008
        fields: FieldsQuery = Query(...),  # noqa: B008
        pagination: Pagination.Input = Query(...),  # noqa: B008
    ):
        return list_pages(request, filters, ordering, search, fields, pagination)

    return pages_list
