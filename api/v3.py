"""Wagtail's API v3 (django-ninja), configured for Tingsted, and helpers for plugin routes.

We keep Wagtail's ``api`` object and its routers and change four things:

- which pages a request reads (:func:`api.access.pages_queryset`): Wagtail gives a token the
  pages its user may *edit*, which for a consuming site's service user is nothing; we give
  every caller the public set plus what its token is granted (see api/access.py);
- errors name the parameter at fault (``errors[].loc``), also for ``limit``;
- a preview route, ``/api/v3/preview/``, for headless front ends, and the sync feed,
  ``/api/v3/sync/`` (api/sync.py);
- the page list takes ``fields=`` (api/listing.py), as API v2's does.

Plugins add routes through the contract's ``api_routers`` hook (mounted by :func:`mount`
when the URLs load); they paginate with :class:`TingstedPagination`, order with
:func:`stable_order` and may build their answers as :class:`BuiltSchema`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, IntegrityError
from django.db.models import ProtectedError, Q, QuerySet, RestrictedError
from django.db.models.query import ModelIterable
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.schema import DjangoGetter
from pydantic import ModelWrapValidatorHandler, ValidationInfo, model_validator
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Page
from wagtail.utils.forms import FormValidationError

from api.access import APIParameterError, pages_queryset, restricted_collection_ids
from api.actions import refuse_copy_beside_root
from api.errors import (
    failure_response,
    parameter_in_message,
    problem,
    problem_response,
    sent_parameter_in,
    unreadable_request,
)
from api.parameters import check_field_filters
from api.renderers import NinjaRenderer
from cms.errorpages import unavailable_error_name

logger = logging.getLogger(__name__)

#: Public-read auth for plugin routes: a token when given, anonymous otherwise.
PUBLIC_READ_AUTH = [BearerTokenAuth(), AllowAnonymous()]


class TingstedPagination(WagtailLimitOffsetPagination):
    """Limit/offset pagination with WAGTAILAPI_LIMIT_MAX enforced as a 400 naming ``limit``."""


class BuiltSchema(Schema):
    """A django-ninja schema a route builds itself, from its objects through the schema's
    resolvers (``MeetingSchema.model_validate(page, context=…)``), typically inside the
    answer's language and time zone, and returns as is: validating an instance again (as
    django-ninja does with a route's answer) gives it back unchanged, where a plain Schema
    would run its resolvers on the built instance."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler, info: ValidationInfo
    ) -> Any:
        if isinstance(values, cls):
            return values
        return handler(DjangoGetter(values, cls, info.context))


def stable_order(queryset: QuerySet, *ordering: str) -> QuerySet:
    """Order by ``ordering`` then the primary key, so paging never repeats or skips an item."""
    return queryset.order_by(*ordering, "pk")


def v3_pages_queryset(request: HttpRequest, model: type[Page] = Page) -> QuerySet:
    queryset = pages_queryset(request, model).select_related("content_type", "locale")
    if model is Page and "search" not in request.GET and not _PAGE_DETAIL.match(request.path):
        # Specific pages build html_url with their own site's language prefixes; a plain
        # Page would use the requesting host's. No extra query (see the iterable).
        queryset = queryset.order_by("pk")
        queryset._iterable_class = SpecificKeepingRelatedIterable
        return queryset
    return queryset.order_by("pk")


def v3_documents_queryset(request: HttpRequest) -> QuerySet:
    """Wagtail's documents, outside the collections the rule hides from this caller.

    Wagtail's own check opens a login-restricted collection to any token; the rule
    (cms/visibility.py) opens it only to users granted ``read_restricted``.
    """
    from wagtail.documents import get_document_model

    return _outside_hidden_collections(request, get_document_model())


def v3_images_queryset(request: HttpRequest) -> QuerySet:
    """Wagtail's images, outside the collections the rule hides from this caller."""
    from wagtail.images import get_image_model

    return _outside_hidden_collections(request, get_image_model())


def _outside_hidden_collections(request: HttpRequest, model) -> QuerySet:
    return (
        model.objects.exclude(collection__in=restricted_collection_ids(request))
        .prefetch_related("tags")
        .order_by("id")
    )


#: A page's detail route reads every field of its one page: Wagtail's ``page.specific``
#: fetches them in one query, where a deferred specific page would ask once per field.
_PAGE_DETAIL = re.compile(r"^/api/v3/pages/\d+/$")


class SpecificKeepingRelatedIterable(ModelIterable):
    """Wagtail's deferred-specific iteration, keeping what select_related fetched."""

    def __iter__(self):
        for page in super().__iter__():
            if page.specific_class is None:
                yield page
                continue
            specific = page.specific_deferred
            specific._state.fields_cache.update(page._state.fields_cache)
            for name in self.queryset.query.annotations:
                setattr(specific, name, getattr(page, name))
            yield specific


class PreviewQuery(Schema):
    content_type: str
    token: str


def build_preview_router() -> Router:
    from wagtail.api.v3.routers.pages import PageDetailSchema

    from api.preview import page_from_token

    router = Router(tags=["preview"])

    @router.get(
        "/",
        response=PageDetailSchema,
        url_name="preview_page",
        summary="A draft being previewed",
        description="The draft an editor is previewing, from the token in the preview URL. "
        "Tokens expire after TINGSTED_PREVIEW_MAX_AGE seconds.",
        operation_id="preview_detail",
        auth=PUBLIC_READ_AUTH,
    )
    def preview(request: HttpRequest, query: PreviewQuery = Query(...)):  # noqa: B008
        return page_from_token(query.content_type, query.token)

    return router


def order_with_tiebreaker(original, schema, queryset, pagination_info, base_fields):
    """Wagtail's ``?order=``, with errors naming ``order`` and the primary key appended, so
    rows with equal values (dates, titles) keep their places between two pages of results."""
    try:
        ordered = original(schema, queryset, pagination_info, base_fields)
    except PydanticValidationError as error:
        messages = "; ".join(
            str(item.get("ctx", {}).get("error", item["msg"])) for item in error.errors()
        )
        raise APIParameterError("order", messages, status=422, code="value_error") from None
    if ordered is queryset or not hasattr(ordered, "query"):
        return ordered
    ordering = list(ordered.query.order_by)
    tiebreaker = _tiebreaker(ordered.model)
    if (
        tiebreaker
        and ordering
        and ordering != ["?"]
        and not {"pk", "-pk", "id", "-id", tiebreaker, f"-{tiebreaker}"} & set(ordering)
    ):
        ordered = ordered.order_by(*ordering, tiebreaker)
    return ordered


@functools.cache
def _tiebreaker(model: type) -> str | None:
    """The key to order by last: the id, by a name the search backend can order by too.

    A list that is also searched (``?search=…&order=title``) is ordered by the search
    backend, which orders only by indexed filter fields: ``pk`` is none, so the search
    answered 422 "Cannot order by 'pk'". Pages, images and documents index ``id``; a model
    indexed without it gets no tiebreaker rather than a search that cannot run.
    """
    from wagtail.search import index

    name = "id" if any(field.name == "id" for field in model._meta.get_fields()) else None
    name = name or model._meta.pk.name
    if index.class_is_indexed(model):
        filterable = {
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, index.FilterField)
        }
        if name not in filterable:
            return None
    return name


#: Django's sentences for a save whose row another request deleted meanwhile.
ROW_GONE_ON_SAVE = frozenset(
    {"Save with update_fields did not affect any rows.", "Forced update did not affect any rows."}
)
ROW_GONE_DETAIL = "No object matches the given query: another request deleted it meanwhile."


def vanished_detail(exc: ObjectDoesNotExist) -> str:
    """Django's 404 sentence for a row that is not there (``get_object_or_404``'s)."""
    model = type(exc).__qualname__.removesuffix(".DoesNotExist")
    if model == "ObjectDoesNotExist":
        return "No object matches the given query."
    return f"No {model} matches the given query."


def validation_faults(exc: Exception, sent: Iterable[str] = ()) -> dict[str, Any]:
    """Wagtail's 422 ``errors`` (api/errors.py): one per fault, kept to the Problem schema's
    keys (``loc``, ``msg``, ``type``), with the first field at fault as ``parameter``.

    A query fault's ``loc`` is ``["query", name, …]`` with ``name`` the parameter the caller
    sent (``sent``): django-ninja puts the route's schema argument before it (``["query",
    "filters", "child_of", "constrained-int"]``), and pydantic, after it, which member of a
    union or item of a list failed, none of which the caller can act on as a name.
    """
    if isinstance(exc, FormValidationError):
        errors = [
            {"loc": list(path), "msg": message, "type": code}
            for path, coded_messages in exc.loc_errors
            for message, code in coded_messages
        ]
    elif isinstance(exc, DjangoValidationError):
        errors = [{"msg": message} for message in exc.messages]
    else:
        raw = exc.errors if isinstance(exc, NinjaValidationError) else exc.errors()
        errors = [
            {key: error[key] for key in ("loc", "msg", "type") if key in error} for error in raw
        ]
    sent = set(sent)
    names = []
    for error in errors:
        if "loc" not in error:
            continue
        loc = [part if isinstance(part, int) else str(part) for part in error["loc"]]
        name = (
            next((part for part in loc[1:] if part in sent), None) if loc[:1] == ["query"] else None
        )
        if name is None and loc[:1] == ["query"]:
            # A check of several parameters at once ("filtering by descendant_of with
            # child_of is not supported") is located at the route's argument: the message
            # names the parameter.
            name = sent_parameter_in(str(error.get("msg", "")), sent)
            if name is not None:
                loc = ["query", name]
        if name is not None:
            loc = ["query", *loc[loc.index(name) :]]
        else:
            name = next(
                (part for part in reversed(loc) if isinstance(part, str) and _is_name(part)), None
            )
        error["loc"] = loc
        if name is not None:
            names.append(name)
    return {"parameter": names[0] if names else None, "errors": errors or None}


def _is_name(part: str) -> bool:
    """A parameter or field name, not pydantic's label for a union member or a check
    (``constrained-int``, ``literal['root']``, ``function-after[...]``)."""
    return part.isidentifier() and part not in {"query", "path", "header", "body", "cookie"}


def conflict_detail(exc: Exception) -> str:
    """What a 409 says: what still uses the object a delete was refused for (a document
    attached to minutes, a person on an agenda item: ``on_delete=PROTECT``), or that what
    the write would create exists already. The database's own words are not shown."""
    if isinstance(exc, (ProtectedError, RestrictedError)):
        objects = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", ())
        counts: dict[str, int] = {}
        for obj in objects:
            name = type(obj)._meta.label  # the API's errors are in English; labels are neither
            counts[name] = counts.get(name, 0) + 1
        users = ", ".join(f"{name} ({count})" for name, count in sorted(counts.items()))
        return f"It is still in use and was not deleted. Used by: {users or 'other content'}."
    return (
        "It conflicts with content that exists already (for example a translation into that "
        "language, or another object with the same unique value), and was refused."
    )


def answer_failed(exc: PydanticValidationError) -> bool:
    """Whether the error arose building the answer (django-ninja validates a route's result
    as the field ``response``), not reading the request: the server failed, not the caller."""
    return any(error["loc"][:1] == ("response",) for error in exc.errors())


def answer_failure(request: HttpRequest, exc: PydanticValidationError) -> HttpResponse:
    """500, or 503 to try again when what failed was a service the answer needs. pydantic
    keeps an exception a resolver raised as text only ("OperationalError: …"): logged here,
    as Django logs what reaches its handler, and never shown to the caller."""
    names = [
        str(error.get("ctx", {}).get("error", "")).split(":", 1)[0]
        for error in exc.errors()
        if error["type"] == "get_attribute_error"
    ]
    unavailable = any(unavailable_error_name(name) for name in names)
    logger.error("Building the answer to %s failed: %s", request.path, exc, exc_info=exc)
    return failure_response(request, unavailable)


def revision_user_condition(value: Any) -> Q:
    """The revision listing's ``user_id`` filter, refusing a value no user could have as key."""
    if value is None:
        return Q()
    try:
        key = get_user_model()._meta.pk.to_python(value)
    except ValidationError:
        raise APIParameterError("user_id", f"'{value}' is not a user id.") from None
    return Q(user_id=key)


def mount() -> None:
    """Configure Wagtail's API v3 and add every plugin's routers (the ``api_routers`` hook).

    Once, when the URLs are first loaded (api/urls.py). Not from an app's ``ready()``:
    importing the v3 API builds Wagtail's page schemas, which must wait until StreamFields
    are typed (api/apps.py), and Wagtail's documents and images routers can only be imported
    once every app is ready.
    """
    from wagtail.api.v3.api import api

    from api.listing import build_list_schema, build_operation_view
    from cms import compat
    from cms.plugins import registry

    if getattr(api, "_tingsted_configured", False):
        return
    api._tingsted_configured = True
    compat.replace_v3_queryset("pages", v3_pages_queryset)
    compat.replace_v3_queryset("documents", v3_documents_queryset)
    compat.replace_v3_queryset("images", v3_images_queryset)
    compat.filter_v3_revision_user(revision_user_condition)
    compat.around_v3_ordering(order_with_tiebreaker)
    compat.check_v3_field_filters(check_field_filters)
    compat.replace_v3_page_listing(
        build_operation_view(),
        response=build_list_schema(),
        summary="List pages",
        description="Pages readable by the caller, filtered, ordered and paginated; `fields=` "
        "adds to each item the fields of its detail.",
        operation_id="pages_list",
        auth=PUBLIC_READ_AUTH,
        exclude_unset=True,
    )
    compat.before_v3_copy_slug(refuse_copy_beside_root)
    api.renderer = NinjaRenderer()  # the same JSON, encoded by orjson

    @api.exception_handler(APIParameterError)
    def parameter_error(request: HttpRequest, exc: APIParameterError):
        return problem_response(problem(exc.status, exc.message, exc.parameter, code=exc.code))

    @api.exception_handler(NinjaValidationError)
    @api.exception_handler(PydanticValidationError)
    @api.exception_handler(DjangoValidationError)
    def validation_error(request: HttpRequest, exc: Exception):
        if isinstance(exc, PydanticValidationError) and answer_failed(exc):
            return answer_failure(request, exc)
        faults = validation_faults(exc, sent=request.GET.keys())
        return problem_response(problem(422, "Validation failed", **faults))

    @api.exception_handler(ProtectedError)
    @api.exception_handler(RestrictedError)
    @api.exception_handler(IntegrityError)
    def conflict(request: HttpRequest, exc: Exception):
        return problem_response(problem(409, conflict_detail(exc), code="conflict"))

    @api.exception_handler(ObjectDoesNotExist)
    def vanished(request: HttpRequest, exc: ObjectDoesNotExist):
        # Wagtail's page actions read the page, then its page type's row: a page another
        # request deleted between the two raised this, a 500, where it is simply gone.
        logger.warning("%s %s: %s", request.method, request.path, exc)
        return problem_response(problem(404, vanished_detail(exc)))

    @api.exception_handler(DatabaseError)
    def row_gone_on_save(request: HttpRequest, exc: DatabaseError):
        # The same race at the save: Django refuses to update a row that is no longer there.
        if type(exc) is DatabaseError and str(exc) in ROW_GONE_ON_SAVE:
            logger.warning("%s %s: %s", request.method, request.path, exc)
            return problem_response(problem(404, ROW_GONE_DETAIL))
        raise exc

    @api.exception_handler(MultiPartParserError)
    def unreadable(request: HttpRequest, exc: MultiPartParserError):
        return unreadable_request(request, exc)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError):
        message = str(exc)
        parameter = parameter_in_message(request, message)
        return problem_response(problem(exc.status_code, message, parameter))

    api.add_router("/preview/", build_preview_router())
    from api.sync import build_sync_router

    api.add_router("/sync/", build_sync_router())
    for plugin in registry:
        for prefix, router in plugin.api_routers() if plugin.api_routers else ():
            api.add_router(f"/{prefix.strip('/')}/", router)
    wagtail_openapi = api.get_openapi_schema
    # The document depends on the code (routes, schemas, choices) and the language of its
    # descriptions, never on content: built once per process and language, not after every
    # publish (it takes seconds). Callers read it; openapi_document() hands out a copy.
    built: dict[tuple[str | None, str], dict] = {}

    def get_openapi_schema(*args, **kwargs):
        from api.openapi import (
            declare_query_bounds,
            document_responses,
            without_unsatisfiable_operations,
        )

        key = (get_language(), repr((args, sorted(kwargs.items()))))
        if key not in built:
            schema = declare_field_filters(valid_security(wagtail_openapi(*args, **kwargs)))
            schema = declare_query_bounds(schema)
            built[key] = document_responses(without_unsatisfiable_operations(schema))
        return built[key]

    # The OpenAPI views call api.get_openapi_schema; an instance attribute wraps it.
    api.get_openapi_schema = get_openapi_schema


def valid_security(schema: dict) -> dict:
    """Spell "token optional" the OpenAPI way.

    Wagtail 8.0.1 publishes its AllowAnonymous fallback as ``{"type": "http"}`` without a
    ``scheme``, which is invalid OpenAPI. Anonymous access is an empty requirement ``{}``.
    """
    schemes = schema.get("components", {}).get("securitySchemes", {})
    if schemes.pop("AllowAnonymous", None) is None:
        return schema
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security") if isinstance(operation, dict) else None
            if security:
                operation["security"] = [
                    {} if "AllowAnonymous" in requirement else requirement
                    for requirement in security
                ]
    if "BearerTokenAuth" in schemes:
        schemes["BearerTokenAuth"]["description"] = (
            "An API token (Settings → API tokens in the admin) as 'Authorization: Bearer "
            "<token>'. Optional on read routes: without one you read the public content."
        )
    return schema


def _filter_value_schema(field) -> dict | None:
    """The JSON schema of a query value for Wagtail's filter on the model field ``field``,
    or None for fields no one filters by exact value (text, streams, many-to-many, reverse
    relations)."""
    from django.db import models
    from taggit.managers import TaggableManager
    from wagtail.fields import StreamField

    from api.types import choice_values

    if isinstance(field, TaggableManager):  # ?tags=a&tags=b: pages with both tags
        return {"type": "array", "items": {"type": "string"}}
    if isinstance(field, models.ForeignObjectRel | models.ManyToManyField | models.TextField):
        return None
    if isinstance(field, StreamField) or getattr(field, "many_to_many", False):
        return None
    if getattr(field, "choices", None):
        return {"type": "string", "enum": [v for v in choice_values(field.choices) if v != ""]}
    if isinstance(field, models.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, models.IntegerField | models.AutoField):
        return {"type": "integer"}
    if isinstance(field, models.DecimalField | models.FloatField):
        return {"type": "number"}
    return {"type": "string"}


def field_filter_parameters() -> list[dict]:
    """The field filters of ``GET /api/v3/pages/``, as OpenAPI query parameters.

    Wagtail filters a page list by any query parameter naming a database field in
    ``api_fields`` of the listed type (``?type=blog.BlogPostPage&date=2026-05-04``), or one
    of the fields every page has (``?slug=about``), by exact value. It reads them from the
    raw query string, so its OpenAPI document declares none: this lists them.
    """
    from wagtail.api import APIField
    from wagtail.api.conf import get_model_field
    from wagtail.models import get_page_models

    from cms import compat

    base_fields = compat.v3_page_filter_fields()

    found: dict[str, tuple[dict | None, list[str]]] = {}
    for name in base_fields:
        if name in {"pk", "locale"}:  # ?id= is Wagtail's; ?locale= is declared
            continue
        found[name] = (_filter_value_schema(Page._meta.get_field(name)), [])
    for model in get_page_models():
        if model is Page:
            continue
        for api_field in APIField.get_fields_for_model(model, db_fields_only=True):
            if api_field.name in base_fields:
                continue
            schema = _filter_value_schema(get_model_field(model, api_field.name))
            if schema is None:
                continue
            known, types = found.setdefault(api_field.name, (schema, []))
            if known != schema:  # two page types, two kinds of value: any text
                found[api_field.name] = ({"type": "string"}, types)
            types.append(model._meta.label)
    parameters = []
    for name, (schema, types) in sorted(found.items()):
        if schema is None:
            continue
        where = (
            f" Needs `type=` of a page type declaring it: {', '.join(sorted(types))}."
            if types
            else ""
        )
        parameters.append(
            {
                "in": "query",
                "name": name,
                "required": False,
                "schema": schema,
                "description": f"Only pages whose `{name}` is this value (exact match).{where}",
            }
        )
    return parameters


def declare_field_filters(schema: dict) -> dict:
    """Add the field filters (:func:`field_filter_parameters`) to the page list operation."""
    operation = schema.get("paths", {}).get("/api/v3/pages/", {}).get("get")
    if operation is None:
        return schema
    declared = {parameter["name"] for parameter in operation.get("parameters", [])}
    operation.setdefault("parameters", []).extend(
        parameter for parameter in field_filter_parameters() if parameter["name"] not in declared
    )
    return schema
