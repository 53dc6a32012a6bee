"""Open data views: JSON exports of meetings and councils, and the councils' calendars."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from api.access import APIParameterError, can_read_closed, pages_queryset
from cms.public import conditional_response, is_shareable
from plugins.minutes.access import PERMISSION
from plugins.minutes.calendar import council_calendar_bytes
from plugins.minutes.export import SCHEMA_PATH, ocd_event
from plugins.minutes.export import council_export as build_council_export
from plugins.minutes.models import CouncilPage, MinutesPage


def _page(request: HttpRequest, model, page_id: int):
    """The page if the request may see it, in the active language when translated.

    Exports and calendars are machine channels: a token's user decides, never a session
    (cms/visibility.py).
    """
    try:
        pages = pages_queryset(request, model, drafts=False).select_related("locale")
    except APIParameterError as error:
        raise Http404(error.message) from error
    page = pages.filter(pk=page_id).first()
    if page is None:
        raise Http404(_("No such page."))
    translation = page.localized
    if translation.pk != page.pk and pages.filter(pk=translation.pk).exists():
        return translation.specific
    return page


def _cache_control(request: HttpRequest, public: str) -> str:
    # Only an answer for a request with no session and no credential may be shared: a
    # token may have opened a restricted page or closed items.
    return public if is_shareable(request) else "private, no-store"


def _json(request: HttpRequest, data: dict) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = _cache_control(request, "public, max-age=300")
    response["Vary"] = "Authorization, Cookie, Accept-Language"
    return response


@require_GET
def meeting_export(request: HttpRequest, page_id: int) -> JsonResponse:
    page = _page(request, MinutesPage, page_id)
    full = can_read_closed(request, PERMISSION)
    return _json(request, ocd_event(page, {"request": request}, full=full))


@require_GET
def council_export(request: HttpRequest, page_id: int) -> JsonResponse:
    council = _page(request, CouncilPage, page_id)
    full = can_read_closed(request, PERMISSION)
    return _json(request, build_council_export(council, {"request": request}, full=full))


@require_GET
def council_calendar(request: HttpRequest, page_id: int) -> HttpResponse:
    council = _page(request, CouncilPage, page_id)
    response = HttpResponse(
        council_calendar_bytes(council, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="council-{council.pk}.ics"'
    return conditional_response(request, response, max_age=900)


@require_GET
def export_schema(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(json.loads(SCHEMA_PATH.read_text()))
    response["Access-Control-Allow-Origin"] = "*"
    return response
