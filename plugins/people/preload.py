"""People, organisations and venues are fetched in bulk for whole lists of pages (the
contract's ``preload`` hook): every page that names a speaker, a moderator or a venue."""

from __future__ import annotations

from django.db.models import Prefetch

from cms.public import BulkModel


def declarations() -> list[BulkModel]:
    from plugins.people.models import PersonRole

    # A person's further roles with their organisations: one query for the whole list.
    further_roles = Prefetch(
        "further_roles", queryset=PersonRole.objects.select_related("organisation")
    )
    return [
        BulkModel(
            "people.Person",
            follow=("organisation",),
            images=("photo",),
            prefetch_related=(further_roles,),
        ),
        BulkModel("people.Organisation", images=("logo",)),
        BulkModel("people.Venue", prefetch_related=("rooms",)),
    ]
