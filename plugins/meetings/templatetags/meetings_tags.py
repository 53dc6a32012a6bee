"""Template tags of the meetings plugin (``{% load meetings_tags %}``)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("meetings/includes/sessions.html")
def session_list(
    sessions: list, fallback_venue: Any = None, level: Any = 3, multi_day: bool = False
) -> dict:
    """A meeting's programme: ``sessions`` as plugins.meetings.programme resolves them, each
    at its own venue or else ``fallback_venue``, headlines at heading ``level``; with
    ``multi_day``, the first session of each day names the day."""
    return {
        "sessions": sessions,
        "fallback_venue": fallback_venue,
        "level": level or 3,
        "multi_day": multi_day,
    }
