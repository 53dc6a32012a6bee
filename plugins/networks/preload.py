"""What lists of networks pages fetch in bulk (the contract's ``preload`` hook)."""

from __future__ import annotations

from cms.public import PageLoader


def declarations() -> list[PageLoader]:
    from plugins.networks.api import attach_moderators

    # Each network's moderators, for every network of a list at once.
    return [PageLoader("networks.NetworkPage", attach_moderators)]
