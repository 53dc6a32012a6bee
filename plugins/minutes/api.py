"""API v3 routes for councils and meetings: /api/v3/minutes/...

Wagtail's generic page endpoints show agenda items only in their public form (see
plugins/minutes/serializers.py). These routes are the one place where a caller with an
API token whose user may see closed items gets them in full; their responses are then
marked private so no shared cache keeps them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from api.access import pages_queryset
from plugins.minutes.access import can_see_closed_items
from plugins.minutes.api_types import (
    AgendaItemOut,
    AttendanceOut,
    DocumentStatusValue,
    MemberOut,
)
from plugins.minutes.models import CouncilPage, MinutesPage
from plugins.minutes.presentation import (
    attendance_json,
    council_links,
    council_reference_ids,
    item_json,
    meeting_times,
    members_json,
    minutes_person_ids,
    page_url,
    status_label,
    visible_items,
)
from plugins.people.interface import (
    OrganisationData,
    PersonEntryData,
    VenueData,
    referenced_organisations,
    referenced_people,
    referenced_people_organisations,
)

PEOPLE = Field(description="Everyone `person_id` names in this answer, keyed by that id.")
ORGANISATIONS = Field(
    description="Every organisation `organisation_id` names in this answer, keyed by that id."
)

AUTH = [BearerTokenAuth(), AllowAnonymous()]


class CouncilOut(Schema):
    id: int
    title: str
    url: str | None
    locale: str
    description: str
    members: list[MemberOut]
    people: dict[str, PersonEntryData] = PEOPLE
    organisations: dict[str, OrganisationData] = ORGANISATIONS
    export_url: str
    calendar_url: str

    @staticmethod
    def resolve_url(obj: CouncilPage, context: dict) -> str | None:
        return page_url(obj, context)

    @staticmethod
    def resolve_locale(obj: CouncilPage) -> str:
        return obj.locale.language_code

    @staticmethod
    def resolve_members(obj: CouncilPage, context: dict) -> list[dict[str, Any]]:
        return members_json(obj, context)

    @staticmethod
    def resolve_people(obj: CouncilPage, context: dict) -> dict[str, Any]:
        return referenced_people(council_reference_ids(obj)[0], context)

    @staticmethod
    def resolve_organisations(obj: CouncilPage, context: dict) -> dict[str, Any]:
        people, organisations = council_reference_ids(obj)
        return {
            **referenced_organisations(organisations, context),
            **referenced_people_organisations(people, context),
        }

    @staticmethod
    def resolve_export_url(obj: CouncilPage, context: dict) -> str:
        return council_links(obj, context)["export"]

    @staticmethod
    def resolve_calendar_url(obj: CouncilPage, context: dict) -> str:
        return council_links(obj, context)["calendar"]


class MeetingSummaryOut(Schema):
    id: int
    title: str
    url: str | None
    locale: str
    start: datetime.datetime = Field(description="With the offset of the site's time zone.")
    end: datetime.datetime | None
    time_zone: str = Field(description="The site's IANA time zone, e.g. Europe/Copenhagen.")
    document_status: DocumentStatusValue  # type: ignore[valid-type]
    document_status_label: str

    @staticmethod
    def resolve_url(obj, context: dict) -> str | None:
        return obj["url"] if isinstance(obj, dict) else page_url(obj, context)

    @staticmethod
    def resolve_locale(obj) -> str:
        return obj["locale"] if isinstance(obj, dict) else obj.locale.language_code

    @staticmethod
    def resolve_start(obj) -> str:
        return obj["start"] if isinstance(obj, dict) else meeting_times(obj)["start"]

    @staticmethod
    def resolve_end(obj) -> str | None:
        return obj["end"] if isinstance(obj, dict) else meeting_times(obj)["end"]

    @staticmethod
    def resolve_time_zone(obj) -> str:
        return obj["time_zone"] if isinstance(obj, dict) else meeting_times(obj)["time_zone"]

    @staticmethod
    def resolve_document_status_label(obj) -> str:
        if isinstance(obj, dict):
            return obj["document_status_label"]
        return status_label(obj.document_status)


class MeetingOut(MeetingSummaryOut):
    council_id: int
    introduction: str
    venue: VenueData | None
    room: str
    attendance: list[AttendanceOut]
    #: Closed items the caller may not see have number, title and closed only.
    agenda: list[AgendaItemOut]
    closed_items_visible: bool
    people: dict[str, PersonEntryData] = PEOPLE
    organisations: dict[str, OrganisationData] = ORGANISATIONS


router = Router(tags=["minutes"])


def _context(request: HttpRequest) -> dict[str, Any]:
    return {"request": request}


def _summary(page: MinutesPage, context: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page_url(page, context),
        "locale": page.locale.language_code,
        **meeting_times(page),
        "document_status": page.document_status,
        "document_status_label": status_label(page.document_status),
    }


def _private_if(response: HttpResponse, full: bool) -> None:
    response["Vary"] = "Authorization"
    if full:
        response["Cache-Control"] = "private, no-store"


@router.get("/councils/", response=list[CouncilOut], auth=AUTH, url_name="minutes_councils")
@paginate(WagtailLimitOffsetPagination)
def list_councils(request: HttpRequest, locale: str | None = None):
    """Councils on the requested site (``?site=``, or the host's), optionally in one locale."""
    councils = pages_queryset(request, CouncilPage, drafts=False).select_related("locale")
    if locale:
        councils = councils.filter(locale__language_code=locale)
    return councils.order_by("path")


@router.get(
    "/councils/{council_id}/meetings/",
    response=list[MeetingSummaryOut],
    auth=AUTH,
    url_name="minutes_council_meetings",
)
@paginate(WagtailLimitOffsetPagination)
def list_meetings(request: HttpRequest, council_id: int):
    """A council's meetings, newest first."""
    council = get_object_or_404(pages_queryset(request, CouncilPage, drafts=False), pk=council_id)
    return (
        pages_queryset(request, MinutesPage, drafts=False)
        .child_of(council)
        .select_related("locale")
        .order_by("-start")
    )


@router.get(
    "/meetings/{meeting_id}/",
    response=MeetingOut,
    auth=AUTH,
    exclude_unset=True,
    url_name="minutes_meeting",
)
def get_meeting(request: HttpRequest, meeting_id: int, response: HttpResponse):
    """One meeting with its agenda. Closed items are in full only for a token whose user
    has the "Can see closed agenda items" permission."""
    from plugins.people.interface import venue_data

    meeting = get_object_or_404(
        pages_queryset(request, MinutesPage, drafts=False).select_related("locale", "venue"),
        pk=meeting_id,
    )
    full = can_see_closed_items(request)
    _private_if(response, full)
    context = _context(request)
    named = minutes_person_ids(meeting, full)
    return {
        **_summary(meeting, context),
        "council_id": meeting.get_parent().pk,
        "introduction": meeting.introduction,
        "venue": venue_data(meeting.venue, context),
        "room": meeting.room,
        "attendance": attendance_json(meeting, context),
        "agenda": [
            item_json(item, context) for item in visible_items(meeting.loaded_items(), full)
        ],
        "closed_items_visible": full,
        "people": referenced_people(named, context),
        "organisations": referenced_people_organisations(named, context),
    }


def routers() -> list[tuple[str, Router]]:
    return [("minutes", router)]
