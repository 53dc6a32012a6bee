"""Open data: meetings as Open Civic Data events, councils as lists of them.

The shape follows the Open Civic Data event model (``_type: event`` with ``agenda``,
``participants``, ``documents``, ``location``...); Tingsted's own facts that OCD has no
field for (document status, recommendation, decision) go in ``extras``, as OCD intends.
docs/open-data.md documents every field; plugins/minutes/schemas/minutes-export.schema.json
is the JSON Schema the tests validate the output against.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language

from blocks.representation import absolute, rich_text_html
from cms.public import localize
from plugins.minutes.choices import Attendance, DocumentStatus
from plugins.minutes.models import CouncilPage, MinutesPage
from plugins.minutes.presentation import (
    RedactedItem,
    council_links,
    meeting_times,
    members_json,
    outcome_label,
    page_url,
    status_label,
    visible_items,
)

SCHEMA_PATH = Path(__file__).parent / "schemas" / "minutes-export.schema.json"


def ocd_event(
    page: MinutesPage,
    context: dict[str, Any],
    *,
    full: bool,
    items: list | None = None,
    council: CouncilPage | None = None,
) -> dict[str, Any]:
    """One meeting as an OCD event. Closed items are redacted unless ``full``."""
    from django.urls import reverse

    council = council or page.get_parent().specific
    times = meeting_times(page)
    url = page_url(page, context)
    shown = visible_items(items if items is not None else page.loaded_items(), full)
    attendance = page.loaded_attendance()
    people = localize(row.person for row in attendance)
    venue = page.venue.localized if page.venue_id else None
    upcoming = page.start >= timezone.now()
    return {
        "_type": "event",
        "id": f"ocd-event/{page.translation_key}",
        "name": page.title,
        "description": page.introduction,
        "classification": "committee-meeting",
        "start_date": times["start"],
        "end_date": times["end"] or "",
        "timezone": times["time_zone"],
        "all_day": False,
        "status": "confirmed" if upcoming else "passed",
        "location": _location(page, venue),
        "participants": [
            {"entity_type": "organization", "name": council.title, "note": "host"},
            *(
                {
                    "entity_type": "person",
                    "name": people[row.person].name,
                    "note": _attendance_note(row),
                }
                for row in attendance
            ),
        ],
        "documents": [
            {
                "note": "agenda" if page.document_status == DocumentStatus.AGENDA else "minutes",
                "date": times["start"][:10],
                "media_type": "text/html",
                "url": url,
            }
        ],
        "media": [],
        "links": [
            {"note": "council", "url": page_url(council, context)},
            {
                "note": "json",
                "url": absolute(reverse("minutes:meeting_export", args=[page.pk]), context),
            },
        ],
        "sources": [{"note": "Tingsted", "url": url}],
        "agenda": [_agenda_item(item, context) for item in shown],
        "updated_at": (page.last_published_at or page.latest_revision_created_at or page.start)
        .astimezone(timezone.get_current_timezone())
        .isoformat(),
        "extras": {
            "language": page.locale.language_code,
            "document_status": page.document_status,
            "document_status_label": status_label(page.document_status),
            "council_id": council.pk,
            "page_id": page.pk,
            "room": page.room,
        },
    }


def _attendance_note(row) -> str:
    if row.status == Attendance.PRESENT:
        return "present"
    return "absent, notice given" if row.notice_given else "absent"


def _location(page: MinutesPage, venue) -> dict[str, Any] | None:
    if venue is None:
        return None
    address = ", ".join(
        part for part in (venue.street_address, f"{venue.postal_code} {venue.city}".strip()) if part
    )
    coordinates = None
    if venue.latitude is not None and venue.longitude is not None:
        coordinates = {"latitude": str(venue.latitude), "longitude": str(venue.longitude)}
    return {
        "name": venue.name,
        "note": "; ".join(part for part in (page.room, address) if part),
        "coordinates": coordinates,
    }


def _agenda_item(item, context: dict[str, Any]) -> dict[str, Any]:
    if isinstance(item, RedactedItem):
        return {
            "order": item.number,
            "description": item.title,
            "classification": ["closed"],
            "extras": {"closed": True},
        }
    return {
        "order": item.number,
        "description": item.title,
        "classification": ["closed" if item.is_closed else "open"],
        "subjects": [item.case_number] if item.case_number else [],
        "notes": [],
        "related_entities": [
            {
                "entity_type": "person",
                "name": participant["name"],
                "note": participant["role"],
            }
            for participant in item.shown_participants
        ],
        "media": [
            {
                "note": attachment.document.title,
                "date": "",
                "links": [
                    {
                        "media_type": _media_type(attachment.document),
                        "url": absolute(attachment.document.url, context),
                        "size": attachment.document.file_size,
                    }
                ],
            }
            for attachment in item.attachments.all()
        ],
        "extras": {
            "closed": item.is_closed,
            "case_number": item.case_number,
            "summary": rich_text_html(item.summary, context),
            "recommendation": rich_text_html(item.recommendation, context),
            "participants_note": item.participants_note,
            "decision": {
                "outcome": item.decision_outcome or None,
                "label": outcome_label(item.decision_outcome) or None,
                "text": rich_text_html(item.decision_text, context),
            },
        },
    }


def _media_type(document) -> str:
    import mimetypes

    return mimetypes.guess_type(document.filename)[0] or "application/octet-stream"


def council_export(council: CouncilPage, context: dict[str, Any], *, full: bool) -> dict[str, Any]:
    """A council with all its live, public meetings (newest first) as OCD events."""
    meetings = list(council.meetings().select_related("locale"))
    items = MinutesPage.items_of(meetings)
    return {
        "_type": "council",
        "id": f"tingsted-council/{council.translation_key}",
        "name": council.title,
        "description": rich_text_html(council.description, context),
        "url": page_url(council, context),
        "language": get_language(),
        "members": members_json(council, context),
        "links": council_links(council, context),
        "events": [
            ocd_event(meeting, context, full=full, items=items.get(meeting.pk, []), council=council)
            for meeting in meetings
        ],
    }
