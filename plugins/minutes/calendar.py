"""iCalendar feed of a council's coming meetings."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import PageLogEntry

from cms.public import site_time_zone
from plugins.minutes.choices import DocumentStatus
from plugins.minutes.models import CouncilPage, MinutesPage
from plugins.minutes.presentation import redact

#: Meetings stay in the feed for a day after they start, so today's meeting is still there.
GRACE = timedelta(days=1)


def publish_counts(page_ids: list[int]) -> dict[int, int]:
    """How many times each page was published (Wagtail's log), in one query."""
    rows = (
        PageLogEntry.objects.filter(page_id__in=page_ids, action="wagtail.publish")
        .values("page_id")
        .annotate(count=Count("id"))
    )
    return {row["page_id"]: row["count"] for row in rows}


def council_calendar_bytes(council: CouncilPage, request: HttpRequest) -> bytes:
    zone = site_time_zone(council.get_site())
    calendar = Calendar()
    calendar.add("prodid", "-//Tingsted//Council minutes//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", council.title)
    calendar.add("x-wr-timezone", zone.key)
    meetings = list(
        council.meetings()
        .filter(start__gte=timezone.now() - GRACE)
        .order_by("start")
        .select_related("venue")
    )
    items = MinutesPage.items_of(meetings)
    sequences = publish_counts([meeting.pk for meeting in meetings])
    host = request.get_host().split(":")[0]
    for meeting in meetings:
        event = Event()
        # The translation key is shared by every translation of a meeting: one event,
        # whichever language's feed a calendar subscribes to.
        event.add("uid", f"minutes-{meeting.translation_key}@{host}")
        event.add("summary", f"{council.title}: {meeting.title}")
        start = meeting.start.astimezone(zone)
        event.add("dtstart", start)
        event.add("dtend", (meeting.end or meeting.start + timedelta(hours=2)).astimezone(zone))
        event.add("dtstamp", (meeting.last_published_at or timezone.now()).astimezone(zone))
        # RFC 5545 SEQUENCE: 0 for the first publication, one more for each republication,
        # so a subscribed calendar replaces its copy when the time or the place changes.
        event.add("sequence", max(sequences.get(meeting.pk, 1) - 1, 0))
        url = meeting.get_full_url(request=request)
        if url:
            event.add("url", url)
        venue = meeting.venue.localized if meeting.venue_id else None
        if venue is not None:
            place = [
                meeting.room,
                venue.name,
                venue.street_address,
                f"{venue.postal_code} {venue.city}",
            ]
            event.add("location", ", ".join(part for part in place if part))
        # Titles only, and closed items through the same redaction as everywhere else.
        lines = [_("Agenda") + ":"] if meeting.document_status == DocumentStatus.AGENDA else []
        for item in items.get(meeting.pk, []):
            shown = redact(item) if item.is_closed else item
            suffix = f" ({_('closed item')})" if shown.is_closed else ""
            lines.append(f"{shown.number}. {shown.title}{suffix}")
        if meeting.introduction:
            lines.insert(0, meeting.introduction)
        event.add("description", "\n".join(lines))
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
