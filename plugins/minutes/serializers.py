"""API v2 fields of the minutes pages; Wagtail's API v3 reuses them for its page schemas.

Each field reads the whole page (``source="*"``) and returns resolved JSON. The agenda
field always gives the public view: closed items as number, title and ``closed: true``.
API v3 binds these fields without a request, and API v2 responses are cached and shared,
so neither may vary by caller; authorised callers read closed items through
/api/v3/minutes/ (plugins/minutes/api.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from rest_framework import serializers


class AgendaItemOut(BaseModel):
    """An agenda item in the API. Closed items the caller may not see carry number, title
    and ``closed`` only; every other field is then absent (or null in generic schemas)."""

    number: str
    title: str
    closed: bool
    case_number: str | None = None
    summary: str | None = None
    recommendation: str | None = None
    participants: list[dict[str, Any]] | None = None
    participants_note: str | None = None
    decision: dict[str, Any] | None = None
    attachments: list[dict[str, Any]] | None = None


class _PageField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class AgendaField(_PageField):
    """The agenda items of a meeting, closed items redacted."""

    def to_representation(self, page) -> list[AgendaItemOut]:
        from plugins.minutes.presentation import item_json, visible_items

        context = getattr(self, "context", None) or {}
        return [item_json(item, context) for item in visible_items(page.loaded_items(), full=False)]


class AttendanceField(_PageField):
    def to_representation(self, page) -> list[dict[str, Any]]:
        from plugins.minutes.presentation import attendance_json

        return attendance_json(page, getattr(self, "context", None) or {})


class MembersField(_PageField):
    def to_representation(self, page) -> list[dict[str, Any]]:
        from plugins.minutes.presentation import members_json

        return members_json(page, getattr(self, "context", None) or {})


class CouncilField(_PageField):
    """The council a meeting belongs to, as a link."""

    def to_representation(self, page) -> dict[str, Any] | None:
        from blocks.representation import page_link_data

        return page_link_data(page.council, self.context)


class CouncilLinksField(_PageField):
    """Where a council's meetings are available as data: JSON export and iCalendar."""

    def to_representation(self, page) -> dict[str, str]:
        from plugins.minutes.presentation import council_links

        return council_links(page, getattr(self, "context", None) or {})


class TimeZoneField(_PageField):
    def to_representation(self, page) -> str:
        from cms.public import site_time_zone

        return site_time_zone(page.get_site()).key
