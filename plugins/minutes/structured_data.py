"""schema.org JSON-LD: a meeting is an Event organised by its council."""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from blocks.representation import absolute


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON safe inside <script>: no '</script>' or HTML comment can close it early."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return mark_safe(text)


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
    return json_ld({"@context": "https://schema.org", **organisation(council, request)})


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
    if venue is not None:
        place: dict[str, Any] = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street_address,
                "postalCode": venue.postal_code,
                "addressLocality": venue.city,
                "addressCountry": venue.country,
            },
        }
        if venue.latitude is not None and venue.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        data["location"] = place
    else:
        data["location"] = {"@type": "Place", "name": page.room or council.title if council else ""}
    if request is not None:
        data["url"] = absolute(data["url"], {"request": request})
    return json_ld(data)
