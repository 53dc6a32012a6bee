"""What lists of meetings pages fetch in bulk (the contract's ``preload`` hook)."""

from __future__ import annotations

from cms.public import PageLoader


def declarations() -> list[PageLoader]:
    from plugins.meetings.programme import attach_networks

    # Each meeting's network (its organiser), for every meeting of a list at once.
    return [PageLoader("meetings.MeetingPage", attach_networks)]
