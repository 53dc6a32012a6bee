"""API fields every page type gets, and the v2 serialisers that resolve StreamField and rich text.

``translations`` lists a page's other live, public language versions; :class:`api.pages.APIPageMixin`
adds it to the ``api_fields`` of every TingstedPage subclass, so each plugin's page types
have it in both APIs without declaring it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest
from pydantic import BaseModel
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.rich_text import APIRichText
from wagtail.models import Page

from api.access import public_pages
from blocks.representation import rich_text_html
from cms import loading
from cms.generation import GenerationMemo
from cms.sites import all_locales

#: Key in a serializer context holding translations fetched for a whole list at once.
TRANSLATIONS_CONTEXT_KEY = "tingsted_translations"


class TranslationData(BaseModel):
    """One other language version of a page."""

    locale: str
    id: int
    title: str
    url: str | None


#: Fields of a page that map the ids its other fields give to what they name (a meeting's
#: ``people``, ``venues`` and ``organisations``, a council's ``organisations``): a list gives
#: each once, for all its items (api/v2.py, api/listing.py), where one map per item repeated
#: the same people, venues and organisations in each.
REFERENCE_MAPS = ("people", "organisations", "venues")


#: A page's language versions, by translation key, for the current content generation: a
#: publish, unpublish, move, deletion or restriction change bumps it (cms.invalidation).
_TRANSLATIONS = GenerationMemo()


def translations_by_key(
    keys: Iterable[Any], request: HttpRequest | None = None
) -> dict[Any, list[Page]]:
    """Live, public pages sharing each translation key, remembered per content generation:
    one query for the keys this process has not seen in it, none for the others (every
    detail and list shows ``translations``; they change only when a page does)."""
    found: dict[Any, list[Page]] = defaultdict(list)
    keys = set(keys)
    if keys:
        remembered = _TRANSLATIONS.get_many(
            request, keys, lambda missing: _fetch_translations(missing, request)
        )
        found.update((key, pages) for key, pages in remembered.items() if pages)
    return found


def _fetch_translations(keys: set, request: HttpRequest | None) -> dict[Any, list[Page]]:
    found: dict[Any, list[Page]] = defaultdict(list)
    # Specific (deferred) pages: TingstedPage builds URLs with the prefixes of the page's
    # own site, which a plain Page does not know (one query per page type, not per page).
    pages = (
        public_pages(Page.objects.filter(translation_key__in=keys).live(), request)
        .order_by("locale__language_code", "pk")
        .specific(defer=True)
    )
    # The specific rows come without the generic query's joins: each page's locale (its
    # language code, and Wagtail's URL for it) from the memo, not a query per page.
    locales = {locale.pk: locale for locale in all_locales(request).values()}
    for page in pages:
        if page.locale_id in locales:
            page.locale = locales[page.locale_id]
        found[page.translation_key].append(page)
    return found


def remember_translations(
    pages: Iterable[Page],
    request: HttpRequest | None = None,
    *,
    found: dict[Any, list[Page]] | None = None,
) -> None:
    """Fetch the translations of all ``pages`` at once for the rest of the request, where
    API v3 resolves each page's ``translations`` on its own (it passes no context): a v3
    list (api/listing.py, which passes them ``found``) and a sync batch (api/sync.py)."""
    preload = loading.current()
    if preload is None:
        return
    keys = {page.translation_key for page in pages}
    if found is None:
        found = translations_by_key(keys, request)
    remembered = preload.extras.setdefault(TRANSLATIONS_CONTEXT_KEY, {})
    remembered.update({key: found.get(key, []) for key in keys})


def remembered_translations(key: Any) -> dict[Any, list[Page]] | None:
    preload = loading.current()
    remembered = preload.extras.get(TRANSLATIONS_CONTEXT_KEY) if preload is not None else None
    return remembered if remembered is not None and key in remembered else None


def translations_data(page: Page, context: dict | None = None) -> list[dict]:
    context = context or {}
    known = context.get(TRANSLATIONS_CONTEXT_KEY)
    request = context.get("request")
    request = getattr(request, "_request", request)  # DRF wraps Django's request
    if known is None:
        known = remembered_translations(page.translation_key)
    if known is None:
        known = translations_by_key([page.translation_key], request)
    return [
        {
            "locale": other.locale.language_code,
            "id": other.pk,
            "title": other.title,
            "url": other.get_full_url(request),
        }
        for other in known.get(page.translation_key, [])
        if other.pk != page.pk
    ]


class TranslationsField(serializers.Field):
    """The page's other language versions: ``[{"locale", "id", "title", "url"}]``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    # The annotation types the field in API v3's OpenAPI schema.
    def to_representation(self, value) -> list[TranslationData]:
        return translations_data(value, self.context)


def typed_property(annotation: Any) -> serializers.Field:
    """A read-only API field serving a model property as it is, typed ``annotation`` in v3.

    Wagtail's API v3 types a plain property named in ``api_fields`` as "any". A field with a
    serializer it types by the return annotation of the serializer's ``to_representation``
    (its API v2 compatibility shim), so this gives a serializer with that annotation:
    ``APIField("calendar_url", serializer=typed_property(str | None))``. API v2 output is
    the property's value, as for a plain property.
    """

    class PropertyField(serializers.ReadOnlyField):
        def to_representation(self, value):
            return value

    # Set as an object, not a string: the annotation need not be importable from here.
    PropertyField.to_representation.__annotations__ = {"return": annotation}
    return PropertyField()


def common_page_api_fields() -> list[APIField]:
    return [APIField("translations", serializer=TranslationsField())]


def with_common_api_fields(api_fields: list | tuple | None) -> list | None:
    """``api_fields`` plus the fields every page type shares, unless already declared."""
    if api_fields is None:
        # Leave an undeclared list undeclared, so cms.E002 still says what is missing.
        return None
    names = {field.name if isinstance(field, APIField) else field for field in api_fields}
    return [*api_fields, *(f for f in common_page_api_fields() if f.name not in names)]


def rich_text_output(source: str | None, context: dict | None, features=None) -> str | None:
    """A RichTextField as HTML with public, absolute URLs, as blocks do.

    ``?rich_text_format=`` still selects Wagtail's other formats (markdown, db_html).
    """
    if source is None:
        return None
    context = context or {}
    request = context.get("request")
    requested = request.GET.get("rich_text_format") if request is not None else None
    rich_text_format = context.get("_wagtail_rich_text_format") or APIRichText.resolve_format(
        requested
    )
    if rich_text_format == APIRichText.FORMAT_HTML:
        return rich_text_html(source, context)
    return APIRichText.serialize(source, format=rich_text_format, features=features)
