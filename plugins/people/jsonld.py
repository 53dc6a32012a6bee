"""schema.org builders for what the people plugin owns: Place, Person, Organization.

The public interface other plugins (meetings, networks, blog, minutes) use for their
JSON-LD, so a venue, a speaker or an organiser reads the same on every page type. Each
builder takes rows already resolved in the page's language and returns a dict (or None when
there is nothing to describe); ``cms.jsonld`` turns the finished document into script text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest

from blocks.representation import absolute


def place(venue, room: str = "", *, default_name: str = "") -> dict[str, Any] | None:
    """A Place for ``venue`` (address, coordinates, map), named "venue, room" for a room.

    Without a venue, a Place named by the room alone, else by ``default_name``; None when
    neither gives a name.
    """
    if venue is None:
        name = room or default_name
        return {"@type": "Place", "name": name} if name else None
    data: dict[str, Any] = {
        "@type": "Place",
        "name": f"{venue.name}, {room}" if room else venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postal_code,
            "addressLocality": venue.city,
            "addressCountry": venue.country,
        },
    }
    if venue.latitude is not None and venue.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    if venue.map_url:
        data["hasMap"] = venue.map_url
    return data


def person(
    name: str,
    role: str = "",
    organisation: str = "",
    affiliation: str = "",
    further_roles: Iterable[tuple[str, str]] = (),
) -> dict[str, Any]:
    """A Person with its job title, the organisation it works for and the party or group
    it belongs to (``affiliation``, an abbreviation: ``memberOf`` with an alternate name).

    A person with further roles ((role, organisation) pairs) has every title in
    ``jobTitle`` and every organisation in ``affiliation``, main role first (lists only
    when there is more than one)."""
    data: dict[str, Any] = {"@type": "Person", "name": name}
    titles = [title for title in (role, *(pair[0] for pair in further_roles)) if title]
    organisations: list[str] = []
    for each in (organisation, *(pair[1] for pair in further_roles)):
        if each and each not in organisations:
            organisations.append(each)
    if titles:
        data["jobTitle"] = titles[0] if len(titles) == 1 else titles
    if organisations:
        found = [{"@type": "Organization", "name": each} for each in organisations]
        data["affiliation"] = found[0] if len(found) == 1 else found
    if affiliation:
        data["memberOf"] = {"@type": "Organization", "alternateName": affiliation}
    return data


def person_of(row) -> dict[str, Any]:
    """A Person for a row of the register (``plugins.people.models.Person``)."""
    # ``shown_organisation``: the organisation in the page's language, where the caller
    # localised it (a person's organisation link is the same in every translation).
    shown = getattr(row, "shown_organisation", None)
    organisation = shown.name if shown else (row.organisation.name if row.organisation_id else "")
    return person(
        row.name,
        row.role,
        organisation,
        getattr(row, "affiliation", ""),
        getattr(row, "further_role_pairs", ()),
    )


def organization(organisation, request: HttpRequest | None = None) -> dict[str, Any] | None:
    """An Organization for a row of the register: name, website, logo, description."""
    if organisation is None:
        return None
    data: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        data["url"] = organisation.website
    if organisation.logo_id:
        data["logo"] = absolute(organisation.logo.file.url, {"request": request})
    if organisation.description:
        data["description"] = organisation.description
    return data
