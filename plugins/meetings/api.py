"""API v3 routes of the meetings plugin: upcoming meetings across a site's networks.

Only live pages without view restrictions are ever returned. Venues, sessions and speakers
are resolved in the answer, with a fixed number of queries however many meetings it holds.
A speaker chosen from the people register carries its ``person_id``; the answer's
``people`` map holds each such person once (what the register publishes of them), so every
id in the answer resolves without another request.

Answers are built by their schemas from the pages (resolvers on :class:`MeetingSchema`),
inside the answer's language and time zone, and returned as built (``api.v3.BuiltSchema``):
no dict in between, and no second validation of what the schema has just built.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import AliasChoices, Field, ValidationInfo, field_validator
from wagtail.api.v3.errors import as_validation_error
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from api.access import APIParameterError, pages_queryset, requested_site
from api.counting import rows_and_total
from api.types import choice_type
from api.v3 import BuiltSchema, stable_order
from blocks.representation import rich_text_html
from cms.public import all_locales, site_time_zone
from plugins.meetings.choices import MeetingKind, MeetingStatus
from plugins.meetings.hosts import hosts_q
from plugins.meetings.models import MeetingPage, upcoming_meetings
from plugins.meetings.programme import resolve_meetings
from plugins.people.interface import (
    OrganisationData,
    PersonEntryData,
    SpeakerData,
    VenueData,
    referenced_people,
    referenced_people_organisations,
    serialise,
)

router = Router(tags=["meetings"])


def _speaker_field(name: str) -> str:
    """How a consumer reads a speaker's ``name`` (…), as the page APIs' SpeakerData says."""
    return SpeakerData.model_fields[name].description


def _typed_field(name: str):
    """A typed value of the speaker, read from ``typed_<name>`` (or ``<name>`` in an answer)."""
    return Field(
        description=_speaker_field(name),
        validation_alias=AliasChoices(f"typed_{name}", name),
    )


# Read from a resolved programme.Speaker's typed values (``typed_name``, …), not its resolved
# ones: the person is in the answer's ``people``, once. An answer being checked already holds
# the typed values under the API's names.
class SpeakerSchema(Schema):
    name: str = _typed_field("name")
    affiliation: str = _typed_field("affiliation")
    role: str = _typed_field("role")
    organisation: str = _typed_field("organisation")
    person_id: int | None = Field(description=_speaker_field("person_id"))


# MeetingSchema reads it from a resolved programme.Session's attributes.
class SessionSchema(Schema):
    id: str
    start: datetime.datetime
    end: datetime.datetime
    headline: str
    description: str = Field(
        description="HTML with absolute links.",
        # A Session's rich text; an answer being checked already holds the HTML.
        validation_alias=AliasChoices("description_html", "description"),
    )
    venue: VenueData | None
    room: str
    speakers: list[SpeakerSchema]

    @field_validator("description", mode="before")
    @classmethod
    def _absolute_html(cls, value, info: ValidationInfo):
        return rich_text_html(value.source, info.context) if isinstance(value, RichText) else value


def _full_url(page: Page, context: dict) -> str | None:
    """``page``'s address for the answer's request, worked out once per page and answer."""
    urls = context.setdefault("_full_urls", {})
    if page.pk not in urls:
        urls[page.pk] = page.get_full_url(request=context["request"])
    return urls[page.pk]


class NetworkRefSchema(BuiltSchema):
    id: int
    title: str
    url: str | None

    @staticmethod
    def resolve_url(obj: Page, context: dict) -> str | None:
        return _full_url(obj, context)


# Built from a page resolve_meetings() has resolved, with the answer's request, locale and
# networks (meeting id to its network page) in the validation context: meeting_payloads().
# (A docstring here would be the schema's description in the OpenAPI document.)
class MeetingSchema(BuiltSchema):
    id: int
    title: str
    url: str | None
    locale: str
    network: NetworkRefSchema | None
    sequence_label: str
    kind: choice_type(MeetingKind)  # type: ignore[valid-type]
    kind_label: str
    status: choice_type(MeetingStatus)  # type: ignore[valid-type]
    status_label: str
    status_note: str
    start: datetime.datetime
    end: datetime.datetime
    previous_start: datetime.datetime | None
    venue: VenueData | None
    room: str
    online_url: str
    description: str = Field(description="HTML with absolute links.")
    speakers: list[SpeakerSchema] = Field(
        description="Who speaks at the meeting as a whole (a one-part meeting names its "
        "speakers here and may have no sessions); each session has its own."
    )
    sessions: list[SessionSchema]
    signup_label: str
    signup_url: str
    calendar_url: str | None

    @staticmethod
    def resolve_url(obj: MeetingPage, context: dict) -> str | None:
        return _full_url(obj, context)

    @staticmethod
    def resolve_locale(obj: MeetingPage, context: dict) -> str:
        return context["locale"].language_code

    @staticmethod
    def resolve_network(obj: MeetingPage, context: dict) -> Page | None:
        return (context.get("networks") or {}).get(obj.pk)

    @staticmethod
    def resolve_venue(obj: MeetingPage) -> Any:
        # Already in the answer's language, rooms prefetched (resolve_meetings).
        return obj.resolved_venue

    @staticmethod
    def resolve_description(obj: MeetingPage, context: dict) -> str:
        return rich_text_html(obj.description, context)

    @staticmethod
    def resolve_speakers(obj: MeetingPage) -> Any:
        # Chosen people already in the answer's language (resolve_meetings).
        return obj.resolved_speakers

    @staticmethod
    def resolve_calendar_url(obj: MeetingPage, context: dict) -> str | None:
        url = _full_url(obj, context)
        return f"{url}ical/" if url else None


#: The ``people`` of an answer holding meetings: every speaker's person, once.
PEOPLE_FIELD = Field(
    description="Every person a speaker's `person_id` in this answer names, keyed by that id."
)
#: The ``organisations`` of an answer holding meetings: every person's organisation, once.
ORGANISATIONS_FIELD = Field(
    description="Every organisation an `organisation_id` of the answer's `people` names, "
    "keyed by that id."
)


class MeetingListSchema(BuiltSchema):
    count: int
    items: list[MeetingSchema]
    people: dict[str, PersonEntryData] = PEOPLE_FIELD
    organisations: dict[str, OrganisationData] = ORGANISATIONS_FIELD


def venue_payload(venue) -> dict | None:
    """A venue already resolved in the wanted language (rooms prefetched), as VenueData."""
    return serialise(VenueData, venue)


def meeting_payloads(
    meetings: list[MeetingPage], request: HttpRequest, locale: Locale, networks: dict | None = None
) -> list[MeetingSchema]:
    """Meetings as MeetingSchema, built from the pages by the schema's resolvers (no dict in
    between); ``networks`` maps a meeting id to its network page. Call it in the answer's
    language and time zone: labels and rich text are rendered here."""
    resolve_meetings(meetings, locale=locale)
    context = {"request": request, "locale": locale, "networks": networks or {}}
    return [MeetingSchema.model_validate(meeting, context=context) for meeting in meetings]


def people_payload(meetings: list[MeetingPage], request: HttpRequest) -> dict[str, dict]:
    """The ``people`` map of meetings already given to :func:`meeting_payloads`: each
    speaker's person (the meeting's own speakers' and its sessions') (in the answer's language, as resolved for the sessions) once."""
    return referenced_people(_speaking_people(meetings), _context_of(request))


def organisations_payload(meetings: list[MeetingPage], request: HttpRequest) -> dict[str, dict]:
    """The ``organisations`` map beside :func:`people_payload`'s: each person's
    organisation (their ``organisation_id``) once."""
    return referenced_people_organisations(_speaking_people(meetings), _context_of(request))


def _context_of(request: HttpRequest) -> dict:
    # One serialiser context per answer: people serialised for ``people`` are not again
    # for ``organisations``.
    context = getattr(request, "_tingsted_meetings_context", None)
    if context is None:
        context = {"request": request}
        request._tingsted_meetings_context = context
    return context


def _speaking_people(meetings: list[MeetingPage]) -> dict:
    return {
        speaker.person.pk: speaker.person
        for meeting in meetings
        for speakers in (
            getattr(meeting, "resolved_speakers", ()),
            *(session.speakers for session in getattr(meeting, "sessions", ())),
        )
        for speaker in speakers
        if speaker.person is not None
    }


def parents_of(meetings: list[MeetingPage]) -> dict:
    """Each meeting's host page, its network (None for stand-alone events), in one query."""
    from wagtail.models import Page

    parent_paths = {meeting.path[: -MeetingPage.steplen]: meeting.pk for meeting in meetings}
    parents = Page.objects.filter(hosts_q(), path__in=parent_paths)
    by_path = {parent.path: parent for parent in parents}
    return {meeting.pk: by_path.get(meeting.path[: -MeetingPage.steplen]) for meeting in meetings}


def _site(request: HttpRequest) -> Site:
    # ?site= is a hostname, as on every API route; the API middleware has already
    # answered an unknown one with a 400 naming it.
    site = requested_site(request)
    if site is None:
        raise HttpError(404, "No site answers this host; pass ?site=<hostname>.")
    return site


def _locale(site: Site, language: str | None) -> Locale:
    # An empty ?locale= is no locale, as on every route (api.access.validate_locale).
    if not language:
        return site.root_page.locale
    locale = all_locales().get(language)
    if locale is None:
        # The API middleware answers unknown locales before the route runs; this is only
        # reached if the locale was deleted in between.
        raise APIParameterError("locale", f"No locale '{language}'.", code="unknown")
    return locale


def _network(request: HttpRequest, network_id: int) -> Page:
    # A page of a meeting host type (plugins/meetings/hosts.py); with none installed,
    # meetings sit in event indexes only and no id names a network.
    network = pages_queryset(request).filter(hosts_q(), pk=network_id).first()
    if network is None:
        raise APIParameterError(
            "network",
            f"No published network page with id {network_id} on this site.",
            code="unknown",
        )
    return network


def _max_limit() -> int | None:
    # Read per request, as Wagtail's pagination does; None means no limit.
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)


class UpcomingParams(Schema):
    site: str | None = Field(
        None,
        description="Hostname of the site (add :port when two sites share one); "
        "defaults to the site the request is addressed to.",
    )
    locale: str | None = Field(None, description="Language code; defaults to the site's own.")
    network: int | None = Field(
        None,
        description="Only the meetings of this network page (its id); "
        "it must be a published network of the site.",
    )
    date_from: datetime.date | None = Field(None, alias="from", description="First local day.")
    date_to: datetime.date | None = Field(None, alias="to", description="Last local day.")
    # No `le=` here: like Wagtail's pagination on every other list route, a limit above
    # WAGTAILAPI_LIMIT_MAX is a 400 naming `limit`, not a schema (422) error.
    limit: int = Field(20, ge=1, description="At most WAGTAILAPI_LIMIT_MAX (100 by default).")
    offset: int = Field(0, ge=0)


@router.get(
    "/upcoming/",
    response=MeetingListSchema,
    url_name="meetings_upcoming",
    summary="Upcoming meetings of a site",
    operation_id="meetings_upcoming",
)
def upcoming(request: HttpRequest, params: Query[UpcomingParams]):
    """Meetings that are not yet past, soonest first, in every network and event index."""
    date_from, date_to = params.date_from, params.date_to
    limit, offset = params.limit, params.offset
    if date_from and date_to and date_to < date_from:
        raise as_validation_error(
            ValueError(), "'to' must not be before 'from'.", loc=("query", "to")
        )
    max_limit = _max_limit()
    if max_limit is not None and limit > max_limit:
        raise APIParameterError("limit", f"limit cannot be higher than {max_limit}")
    the_site = _site(request)
    the_locale = _locale(the_site, params.locale)
    zone = site_time_zone(the_site)
    # Meetings often share a start time: the id keeps paging from repeating or skipping one.
    queryset = stable_order(upcoming_meetings(the_site, the_locale), "start")
    if params.network is not None:
        queryset = queryset.child_of(_network(request, params.network))
    start_of_from = _midnight(date_from, zone) if date_from else None
    if start_of_from is not None:
        queryset = queryset.filter(end__gte=start_of_from)
    end_of_to = _midnight(date_to, zone, days_after=1) if date_to else None
    if end_of_to is not None:
        queryset = queryset.filter(start__lt=end_of_to)
    # The total counted only when the rows cannot tell it (a full page).
    meetings, count = rows_and_total(queryset.select_related("venue"), offset, limit)
    with translation.override(the_locale.language_code), timezone.override(zone):
        return MeetingListSchema(
            count=count,
            items=meeting_payloads(meetings, request, the_locale, parents_of(meetings)),
            people=people_payload(meetings, request),
            organisations=organisations_payload(meetings, request),
        )


def _midnight(day: datetime.date, zone, days_after: int = 0) -> datetime.datetime | None:
    """The local midnight starting ``days_after`` days after ``day``, or None (no bound) when
    that is beyond what a datetime holds (``?from=0001-01-01`` is before year 1 in UTC east
    of Greenwich, ``?to=9999-12-31`` ends after year 9999)."""
    try:
        midnight = datetime.datetime.combine(
            day + datetime.timedelta(days=days_after), datetime.time.min, tzinfo=zone
        )
        midnight.astimezone(datetime.UTC)  # what the database compares
    except OverflowError:
        return None
    return midnight


def routers() -> list[tuple[str, Router]]:
    return [("meetings", router)]
