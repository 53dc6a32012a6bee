"""Wagtail's API v2 (Django REST framework): pages, images, documents, preview, plugin endpoints.

The endpoints are Wagtail's own, narrowed where Tingsted needs more: who reads what
(api.access), site scoping that names an unknown ``?site=``, a unique tiebreaker on every
ordering, the locale fetched with each page, translations fetched once per list, what the
pages refer to loaded for the whole list (cms/loading.py), and errors that name the
parameter.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.urls import path
from rest_framework.exceptions import APIException
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.conf import get_model_field
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page
from wagtail.search.backends.base import BaseSearchResults

from api.access import APIParameterError, pages_queryset, restricted_collection_ids
from api.errors import PROBLEM_JSON, parameter_in_message, v2_problem
from api.fields import REFERENCE_MAPS, TRANSLATIONS_CONTEXT_KEY, translations_by_key
from api.parameters import filter_value_problem
from api.preview import page_from_token
from api.renderers import JSONRenderer
from api.serializers import TingstedPageSerializer
from cms.loading import preloaded


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?first_published_at=…``, ``?date=…``, ``?news_type=…``),
    with a value the field cannot hold answered as a 400 naming it
    (:func:`api.parameters.filter_value_problem`): Wagtail converts booleans and integers only
    and hands anything else (dates, times, decimals, UUIDs, ids past 64 bits) to the
    database, which raises."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        fields.discard("locale")  # a filter of its own, as in Wagtail's FieldsFilter
        problem = filter_value_problem(queryset.model, request.GET, fields & set(request.GET))
        if problem is not None:
            name, message, _malformed = problem
            raise APIParameterError(name, message)
        return super().filter_queryset(request, queryset, view)


#: What v2's ``?search_operator=`` takes (v3 declares the same two in its document).
SEARCH_OPERATORS = ("and", "or")


class TingstedPagination(WagtailPagination):
    """Wagtail's limit/offset, with ``?limit=0`` a 400 naming ``limit`` as in v3 (where it is
    below the parameter's minimum), rather than an empty list, and the total counted only when
    the rows cannot tell it (api/counting.py)."""

    def paginate_queryset(self, queryset, request, view=None):
        from api.counting import countable_with_rows, rows_and_total

        if request.GET.get("limit", "").strip() in ("0", "+0", "-0"):
            raise BadRequestError("limit must be a positive integer")
        if not countable_with_rows(queryset):
            return super().paginate_queryset(queryset, request, view)
        # Wagtail's checks of offset and limit and its slice, on a query never run...
        bounds = super().paginate_queryset(queryset.none(), request, view).query
        # ...then the rows, and their total (api/counting.py).
        items, self.total_count = rows_and_total(
            queryset, bounds.low_mark, bounds.high_mark - bounds.low_mark
        )
        return items


class TingstedAPIMixin:
    """Errors naming the parameter, a unique tiebreaker on every ordering, orjson output."""

    # Wagtail's choice (JSON, and the browsable API where REST framework is installed),
    # with JSON encoded by orjson (api/renderers.py).
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]
    pagination_class = TingstedPagination

    @property
    def filter_backends(self):
        return [
            CheckedFieldsFilter if backend is FieldsFilter else backend
            for backend in super().filter_backends
        ]

    def handle_exception(self, exc):
        if isinstance(exc, APIParameterError):
            body = v2_problem(exc.status, exc.message, exc.parameter, code=exc.code)
            return Response(body, status=exc.status)
        if isinstance(exc, BadRequestError):
            parameter = parameter_in_message(self.request, str(exc))
            return Response(v2_problem(400, str(exc), parameter), status=400)
        if isinstance(exc, Http404):
            return Response(v2_problem(404, str(exc) or "not found"), status=404)
        response = super().handle_exception(exc)
        if isinstance(exc, APIException) and isinstance(response.data, dict):
            # REST framework's own errors (406 for an Accept it cannot serve, 405, 415)
            # say {"detail": …}: give them the shape of every other error.
            detail = response.data.pop("detail", None)
            if detail is not None:
                response.data = v2_problem(response.status_code, str(detail))
        return response

    def find_object(self, queryset, request):
        # Wagtail hands ?id= to the ORM as given, which raises ValueError on a non-number.
        given = request.GET.get("id")
        if given is not None:
            try:
                int(given)
            except ValueError:
                raise APIParameterError("id", f"id must be an integer, got '{given}'.") from None
        return super().find_object(queryset, request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(
            getattr(response, "accepted_renderer", None), JSONRenderer
        ):
            # An error rendered as JSON is a problem (RFC 9457); in the browsable API, HTML.
            response.content_type = PROBLEM_JSON
        return response

    def filter_queryset(self, queryset):
        operator = self.request.GET.get("search_operator")
        if operator and operator not in SEARCH_OPERATORS:
            # Wagtail hands it to the search backend, which raises: a 500.
            raise APIParameterError(
                "search_operator",
                f"search_operator must be 'and' or 'or', got '{operator}'.",
            )
        queryset = super().filter_queryset(queryset)
        if isinstance(queryset, BaseSearchResults) or not hasattr(queryset, "query"):
            return queryset
        ordering = list(queryset.query.order_by)
        if ordering and not {"pk", "-pk", "id", "-id"} & set(ordering) and ordering != ["?"]:
            # Equal values (titles, dates) must not swap places between two pages of results.
            queryset = queryset.order_by(*ordering, "pk")
        return queryset


class TingstedPagesAPIViewSet(TingstedAPIMixin, PagesAPIViewSet):
    base_serializer_class = TingstedPageSerializer

    def get_base_queryset(self):
        # Wagtail asks for it three times per request (queryset, serializer class, context);
        # the view restrictions and the site's root translations need fetching only once.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = pages_queryset(self.request)
        return self._base_queryset.all()

    def get_queryset(self):
        queryset = super().get_queryset()
        # Every item shows its locale and type: fetch them with the page, not once per item.
        queryset = queryset.select_related("locale", "content_type")
        if queryset.model is not Page and "fields" in self.request.GET:
            # One page type with its fields asked for: fetch related api_fields with the list.
            select, prefetch = related_api_fields(queryset.model)
            queryset = queryset.select_related(*select).prefetch_related(*prefetch)
        return queryset

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        page = specific_pages(self.paginate_queryset(queryset))
        context = self.get_serializer_context()
        context[TRANSLATIONS_CONTEXT_KEY] = with_locales(
            translations_by_key((item.translation_key for item in page), self.request),
            [item.locale for item in page],
        )
        serializer_class = self.get_serializer_class()
        serializer = serializer_class(page, many=True, context=context)
        with preloaded(page, serializer_class.Meta.fields):
            data = serializer.data
        maps = join_reference_maps(data)
        response = self.get_paginated_response(data)
        response.data.update(maps)
        return response

    def detail_view(self, request, pk):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        with preloaded([instance], type(serializer).Meta.fields):
            data = serializer.data
        return Response(data)


def join_reference_maps(items: list) -> dict[str, dict]:
    """Take the reference maps out of each listed item and join them, one per answer.

    Twenty meetings name the same few people in every session: one map per item repeated
    each person in every item naming them (most of a meeting list's bytes). Ids are global,
    so one map serves every item; a map is present when an item had it (even empty).
    """
    joined: dict[str, dict] = {}
    for item in items:
        for name in REFERENCE_MAPS:
            value = item.pop(name, None) if isinstance(item, dict) else None
            if isinstance(value, dict):
                joined.setdefault(name, {}).update(value)
    return joined


def related_api_fields(model) -> tuple[list[str], list[str]]:
    """The api_fields of ``model`` that are relations: (select_related, prefetch_related)."""
    select, prefetch = [], []
    for api_field in APIField.get_fields_for_model(model):
        if (
            api_field.serializer is not None
            and getattr(api_field.serializer, "source", None) == "*"
        ):
            continue
        try:
            field = get_model_field(model, api_field.name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one or (field.one_to_one and field.concrete):
            select.append(api_field.name)
        elif field.many_to_many or field.one_to_many or field.one_to_one:
            prefetch.append(api_field.name)
    return select, prefetch


def with_locales(translations: dict, known: list[Locale]) -> dict:
    """Set each translation's locale, which its specific (deferred) page left unfetched: one
    query at most for the list, for the locales none of the listed pages is in."""
    pages = [other for others in translations.values() for other in others]
    locales = {locale.pk: locale for locale in known}
    missing = {p.locale_id for p in pages if "locale" not in p._state.fields_cache} - set(locales)
    if missing:
        locales.update(Locale.objects.in_bulk(missing))
    for other in pages:
        if "locale" not in other._state.fields_cache and other.locale_id in locales:
            other.locale = locales[other.locale_id]
    return translations


def specific_pages(pages: list) -> list:
    """The same pages as their specific (deferred) classes, so each builds its URL with its
    own site's language prefixes: one query per page type on the list, never per item."""
    plain = [page for page in pages if type(page) is Page]
    if not plain:
        return list(pages)
    found = Page.objects.filter(pk__in=[page.pk for page in plain]).specific(defer=True)
    specific = {page.pk: page for page in found}
    result = []
    for page in pages:
        replacement = specific.get(page.pk, page) if type(page) is Page else page
        if replacement is not page:
            replacement.locale = page.locale  # already fetched with the list
        result.append(replacement)
    return result


class TingstedImagesAPIViewSet(TingstedAPIMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return self.model.objects.exclude(
            collection__in=restricted_collection_ids(self.request)
        ).order_by("id")


class TingstedDocumentsAPIViewSet(TingstedAPIMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return self.model.objects.exclude(
            collection__in=restricted_collection_ids(self.request)
        ).order_by("id")


class PagePreviewAPIViewSet(TingstedPagesAPIViewSet):
    """``GET /api/v2/page_preview/?content_type=…&token=…``: a stored draft, every field."""

    known_query_parameters = TingstedPagesAPIViewSet.known_query_parameters.union(
        ["content_type", "token"]
    )

    def listing_view(self, request):
        self.action = "detail_view"  # serialise every field, as a detail view does
        serializer = self.get_serializer(self.get_object())
        with preloaded([self.get_object()], type(serializer).Meta.fields):
            response = Response(serializer.data)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            self._preview_page = page_from_token(
                self.request.GET.get("content_type"), self.request.GET.get("token")
            )
        return self._preview_page

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context[TRANSLATIONS_CONTEXT_KEY] = translations_by_key(
            [self.get_object().translation_key], self.request
        )
        return context

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


def build_router() -> WagtailAPIRouter:
    from cms.plugins import registry

    router = WagtailAPIRouter("wagtailapi_v2")
    router.register_endpoint("pages", TingstedPagesAPIViewSet)
    router.register_endpoint("images", TingstedImagesAPIViewSet)
    router.register_endpoint("documents", TingstedDocumentsAPIViewSet)
    router.register_endpoint("page_preview", PagePreviewAPIViewSet)
    for plugin in registry:
        if plugin.api_v2_endpoints is not None:
            for name, endpoint in plugin.api_v2_endpoints():
                router.register_endpoint(name, endpoint)
    return router
