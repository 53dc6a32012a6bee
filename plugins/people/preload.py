"""People, organisations and venues are fetched in bulk for whole lists of pages (the
contract's ``preload`` hook): every page that names a speaker, a moderator or a venue."""

from __future__ import annotations

from cms.public import BulkModel


def declarations() -> list[BulkModel]:
    return [
        BulkModel("people.Person", follow=("organisation",), images=("photo",)),
        BulkModel("people.Organisation", images=("logo",)),
        BulkModel("people.Venue", prefetch_related=("rooms",)),
    ]
