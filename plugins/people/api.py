"""JSON for people, organisations and venues, shared by blocks, API fields and exports.

Every function takes the row a page points at and returns its translation in the active
language (falling back to the row itself), so a consumer reading /en/ gets English roles.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from rest_framework import serializers

from blocks import prefetch
from blocks.representation import ImageData, image_data


class OrganisationData(BaseModel):
    """What :func:`organisation_data` returns: the typed API schema of an organisation."""

    id: int
    name: str
    short_name: str
    website: str
    description: str
    logo: ImageData | None


class PersonData(BaseModel):
    """What :func:`person_data` returns."""

    id: int
    name: str
    role: str
    organisation: OrganisationData | None
    bio: str
    email: str
    is_external: bool
    photo: ImageData | None


class VenueRoomData(BaseModel):
    name: str
    floor: str
    capacity: int | None


class VenueData(BaseModel):
    """What :func:`venue_data` returns."""

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
    rooms: list[VenueRoomData]


def _localized(obj):
    # From the request's preload when a list was preloaded (blocks/prefetch.py): asking
    # each row for its translation costs two queries per reference otherwise.
    return prefetch.localized(obj)


def organisation_data(organisation, context: dict[str, Any] | None = None) -> dict | None:
    organisation = _localized(organisation)
    if organisation is None:
        return None
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "short_name": organisation.short_name,
        "website": organisation.website,
        "description": organisation.description,
        "logo": image_data(organisation.logo, context),
    }


def person_data(person, context: dict[str, Any] | None = None) -> dict | None:
    person = _localized(person)
    if person is None:
        return None
    return {
        "id": person.pk,
        "name": person.name,
        "role": person.role,
        "organisation": organisation_data(person.organisation, context),
        "bio": person.bio,
        "email": person.email,
        "is_external": person.is_external,
        "photo": image_data(person.photo, context),
    }


def venue_data(venue, context: dict[str, Any] | None = None) -> dict | None:
    venue = _localized(venue)
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


class _RepresentationField(serializers.Field):
    """A read-only API v2 field that renders a related object with one of the functions above."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        # API v3 reads a page's fields one by one after its view returned: the first one
        # preloads what the page shows (a no-op for a list, preloaded before).
        prefetch.ensure_preloaded(instance)
        # Return the related object itself, even when it is None, so to_representation
        # decides what null means.
        return getattr(instance, self.source, None)


# The return annotations type these fields in API v3's OpenAPI schema, which reads them
# from to_representation when a model declares APIField("x", serializer=PersonField()).
class PersonField(_RepresentationField):
    def to_representation(self, value) -> PersonData | None:
        return person_data(value, self.context)


class OrganisationField(_RepresentationField):
    def to_representation(self, value) -> OrganisationData | None:
        return organisation_data(value, self.context)


class VenueField(_RepresentationField):
    def to_representation(self, value) -> VenueData | None:
        return venue_data(value, self.context)
