"""Meetings' programmes, venues and speakers resolved in bulk.

A network page shows every meeting with its sessions and speakers. Resolving each chosen
person or venue through ``.localized`` costs a query or two per reference, so the count
would grow with the programme. Here the raw stream data of all meetings is read once and
every referenced row is fetched, with its translation, by the request's loader
(``cms.public.request_scope``): a fixed number of queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from api.access import public_pages
from cms.public import PAGES, active_locale, answer_valid_until, request_scope
from plugins.people.interface import (
    Organisation,
    Person,
    SpeakerBlock,
    Venue,
    further_roles_label,
)

if TYPE_CHECKING:
    from plugins.meetings.models import MeetingPage


@dataclass
class Speaker:
    """A speaker resolved for pages, JSON-LD and iCalendar (``name``, ``affiliation``,
    ``role``, ``organisation``: typed, else the chosen person's), with what was typed kept
    beside (``typed_…``, ``""`` where nothing was): the API gives only those and the person's
    id, the person once in the answer's ``people``."""

    name: str
    role: str
    organisation: str
    person: Person | None = None
    #: The party or group abbreviation: typed with the speaker, else the chosen person's.
    affiliation: str = ""
    typed_name: str = ""
    typed_affiliation: str = ""
    typed_role: str = ""
    typed_organisation: str = ""
    #: (role, organisation) of the chosen person's further roles.
    further_roles: list[tuple[str, str]] = field(default_factory=list)

    @property
    def further_roles_label(self) -> str:
        """ "Chair, Association B · Board member, Fund C": shown after the main role."""
        return further_roles_label(self.further_roles)

    @property
    def display_name(self) -> str:
        """The name with the affiliation after it ("Anna Berg (S)")."""
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name

    def label(self) -> str:
        return ", ".join(part for part in (self.display_name, self.role, self.organisation) if part)

    @property
    def person_id(self) -> int | None:
        return self.person.pk if self.person is not None else None


@dataclass
class Session:
    id: str
    start: datetime.datetime
    end: datetime.datetime
    headline: str
    description: str
    venue: Venue | None = None
    room: str = ""
    speakers: list[Speaker] = field(default_factory=list)
    #: The only session, at the meeting's own time and place: it names the speakers of a
    #: one-part meeting, and pages and JSON-LD do not repeat the meeting's facts for it.
    whole_meeting: bool = False

    @property
    def description_html(self) -> RichText:
        return RichText(self.description)


def attach_networks(meetings: list[MeetingPage], preload: Any, fields: set[str] | None) -> None:
    """A preload hook (cms/loading.py): each meeting's network with its organiser.

    A meeting without its own organiser shows its network's (its meeting host's, see
    plugins/meetings/hosts.py); reading ``meeting.network`` costs two queries per meeting
    (parent, then specific page). Here it is one per list and host type.
    """
    if fields is not None and not fields & {"organiser_id", "organisations"}:
        return
    need = [m for m in meetings if not m.organiser_id and "network" not in m.__dict__]
    if not need:
        return
    from plugins.meetings.hosts import host_models

    paths = {meeting.path[: -meeting.steplen] for meeting in need}
    networks = {}
    for host_model in host_models():
        hosts = host_model.objects.exact_type(host_model).filter(path__in=paths)
        if any(field.name == "organiser" for field in host_model._meta.concrete_fields):
            hosts = hosts.select_related("organiser")
        networks.update((host.path, host) for host in hosts)
    for meeting in need:
        # ``network`` is a cached_property: this is what reading it would have stored.
        meeting.network = networks.get(meeting.path[: -meeting.steplen])
    preload.want(
        Organisation,
        (
            organiser_id
            for network in networks.values()
            if (organiser_id := getattr(network, "organiser_id", None))
        ),
    )


def _items(raw: Any) -> list[dict]:
    """A ListBlock's raw items, in either of the formats Wagtail has stored them."""
    items = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append(item["value"])
        elif isinstance(item, dict):
            items.append(item)
    return items


def _time(value: Any) -> datetime.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.time):
        return value
    return datetime.time.fromisoformat(value)


def _date(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def raw_speakers(meeting: MeetingPage) -> list[dict]:
    """The speakers given on the meeting itself (not in a session), raw."""
    return [
        child.get("value") or {}
        for child in meeting.speakers.raw_data
        if child.get("type") == "speaker"
    ]


def speaker(value: dict, people: dict, organisations: dict) -> Speaker:
    """A raw speaker value resolved against rows fetched in bulk (see resolve_programme)."""
    person = people.get(value.get("person"))
    organisation = organisations.get(person.organisation_id) if person else None
    typed = SpeakerBlock.typed(value)
    typed_name = typed["name"]
    return Speaker(
        name=typed_name or (person.name if person else ""),
        # A typed name replaces the chosen person's, and with it their affiliation.
        affiliation=typed["affiliation"]
        or (person.affiliation if person and not typed_name else ""),
        role=typed["role"] or (person.role if person else ""),
        organisation=typed["organisation"] or (organisation.name if organisation else ""),
        person=person,
        typed_name=typed_name,
        typed_affiliation=typed["affiliation"],
        typed_role=typed["role"],
        typed_organisation=typed["organisation"],
        # Typed in for this meeting, the speaker is named as typed; chosen, with every role.
        further_roles=person.further_role_pairs if person and not typed_name else [],
    )


def raw_sessions(meeting: MeetingPage) -> list[dict]:
    return [
        {"id": child.get("id") or "", **(child.get("value") or {})}
        for child in meeting.programme.raw_data
        if child.get("type") == "session"
    ]


def session_bounds(
    raw: dict, meeting_start: datetime.datetime, zone: ZoneInfo
) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """A session's start and end as aware datetimes: its day (or the meeting's) in ``zone``."""
    day = _date(raw.get("day")) or timezone.localtime(meeting_start, zone).date()
    start_time, end_time = _time(raw.get("start_time")), _time(raw.get("end_time"))
    start = datetime.datetime.combine(day, start_time, tzinfo=zone) if start_time else None
    end = datetime.datetime.combine(day, end_time, tzinfo=zone) if end_time else None
    return start, end


def programme_cutoff(zone: ZoneInfo, now: datetime.datetime | None = None) -> datetime.datetime:
    """Local midnight today in ``zone``: meetings ending before it are past, the rest upcoming."""
    now = now or timezone.now()
    today = timezone.localtime(now, zone).date()
    return datetime.datetime.combine(today, datetime.time.min, tzinfo=zone)


def split_meetings(queryset, zone: ZoneInfo, now: datetime.datetime | None = None):
    """Live, public meetings split into (upcoming soonest first, past latest first)."""
    cutoff = programme_cutoff(zone, now)
    # One query for both (a network has a season or two of meetings), split here; the
    # view restrictions public() would query for are remembered per content generation.
    meetings = list(public_pages(queryset.live()).select_related("venue").order_by("start"))
    upcoming = [meeting for meeting in meetings if meeting.end >= cutoff]
    past = [meeting for meeting in reversed(meetings) if meeting.end < cutoff]
    if upcoming:
        # The split moves at the next local midnight: a stored page must not outlive it.
        tomorrow = cutoff.date() + datetime.timedelta(days=1)
        answer_valid_until(datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=zone))
    return upcoming, past


@dataclass
class References:
    """The rows a list of meetings (and its page) shows, in the active locale, by id."""

    venues: dict[int, Venue]
    people: dict[int, Person]
    organisations: dict[int, Organisation]


def resolve_meetings(
    meetings: Iterable[MeetingPage], *, locale: Locale | None = None, zone: ZoneInfo | None = None
) -> list[MeetingPage]:
    """Attach ``resolved_venue``, ``resolved_speakers`` (the meeting's own) and ``sessions``
    to every meeting, in constant queries."""
    meetings = list(meetings)
    resolve_programme(meetings, locale=locale, zone=zone)
    return meetings


def resolve_programme(
    meetings: list[MeetingPage],
    *,
    locale: Locale | None = None,
    zone: ZoneInfo | None = None,
    venue_ids: Iterable[int | None] = (),
    person_ids: Iterable[int | None] = (),
    organisation_ids: Iterable[int | None] = (),
    request: HttpRequest | None = None,
) -> References:
    """:func:`resolve_meetings`, fetching with the meetings' rows the extra ids a page shows
    besides them (a network's moderators, venue and organiser): one query per model, not
    one per model and caller. With ``request`` (not a preview), the rows are remembered per
    content generation (cms/memo.py): people, venues and organisations are snippets, whose
    every save bumps it, and are read, never changed."""
    locale = locale or active_locale(request)
    zone = zone or timezone.get_current_timezone()
    raws = {meeting.pk: raw_sessions(meeting) for meeting in meetings}
    raw_meeting_speakers = {meeting.pk: raw_speakers(meeting) for meeting in meetings}

    venue_ids = {meeting.venue_id for meeting in meetings} | set(venue_ids)
    person_ids = set(person_ids)
    for sessions in raws.values():
        for raw in sessions:
            venue_ids.add(raw.get("venue"))
            person_ids.update(value.get("person") for value in _items(raw.get("speakers")))
    for values in raw_meeting_speakers.values():
        person_ids.update(value.get("person") for value in values)
    organisation_ids = set(organisation_ids)

    def fetch() -> tuple[dict, dict, dict]:
        with request_scope() as loader:
            # Asked for together, fetched together: a person's organisation with the rest.
            loader.want(Venue, venue_ids)
            loader.want(Person, person_ids)
            loader.want(Organisation, organisation_ids)
            venues = loader.rows_by_id(Venue, venue_ids, locale)
            people = loader.rows_by_id(Person, person_ids, locale)
            organisations = loader.rows_by_id(
                Organisation,
                {person.organisation_id for person in people.values()} | organisation_ids,
                locale,
            )
        return venues, people, organisations

    if request is None or getattr(request, "is_preview", False):
        venues, people, organisations = fetch()
    else:
        key = (
            "references",
            frozenset(venue_ids),
            frozenset(person_ids),
            frozenset(organisation_ids),
            locale.pk if locale else None,
        )
        # Copies of the dicts: a caller may add to its own, never to the remembered ones.
        venues, people, organisations = (dict(d) for d in PAGES.get(request, key, fetch))

    for meeting in meetings:
        meeting.resolved_venue = venues.get(meeting.venue_id)
        # The meeting's own speakers (a one-part meeting needs no programme to name them).
        meeting.resolved_speakers = [
            speaker(value, people, organisations) for value in raw_meeting_speakers[meeting.pk]
        ]
        sessions = []
        for raw in raws[meeting.pk]:
            start, end = session_bounds(raw, meeting.start, zone)
            if start is None or end is None:
                continue
            speakers = [
                speaker(value, people, organisations) for value in _items(raw.get("speakers"))
            ]
            sessions.append(
                Session(
                    id=raw["id"],
                    start=start,
                    end=end,
                    headline=raw.get("headline") or "",
                    description=raw.get("description") or "",
                    venue=venues.get(raw.get("venue")),
                    room=raw.get("room") or "",
                    speakers=speakers,
                )
            )
        meeting.sessions = sorted(sessions, key=lambda session: session.start)
        if len(meeting.sessions) == 1:
            only = meeting.sessions[0]
            only.whole_meeting = (
                only.start == meeting.start
                and only.end == meeting.end
                and (only.venue is None or only.venue.pk == meeting.venue_id)
                and not only.room
            )
    return References(venues=venues, people=people, organisations=organisations)
