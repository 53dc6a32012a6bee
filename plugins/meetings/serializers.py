"""API fields of a meeting page that read the whole page (both page APIs; v3 reuses them).

A meeting names its people, its venues and its organiser by id (``person_id``,
``venue_id``, ``organiser_id``; a person their organisation by ``organisation_id``) and gives
each once in its ``people``, ``venues`` and ``organisations`` maps: a list of twenty meetings of a network names the same few in every
item, and joins the items' maps into one of each (api/v2.py, api/listing.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.utils import translation
from rest_framework import serializers

from cms.public import ensure_preloaded, in_own_language, localized, request_scope
from plugins.people.interface import (
    Organisation,
    OrganisationData,
    PersonEntryData,
    SpeakerBlock,
    Venue,
    VenueData,
    referenced_people,
    referenced_people_organisations,
    referenced_rows,
)


class _WholePageField(serializers.Field):
    """A read-only field computed from the whole page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def context_of(self) -> dict:
        return getattr(self, "context", None) or {}


@contextmanager
def page_language(page) -> Iterator[None]:
    """In the page's language, as its StreamFields are given (api/serializers.py): the ids
    its speakers and sessions give are its own language's rows, and so must the maps' keys
    and the other ids be, in a list mixing languages too. Preloaded first (API v3 reads a
    detail's fields after its view returned)."""
    ensure_preloaded(page)
    with in_own_language(page):
        yield


def _row(model: type, pk: int | None) -> Any:
    """The row ``pk`` of a bulk model in the active language (the page's, see
    :func:`page_language`), from the request's loader (preloaded with a list: no query)."""
    if pk is None:
        return None
    with request_scope() as loader:
        return loader.rows_by_id(model, [pk]).get(pk)


def meeting_venue(page) -> Any:
    """The meeting's own venue in the active language, or None."""
    return _row(Venue, page.venue_id)


def meeting_organiser(page) -> Any:
    """The meeting's organiser (its own, else its network's) in the active language."""
    if page.organiser_id:
        return _row(Organisation, page.organiser_id)
    # A meeting host need not have an organiser (plugins/meetings/hosts.py); the network
    # comes with a list (attach_networks), its organiser with it.
    organiser = page.effective_organiser
    return localized(organiser) if organiser is not None else None


def session_venues(page) -> list:
    """The venues the meeting's sessions name (a session elsewhere than the meeting)."""
    return [
        localized(session.value["venue"]) for session in page.programme if session.value["venue"]
    ]


def speaking_people(page) -> dict:
    """``{id: person}`` of everyone the meeting's ``speakers`` and its sessions' speakers
    choose from the register, in the active language: worked out once per page and
    language (``people`` and ``organisations`` both ask)."""
    memo = page.__dict__.setdefault("_tingsted_speaking_people", {})
    language = translation.get_language()
    if language not in memo:
        values = [child.value for child in page.speakers]
        for session in page.programme:
            values.extend(session.value["speakers"])
        memo[language] = SpeakerBlock.people(values)
    return memo[language]


class MeetingPeopleField(_WholePageField):
    """Everyone the meeting's ``speakers`` and its sessions' speakers name by ``person_id``,
    once, keyed by that id (a list joins its items' maps into one, see docs/api.md). Each
    names their organisation by ``organisation_id``, in ``organisations``."""

    def to_representation(self, page) -> dict[str, PersonEntryData]:
        with page_language(page):
            return referenced_people(speaking_people(page), self.context_of())


class MeetingVenueIdField(_WholePageField):
    """The meeting's venue, a key of the answer's ``venues`` (null when online only)."""

    def to_representation(self, page) -> int | None:
        with page_language(page):
            venue = meeting_venue(page)
        return venue.pk if venue is not None else None


class MeetingOrganiserIdField(_WholePageField):
    """The meeting's organiser (its own, else its network's), a key of the answer's
    ``organisations`` (null when neither has one)."""

    def to_representation(self, page) -> int | None:
        with page_language(page):
            organiser = meeting_organiser(page)
        return organiser.pk if organiser is not None else None


class MeetingVenuesField(_WholePageField):
    """Every venue the meeting and its sessions name by ``venue_id``, once, keyed by it."""

    def to_representation(self, page) -> dict[str, VenueData]:
        with page_language(page):
            return referenced_rows(
                VenueData, [meeting_venue(page), *session_venues(page)], self.context_of()
            )


class MeetingOrganisationsField(_WholePageField):
    """The organisation the meeting names by ``organiser_id`` and those its ``people`` name
    by ``organisation_id``, each once, keyed by that id."""

    def to_representation(self, page) -> dict[str, OrganisationData]:
        context = self.context_of()
        with page_language(page):
            return {
                **referenced_rows(OrganisationData, [meeting_organiser(page)], context),
                **referenced_people_organisations(speaking_people(page), context),
            }
