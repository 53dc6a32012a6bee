"""Translation status and sync for API token holders (Wagtail's API v3 has no localize routes).

Mounted at ``/api/v3/translations/`` through the plugin contract's ``api_routers`` hook.
Both routes need a bearer token; the token's user needs
``tingsted_translation.view_translation_status`` to read and
``tingsted_translation.sync_translations`` to sync (403 otherwise).
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from plugins.translation import status
from plugins.translation.sync import sync_translations

router = Router(tags=["translations"], auth=BearerTokenAuth())


class TranslationStatusSchema(Schema):
    locale: str
    #: up_to_date, outdated, in_progress, missing or source.
    state: str
    percent: int | None
    in_review: bool
    last_synced_at: datetime | None
    page_id: int | None


class PageTranslationsSchema(Schema):
    id: int
    title: str
    locale: str
    translations: list[TranslationStatusSchema]


class SyncRequestSchema(Schema):
    #: False keeps every synced translation as a draft; True publishes except in
    #: locales that require review (TINGSTED_TRANSLATION_REVIEW_LOCALES).
    publish: bool = True


class LocaleSyncSchema(Schema):
    locale: str
    outcome: str
    untranslated: list[str]


class SyncResponseSchema(Schema):
    source_changed: bool
    locales: list[LocaleSyncSchema]
    status: PageTranslationsSchema


def _source_page(page_id: int) -> Page:
    """The page translations are made from, also when asked about one of its translations."""
    page = get_object_or_404(Page.objects.select_related("locale"), pk=page_id)
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .values_list("locale_id", flat=True)
        .first()
    )
    if source is not None and source != page.locale_id:
        page = Page.objects.select_related("locale").get(
            translation_key=page.translation_key, locale_id=source
        )
    return page


def _status(page: Page, user) -> dict:
    cells = status.page_status(page, user)
    if cells is None:
        # Private or never published, and not the user's to edit or translate: as if the
        # page did not exist, so its title and existence stay hidden.
        raise Http404
    return {
        "id": page.pk,
        "title": page.title,
        "locale": page.locale.language_code,
        "translations": [
            {
                "locale": code,
                "state": cell.state,
                "percent": cell.percent,
                "in_review": cell.in_review,
                "last_synced_at": cell.last_synced_at,
                "page_id": cell.target_id,
            }
            for code, cell in cells.items()
        ],
    }


@router.get(
    "/pages/{page_id}/",
    response=PageTranslationsSchema,
    url_name="translation_status",
    summary="Translation status of a page",
    operation_id="translations_page_status",
)
def page_translations(request: HttpRequest, page_id: int):
    if not request.user.has_perm("tingsted_translation.view_translation_status"):
        raise PermissionDenied
    return _status(_source_page(page_id), request.user)


@router.post(
    "/pages/{page_id}/sync/",
    response=SyncResponseSchema,
    url_name="translation_sync",
    summary="Sync a page's translations with its source",
    operation_id="translations_page_sync",
)
def sync_page_translations(
    request: HttpRequest,
    page_id: int,
    data: SyncRequestSchema | None = Body(None),  # noqa: B008 - ninja's way to declare a body
):
    if not request.user.has_perm("tingsted_translation.sync_translations"):
        raise PermissionDenied
    page = _source_page(page_id)
    # As in the admin (plugins/translation/guards.py): only someone who may edit the source.
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).exists():
        raise HttpError(
            409,
            "This page has no translations made with wagtail-localize yet: translate it "
            "first (admin: 'Translate this page').",
        )
    result = sync_translations(page, user=request.user, publish=data.publish if data else True)
    return {
        "source_changed": result.source_changed,
        "locales": [
            {"locale": item.locale, "outcome": item.outcome, "untranslated": item.untranslated}
            for item in result.locales
        ],
        "status": _status(page, request.user),
    }


def routers() -> list[tuple[str, Router]]:
    return [("translations", router)]
