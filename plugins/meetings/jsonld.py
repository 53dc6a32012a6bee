"""schema.org JSON-LD for meetings (Event) and their organiser (Organization)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString

from cms.public import plain_text, to_script
from plugins.meetings.choices import MeetingKind, MeetingStatus

if TYPE_CHECKING:
    from plugins.meetings.models import MeetingPage
from plugins.people.interface import organization, person, place

EVENT_STATUS = {
    MeetingStatus.PLANNED: "https://schema.org/EventScheduled",
    MeetingStatus.CONFIRMED: "https://schema.org/EventScheduled",
    MeetingStatus.NOT_CONFIRMED: "https://schema.org/EventScheduled",
    MeetingStatus.POSTPONED: "https://schema.org/EventRescheduled",
    MeetingStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def _attendance_mode(meeting: MeetingPage) -> str:
    if meeting.online_url and meeting.venue_id:
        return "https://schema.org/MixedEventAttendanceMode"
    if meeting.online_url or meeting.kind == MeetingKind.WEBINAR:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def event_data(meeting: MeetingPage, request: HttpRequest | None = None) -> dict:
    """An Event for a meeting resolved with plugins.meetings.programme.resolve_meetings."""
    zone = timezone.get_current_timezone()
    venue = getattr(meeting, "resolved_venue", None)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "startDate": timezone.localtime(meeting.start, zone).isoformat(),
        "endDate": timezone.localtime(meeting.end, zone).isoformat(),
        "eventStatus": EVENT_STATUS[MeetingStatus(meeting.status)],
        "eventAttendanceMode": _attendance_mode(meeting),
    }
    url = meeting.get_full_url(request=request)
    if url:
        data["url"] = url
    if meeting.description:
        data["description"] = plain_text(meeting.description)
    if meeting.status == MeetingStatus.POSTPONED and meeting.previous_start:
        data["previousStartDate"] = timezone.localtime(meeting.previous_start, zone).isoformat()
    locations = []
    venue_place = place(venue, meeting.room)
    if venue_place:
        locations.append(venue_place)
    if meeting.online_url:
        locations.append({"@type": "VirtualLocation", "url": meeting.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    performers, seen = [], set()
    sub_events = []

    def as_people(speakers) -> list[dict]:
        return [
            person(
                speaker.name,
                speaker.role,
                speaker.organisation,
                speaker.affiliation,
                speaker.further_roles,
            )
            for speaker in speakers
            if speaker.name
        ]

    # The meeting's own speakers first: the event's performers, with no subEvent.
    for performer in as_people(getattr(meeting, "resolved_speakers", [])):
        if performer["name"] not in seen:
            seen.add(performer["name"])
            performers.append(performer)
    for session in getattr(meeting, "sessions", []):
        session_performers = as_people(session.speakers)
        for performer in session_performers:
            if performer["name"] not in seen:
                seen.add(performer["name"])
                performers.append(performer)
        if session.whole_meeting:
            continue  # the event itself: its performers are the event's
        sub_event = {
            "@type": "Event",
            "name": session.headline,
            "startDate": session.start.isoformat(),
            "endDate": session.end.isoformat(),
            "eventStatus": data["eventStatus"],
        }
        if session.description:
            sub_event["description"] = plain_text(session.description)
        session_place = place(session.venue or venue, session.room)
        if session_place:
            sub_event["location"] = session_place
        if session_performers:
            sub_event["performer"] = session_performers
        sub_events.append(sub_event)
    if performers:
        data["performer"] = performers
    if sub_events:
        data["subEvent"] = sub_events
    if hasattr(meeting, "resolved_organiser"):
        organiser = meeting.resolved_organiser
    else:
        organiser = meeting.effective_organiser
        organiser = organiser.localized if organiser is not None else None
    if organiser is not None:
        data["organizer"] = organization(organiser, request)
    return data


def meeting_json_ld(meeting: MeetingPage, request: HttpRequest | None = None) -> SafeString:
    return to_script(event_data(meeting, request))
