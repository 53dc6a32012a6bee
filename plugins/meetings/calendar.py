"""iCalendar (RFC 5545) feeds: one meeting, one network's meetings, a site's upcoming ones.

Mapping decisions an external calendar depends on:

* UID is ``meeting-<translation key>-<language>@<site hostname>``: stable across edits and
  moves, distinct per language so a Danish and an English subscription never collide.
* SEQUENCE is ``MeetingPage.calendar_sequence``, which grows by one on every publish;
  LAST-MODIFIED is the last publish time. Clients update their copy when either grows.
* STATUS: confirmed -> CONFIRMED, not yet confirmed and postponed -> TENTATIVE,
  cancelled -> CANCELLED, planned -> none (RFC 5545 leaves it open). Google Calendar drops
  cancelled events silently, so a cancelled meeting's SUMMARY also starts with "Cancelled".
* Times are local to the site's time zone with TZID and a VTIMEZONE block.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vGeo
from wagtail.models import Site

from cms.public import all_locales, conditional_response, plain_text, request_scope
from plugins.meetings.choices import MeetingStatus
from plugins.people.interface import Venue

if TYPE_CHECKING:
    from plugins.meetings.models import MeetingPage

PRODID = "-//Tingsted//Meetings//EN"
#: Seconds a calendar client or proxy may keep a calendar before asking again (then 304).
CALENDAR_MAX_AGE = 900

ICAL_STATUS = {
    MeetingStatus.CONFIRMED: "CONFIRMED",
    MeetingStatus.NOT_CONFIRMED: "TENTATIVE",
    MeetingStatus.POSTPONED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def meeting_uid(meeting: MeetingPage, language: str, hostname: str) -> str:
    return f"meeting-{meeting.translation_key}-{language}@{hostname}"


def summary(meeting: MeetingPage) -> str:
    if meeting.status == MeetingStatus.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": meeting.title}
    if meeting.status == MeetingStatus.POSTPONED:
        return _("Postponed: %(title)s") % {"title": meeting.title}
    return meeting.title


def location(venue: Venue | None, room: str = "") -> str:
    if venue is None:
        return ""
    parts = [venue.name, room, venue.street_address, f"{venue.postal_code} {venue.city}".strip()]
    return ", ".join(part for part in parts if part)


def build_calendar(meetings: Iterable[MeetingPage], request: HttpRequest, *, name: str) -> Calendar:
    meetings = list(meetings)
    zone = timezone.get_current_timezone()
    site = Site.find_for_request(request)
    hostname = site.hostname if site else request.get_host().split(":")[0]
    locales = {locale.pk: code for code, locale in all_locales(request).items()}
    with request_scope() as loader:
        venues = loader.rows_by_id(Venue, [meeting.venue_id for meeting in meetings])
    stamp = timezone.now()

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(zone))
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting_uid(meeting, locales.get(meeting.locale_id, ""), hostname))
        # When this version of the event was issued: its publication, so an unchanged
        # calendar is byte for byte the same and a poll gets 304 (cms.conditional).
        event.add(
            "dtstamp",
            meeting.last_published_at
            or meeting.latest_revision_created_at
            or meeting.first_published_at
            or stamp,
        )
        event.add("dtstart", timezone.localtime(meeting.start, zone))
        event.add("dtend", timezone.localtime(meeting.end, zone))
        event.add("summary", summary(meeting))
        if meeting.status in ICAL_STATUS:
            event.add("status", ICAL_STATUS[meeting.status])
        event.add("sequence", meeting.calendar_sequence)
        if meeting.last_published_at:
            event.add("last-modified", meeting.last_published_at)
        url = meeting.get_full_url(request=request)
        if url:
            event.add("url", url)
        venue = venues.get(meeting.venue_id)
        place = location(venue, meeting.room) or meeting.online_url
        if place:
            event.add("location", place)
        if venue is not None and venue.latitude is not None and venue.longitude is not None:
            event.add("geo", vGeo((float(venue.latitude), float(venue.longitude))))
        description = plain_text(meeting.description)
        if meeting.status_note:
            note = meeting.status_note.strip()
            # Editors often begin the note with the status itself ("Cancelled because …").
            if not note.casefold().startswith(str(meeting.status_label).casefold()):
                note = f"{meeting.status_label}: {note}"
            description = f"{note}\n\n{description}".strip()
        if description:
            event.add("description", description)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(
    meetings: Iterable[MeetingPage], request: HttpRequest, *, name: str, filename: str
) -> HttpResponse:
    calendar = build_calendar(meetings, request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return conditional_response(request, response, max_age=CALENDAR_MAX_AGE)
