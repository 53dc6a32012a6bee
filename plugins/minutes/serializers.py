"""API v2 fields of the minutes pages; Wagtail's API v3 reuses them for its page schemas.

Each field reads the whole page (``source="*"``) and returns resolved JSON. The agenda
field always gives the public view: closed items as number, title and ``closed: true``.
API v3 binds these fields without a request, and API v2 responses are cached and shared,
so neither may vary by caller; authorised callers read closed items through
/api/v3/minutes/ (plugins/minutes/api.py).
"""

from __future__ import annotations

from rest_framework import serializers

from blocks.representation import PageLinkData
from cms.public import in_own_language
from plugins.minutes.api_types import AgendaItemOut, AttendanceOut, CouncilLinksOut, MemberOut
from plugins.people.interface import OrganisationData, PersonEntryData


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
    def to_representation(self, page) -> list[AttendanceOut]:
        from plugins.minutes.presentation import attendance_json

        return attendance_json(page, getattr(self, "context", None) or {})


class MembersField(_PageField):
    def to_representation(self, page) -> list[MemberOut]:
        from plugins.minutes.presentation import members_json

        return members_json(page, getattr(self, "context", None) or {})


class CouncilField(_PageField):
    """The council a meeting belongs to, as a link."""

    def to_representation(self, page) -> PageLinkData | None:
        from blocks.representation import page_link_data

        return page_link_data(page.council, self.context)


class CouncilLinksField(_PageField):
    """Where a council's meetings are available as data: JSON export and iCalendar."""

    def to_representation(self, page) -> CouncilLinksOut:
        from plugins.minutes.presentation import council_links

        return council_links(page, getattr(self, "context", None) or {})


class TimeZoneField(_PageField):
    def to_representation(self, page) -> str:
        from cms.public import site_time_zone

        return site_time_zone(page.get_site()).key


class MinutesPeopleField(_PageField):
    """Everyone the meeting's ``attendance`` and (public) ``agenda`` name by ``person_id``,
    once, keyed by that id."""

    def to_representation(self, page) -> dict[str, PersonEntryData]:
        from plugins.minutes.presentation import minutes_person_ids
        from plugins.people.interface import referenced_people

        context = getattr(self, "context", None) or {}
        with in_own_language(page):
            return referenced_people(minutes_person_ids(page, full=False), context)


class MinutesOrganisationsField(_PageField):
    """Every organisation the meeting's ``people`` name by ``organisation_id``, once."""

    def to_representation(self, page) -> dict[str, OrganisationData]:
        from plugins.minutes.presentation import minutes_person_ids
        from plugins.people.interface import referenced_people_organisations

        context = getattr(self, "context", None) or {}
        with in_own_language(page):
            return referenced_people_organisations(minutes_person_ids(page, full=False), context)


class MembersPeopleField(_PageField):
    """Everyone the council's ``members`` name by ``person_id``, once, keyed by that id."""

    def to_representation(self, page) -> dict[str, PersonEntryData]:
        from plugins.minutes.presentation import council_reference_ids
        from plugins.people.interface import referenced_people

        context = getattr(self, "context", None) or {}
        with in_own_language(page):
            return referenced_people(council_reference_ids(page)[0], context)


class MembersOrganisationsField(_PageField):
    """Every organisation the council's ``members`` and ``people`` name by
    ``organisation_id``, once."""

    def to_representation(self, page) -> dict[str, OrganisationData]:
        from plugins.minutes.presentation import council_reference_ids
        from plugins.people.interface import (
            referenced_organisations,
            referenced_people_organisations,
        )

        context = getattr(self, "context", None) or {}
        people, organisations = council_reference_ids(page)
        with in_own_language(page):
            return {
                **referenced_organisations(organisations, context),
                **referenced_people_organisations(people, context),
            }
