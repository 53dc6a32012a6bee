"""schema.org JSON-LD: a meeting is an Event organised by its council."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString

from blocks.representation import absolute
from cms.public import to_script
from plugins.people.interface import place


def organisation(council, request) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "name": council.title,
        "url": council.get_full_url(request=request),
    }
    for block in council.secretariat:
        value = block.value
        if value.get("email"):
            data["email"] = value["email"]
        if value.get("phone"):
            data["telephone"] = value["phone"]
        if value.get("address"):
            data["address"] = ", ".join(line for line in value["address"].splitlines() if line)
        break
    return data


def council_json_ld(council, request) -> SafeString:
    return to_script({"@context": "https://schema.org", **organisation(council, request)})


def meeting_json_ld(page, council, venue, request) -> SafeString:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": f"{council.title}: {page.title}" if council else page.title,
        # In the zone the page is shown in (the middleware activates the site's zone).
        "startDate": timezone.localtime(page.start).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": page.get_full_url(request=request),
        "inLanguage": page.locale.language_code,
    }
    if page.end:
        data["endDate"] = timezone.localtime(page.end).isoformat()
    if page.introduction:
        data["description"] = page.introduction
    if council is not None:
        data["organizer"] = organisation(council, request)
    # The room names the place inside the venue, or the place itself without one.
    location = place(venue, page.room, default_name=council.title if council else "")
    if location:
        data["location"] = location
    if request is not None:
        data["url"] = absolute(data["url"], {"request": request})
    return to_script(data)
