"""What lists of minutes pages fetch in bulk (the contract's ``preload`` hook)."""

from __future__ import annotations

from cms.public import PageLoader


def declarations() -> list[PageLoader]:
    from plugins.minutes.models import preload_minutes

    # Agenda items, attendance and their people, for every meeting of a list at once.
    return [PageLoader("minutes.MinutesPage", preload_minutes)]
