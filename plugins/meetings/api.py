"""API v3 routes of the meetings plugin: upcoming meetings across a site's networks.

Only live pages without view restrictions are ever returned. Venues, sessions and speakers
are resolved in the answer, with a fixed number of queries however many meetings it holds.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.api.v3.errors import as_validation_error
from wagtail.models import Locale, Site

from blocks.representation import rich_text_html
from cms.sites import site_time_zone
from plugins.meetings.calendar import upcoming_meetings
from plugins.meetings.models import MeetingPage
from plugins.meetings.programme import Session, resolve_meetings

router = Router(tags=["meetings"])

MAX_LIMIT = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100


class RoomSchema(Schema):
    name: str
    floor: str
    capacity: int | None


class VenueSchema(Schema):
    id: int
    name: str
    street_address: str
    postal_code: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    map_url: str
    access_notes: str
    rooms: list[RoomSchema]


class SpeakerSchema(Schema):
    name: str
    role: str
    organisation: str
    person_id: int | None = Field(description="The Person snippet, when chosen from the register.")


class SessionSchema(Schema):
    id: str
    start: datetime.datetime
    end: datetime.datetime
    headline: str
    description: str = Field(description="HTML with absolute links.")
    venue: VenueSchema | None
    room: str
    speakers: list[SpeakerSchema]


class NetworkRefSchema(Schema):
    id: int
    title: str
    url: str | None


class MeetingSchema(Schema):
    id: int
    title: str
    url: str | None
    locale: str
    network: NetworkRefSchema | None
    sequence_label: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    status_note: str
    start: datetime.datetime
    end: datetime.datetime
    previous_start: datetime.datetime | None
    venue: VenueSchema | None
    room: str
    online_url: str
    description: str = Field(description="HTML with absolute links.")
    sessions: list[SessionSchema]
    signup_label: str
    signup_url: str
    calendar_url: str | None


class MeetingListSchema(Schema):
    count: int
    items: list[MeetingSchema]


def venue_payload(venue) -> dict | None:
    if venue is None:
        return None
    return {
        "id": venue.pk,
        "name": venue.name,
        "street_address": venue.street_address,
        "postal_code": venue.postal_code,
        "city": venue.city,
        "country": venue.country,
        "latitude": float(venue.latitude) if venue.latitude is not None else None,
        "longitude": float(venue.longitude) if venue.longitude is not None else None,
        "map_url": venue.map_url,
        "access_notes": venue.access_notes,
        "rooms": [
            {"name": room.name, "floor": room.floor, "capacity": room.capacity}
            for room in venue.rooms.all()
        ],
    }


def session_payload(session: Session, context: dict[str, Any]) -> dict:
    return {
        "id": session.id,
        "start": session.start,
        "end": session.end,
        "headline": session.headline,
        "description": rich_text_html(session.description, context),
        "venue": venue_payload(session.venue),
        "room": session.room,
        "speakers": [
            {
                "name": speaker.name,
                "role": speaker.role,
                "organisation": speaker.organisation,
                "person_id": speaker.person.pk if speaker.person else None,
            }
            for speaker in session.speakers
        ],
    }


def meeting_payloads(
    meetings: list[MeetingPage], request: HttpRequest, locale: Locale, networks: dict | None = None
) -> list[dict]:
    """Meetings as MeetingSchema dicts; ``networks`` maps a meeting id to its network page."""
    context = {"request": request}
    resolve_meetings(meetings, locale=locale)
    payloads = []
    for meeting in meetings:
        url = meeting.get_full_url(request=request)
        network = (networks or {}).get(meeting.pk)
        payloads.append(
            {
                "id": meeting.pk,
                "title": meeting.title,
                "url": url,
                "locale": locale.language_code,
                "network": {
                    "id": network.pk,
                    "title": network.title,
                    "url": network.get_full_url(request=request),
                }
                if network is not None
                else None,
                "sequence_label": meeting.sequence_label,
                "kind": meeting.kind,
                "kind_label": meeting.kind_label,
                "status": meeting.status,
                "status_label": meeting.status_label,
                "status_note": meeting.status_note,
                "start": meeting.start,
                "end": meeting.end,
                "previous_start": meeting.previous_start,
                "venue": venue_payload(meeting.resolved_venue),
                "room": meeting.room,
                "online_url": meeting.online_url,
                "description": rich_text_html(meeting.description, context),
                "sessions": [session_payload(session, context) for session in meeting.sessions],
                "signup_label": meeting.signup_label,
                "signup_url": meeting.signup_url,
                "calendar_url": f"{url}ical/" if url else None,
            }
        )
    return payloads


def parents_of(meetings: list[MeetingPage]) -> dict:
    """Each meeting's parent network page (None for stand-alone events), in one query."""
    from wagtail.models import Page

    parent_paths = {meeting.path[: -MeetingPage.steplen]: meeting.pk for meeting in meetings}
    parents = Page.objects.filter(path__in=parent_paths, content_type__model="networkpage")
    by_path = {parent.path: parent for parent in parents}
    return {meeting.pk: by_path.get(meeting.path[: -MeetingPage.steplen]) for meeting in meetings}


def _site(request: HttpRequest, site_id: int | None) -> Site:
    if site_id is None:
        site = Site.find_for_request(request)
        if site is None:
            raise HttpError(404, "No site answers this host; pass ?site=<id>.")
        return site
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        raise as_validation_error(
            LookupError(), f"There is no site with id {site_id}.", loc=("query", "site")
        )
    return site


def _locale(site: Site, language: str | None) -> Locale:
    if language is None:
        return site.root_page.locale
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise as_validation_error(
            LookupError(), f"'{language}' is not a language of this site.", loc=("query", "locale")
        )
    return locale


class UpcomingParams(Schema):
    site: int | None = Field(None, description="Site id; defaults to the site of the host.")
    locale: str | None = Field(None, description="Language code; defaults to the site's own.")
    date_from: datetime.date | None = Field(None, alias="from", description="First local day.")
    date_to: datetime.date | None = Field(None, alias="to", description="Last local day.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


@router.get(
    "/upcoming/",
    response=MeetingListSchema,
    url_name="meetings_upcoming",
    summary="Upcoming meetings of a site",
    operation_id="meetings_upcoming",
)
def upcoming(request: HttpRequest, params: Query[UpcomingParams]):
    """Meetings that are not yet past, soonest first, in every network and event index."""
    date_from, date_to = params.date_from, params.date_to
    limit, offset = params.limit, params.offset
    if date_from and date_to and date_to < date_from:
        raise as_validation_error(
            ValueError(), "'to' must not be before 'from'.", loc=("query", "to")
        )
    the_site = _site(request, params.site)
    the_locale = _locale(the_site, params.locale)
    zone = site_time_zone(the_site)
    queryset = upcoming_meetings(the_site, the_locale)
    if date_from:
        queryset = queryset.filter(
            end__gte=datetime.datetime.combine(date_from, datetime.time.min, tzinfo=zone)
        )
    if date_to:
        queryset = queryset.filter(
            start__lt=datetime.datetime.combine(
                date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
            )
        )
    count = queryset.count()
    meetings = list(queryset.select_related("venue")[offset : offset + limit])
    with translation.override(the_locale.language_code), timezone.override(zone):
        items = meeting_payloads(meetings, request, the_locale, parents_of(meetings))
    return {"count": count, "items": items}


def routers() -> list[tuple[str, Router]]:
    return [("meetings", router)]
