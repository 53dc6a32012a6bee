"""API fields of a meeting page that read the whole page (both page APIs; v3 reuses them)."""

from __future__ import annotations

from rest_framework import serializers

from cms.public import ensure_preloaded
from plugins.people.interface import PersonData, SpeakerBlock, referenced_people


class MeetingPeopleField(serializers.Field):
    """Everyone the meeting's ``speakers`` and its sessions' speakers name by ``person_id``,
    once, keyed by that id (a list joins its items' maps into one, see docs/api.md)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> dict[str, PersonData]:
        # API v3 reads a detail's fields after its view returned (as PersonField does).
        ensure_preloaded(page)
        values = [child.value for child in page.speakers]
        for session in page.programme:
            values.extend(session.value["speakers"])
        context = getattr(self, "context", None) or {}
        return referenced_people(SpeakerBlock.people(values), context)
