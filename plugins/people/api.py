"""JSON for people, organisations and venues, shared by blocks, API fields and exports.

Every function takes the row a page points at and returns its translation in the active
language (falling back to the row itself), so a consumer reading /en/ gets English roles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.utils import translation
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from rest_framework import serializers

from api.types import choice_type
from blocks.representation import ImageData, image_data
from cms.public import ensure_preloaded, localized, request_scope
from plugins.people.choices import COUNTRIES


class _RowData(BaseModel):
    """A schema read from a model row's attributes; images become :class:`ImageData`.

    The schema is the serialiser: :func:`serialise` validates a row against it and dumps
    the result, so the API's JSON and its OpenAPI types cannot drift apart.
    """

    model_config = ConfigDict(from_attributes=True)

    @field_validator("logo", "photo", mode="before", check_fields=False)
    @classmethod
    def _image(cls, image, info: ValidationInfo):
        # Validating a dict (django-ninja checks the answer against the schema) keeps it.
        return image_data(image, info.context) if isinstance(image, Model) else image


class OrganisationData(_RowData):
    """What :func:`organisation_data` returns: the typed API schema of an organisation."""

    id: int
    name: str
    short_name: str
    website: str
    description: str
    logo: ImageData | None


class PersonRoleData(BaseModel):
    """A further role of a person: a role or title at an organisation (its name, as the
    person's language writes it)."""

    role: str
    organisation: str


class _PersonFields(_RowData):
    """What the register publishes of a person, but their organisation."""

    id: int
    name: str
    affiliation: str = Field(
        default="",
        description='A party or group abbreviation shown in brackets after the name ("S", "KrF"); empty when none.',
    )
    role: str


class _PersonDetails(BaseModel):
    further_roles: list[PersonRoleData] = Field(
        default_factory=list,
        description="Roles the person holds besides `role` (at `organisation`), in order.",
    )
    bio: str
    email: str
    is_external: bool
    photo: ImageData | None

    @field_validator("further_roles", mode="before")
    @classmethod
    def _further_roles(cls, roles):
        # The person's stream, read from its stored data (no query).
        if hasattr(roles, "raw_data"):
            return [
                {"role": value.get("role") or "", "organisation": value.get("organisation") or ""}
                for child in roles.raw_data
                if child.get("type") == "role" and (value := child.get("value") or {})
            ]
        return roles


class PersonData(_PersonDetails, _PersonFields):
    """What :func:`person_data` returns: a person on their own (a post's author, a
    network's contact), their organisation in full."""

    organisation: OrganisationData | None

    @field_validator("organisation", mode="before")
    @classmethod
    def _organisation(cls, organisation, info: ValidationInfo):
        # The organisation in the active language too, from the request's preload. (A
        # response already serialised is validated again by django-ninja: dicts pass.)
        return _localized(organisation) if isinstance(organisation, Model) else organisation


class PersonEntryData(_PersonDetails, _PersonFields):
    """A person in an answer's ``people`` map (:func:`referenced_people`): their
    organisation by ``organisation_id``, a key of the same answer's ``organisations`` map
    (twenty people of one organisation name it once, not twenty times)."""

    organisation_id: int | None = Field(
        description="The person's organisation, a key of the answer's `organisations` "
        "(null when none)."
    )


class VenueRoomData(_RowData):
    name: str
    floor: str
    capacity: int | None


class VenueData(_RowData):
    """What :func:`venue_data` returns."""

    id: int
    name: str
    street_address: str
    postal_code: str
    city: str
    country: choice_type(COUNTRIES) = Field(  # type: ignore[valid-type]
        description="ISO 3166-1 alpha-2 code."
    )
    latitude: float | None
    longitude: float | None
    map_url: str
    access_notes: str
    rooms: list[VenueRoomData]

    @field_validator("rooms", mode="before")
    @classmethod
    def _rooms(cls, rooms):
        # A related manager: its rows (prefetched with the venue where it was preloaded).
        return list(rooms.all()) if hasattr(rooms, "all") else rooms


class ReferencedPeople(BaseModel):
    """Everyone an answer refers to by ``person_id``, each once, as the register publishes
    them (:class:`PersonEntryData`: no more than a post's author shows, their organisation
    by ``organisation_id`` in the answer's ``organisations``). Keyed by the id the answer
    gives (a JSON key is text: ``people[str(person_id)]``)."""

    people: dict[str, PersonEntryData] = Field(
        description="Every person an answer refers to by `person_id`, keyed by that id."
    )


class ReferencedVenues(BaseModel):
    """Every venue an answer refers to by ``venue_id``, each once."""

    venues: dict[str, VenueData] = Field(
        description="Every venue an answer refers to by `venue_id`, keyed by that id."
    )


class ReferencedOrganisations(BaseModel):
    """Every organisation an answer refers to by ``organisation_id``, each once."""

    organisations: dict[str, OrganisationData] = Field(
        description="Every organisation an answer refers to by `organisation_id`, keyed by that id."
    )


#: Where :func:`referenced_people` keeps what it serialised, in the answer's context.
_PEOPLE_MEMO = "_tingsted_people_data"


def _answer_memo(context: dict[str, Any] | None, key: str) -> dict:
    """A dict living as long as the answer: in the serialiser's context (API v2's lives as
    long as the answer), else in the request's loader. API v3 gives a field no context (an
    empty dict each time): its list's maps serialised each person again for every item
    naming them, twenty times over for a list of twenty meetings."""
    if context:
        return context.setdefault(key, {})
    with request_scope() as loader:
        return loader.extras.setdefault(key, {})


def _people_entries(
    rows: dict[Any, Any] | Iterable[Any], context: dict[str, Any] | None
) -> dict[str, tuple[dict, Any]]:
    """``{"<id>": (PersonEntryData, organisation row or None)}`` for :func:`referenced_people`."""
    if not isinstance(rows, dict):
        from plugins.people.models import Person

        wanted = {pk for pk in rows if pk is not None}
        if not wanted:
            return {}
        with request_scope() as loader:
            rows = loader.rows_by_id(Person, wanted)
    # A list names the same people in many of its items: each is serialised once per answer
    # and language.
    memo = _answer_memo(context, _PEOPLE_MEMO)
    language = translation.get_language()
    found = {}
    for pk, row in rows.items():
        if row is None:
            continue
        key = (row.pk, language)
        if key not in memo:
            memo[key] = _person_entry(_localized(row), context)
        if memo[key] is not None:
            found[str(pk)] = memo[key]
    return found


def _person_entry(row, context: dict[str, Any] | None) -> tuple[dict, Any] | None:
    """A person (in the wanted language) as PersonEntryData, and their organisation's row in
    the same language (the one ``organisation_id`` names), from the request's preload."""
    if row is None:
        return None
    organisation = _localized(row.organisation) if row.organisation_id else None
    data = serialise(PersonEntryData, row, context)
    data["organisation_id"] = organisation.pk if organisation is not None else None
    return data, organisation


def referenced_people(
    rows: dict[Any, Any] | Iterable[Any], context: dict[str, Any] | None = None
) -> dict[str, dict]:
    """``{"<id>": PersonEntryData}`` for the people an answer names: ``rows`` maps each id
    the answer gives to its row, or is a set of ids (fetched together, in the active
    language: one query, one for their organisations and one for the photos' renditions).
    Each names their organisation by ``organisation_id``: the answer gives those in its
    ``organisations`` map (:func:`referenced_people_organisations`)."""
    return {pk: entry[0] for pk, entry in _people_entries(rows, context).items()}


def referenced_people_organisations(
    rows: dict[Any, Any] | Iterable[Any], context: dict[str, Any] | None = None
) -> dict[str, dict]:
    """``{"<id>": OrganisationData}`` for the organisations of the people ``rows`` names
    (the same argument as :func:`referenced_people`): what each person's
    ``organisation_id`` names, for the answer's ``organisations`` map."""
    return referenced_rows(
        OrganisationData,
        [entry[1] for entry in _people_entries(rows, context).values()],
        context,
    )


#: Where :func:`referenced_rows` keeps what it serialised, per schema, in the answer's context.
_ROWS_MEMO = "_tingsted_rows_data"


def referenced_rows(
    schema: type[_RowData], rows: Iterable[Any], context: dict[str, Any] | None = None
) -> dict[str, dict]:
    """``{"<id>": schema}`` for the venues or organisations an answer refers to by id:
    ``rows`` are the rows it names, already in the answer's language (their ids are the
    ones it gives). A list names the same few in many of its items: each is serialised
    once per answer (the serialiser's context lives as long as the answer)."""
    memo = _answer_memo(context, _ROWS_MEMO)
    language = translation.get_language()
    found = {}
    for row in rows:
        if row is None:
            continue
        key = (schema, row.pk, language)
        if key not in memo:
            memo[key] = serialise(schema, row, context)
        if memo[key] is not None:
            found[str(row.pk)] = memo[key]
    return found


def referenced_organisations(
    ids: Iterable[Any], context: dict[str, Any] | None = None
) -> dict[str, dict]:
    """``{"<id>": OrganisationData}`` for the organisations an answer refers to by id, in
    the active language, fetched together (one query, and one for their logos)."""
    from plugins.people.models import Organisation

    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return {}
    with request_scope() as loader:
        rows = loader.rows_by_id(Organisation, wanted)
    return {
        str(pk): data
        for pk, row in rows.items()
        if (data := serialise(OrganisationData, row, context)) is not None
    }


def _localized(obj):
    # From the request's loader when a list was preloaded (cms/loading.py): asking each
    # row for its translation costs two queries per reference otherwise.
    return localized(obj)


def serialise(schema: type[_RowData], row, context: dict[str, Any] | None = None) -> dict | None:
    """``row`` (already in the wanted language) as ``schema``'s JSON-ready dict, or None."""
    if row is None:
        return None
    return schema.model_validate(row, from_attributes=True, context=context or {}).model_dump()


def organisation_data(organisation, context: dict[str, Any] | None = None) -> dict | None:
    return serialise(OrganisationData, _localized(organisation), context)


def person_data(person, context: dict[str, Any] | None = None) -> dict | None:
    return serialise(PersonData, _localized(person), context)


def venue_data(venue, context: dict[str, Any] | None = None) -> dict | None:
    return serialise(VenueData, _localized(venue), context)


class _RepresentationField(serializers.Field):
    """A read-only API v2 field that renders a related object with one of the functions above."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        # API v3 reads a page's fields one by one after its view returned: the first one
        # preloads what the page shows (a no-op for a list, preloaded before).
        ensure_preloaded(instance)
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
