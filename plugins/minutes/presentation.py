"""What a reader may see of a meeting, in one place, for templates, API and export.

:func:`visible_items` is the only function that hands agenda items to a channel. A
closed item becomes a :class:`RedactedItem` (number, title, nothing else) unless the
reader may see closed items, so no template or serializer can leak what it never gets.
It reads items, participants and attachments through the page, which fetches them in a
fixed number of queries (``MinutesPage.loaded_items`` and friends).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from wagtail.models import Site

from blocks.representation import absolute, rich_text_html
from cms.public import active_locale, localize, site_language, site_time_zone
from plugins.minutes.access import can_see_closed_items
from plugins.minutes.api_types import (
    AgendaItemOut,
    AttachmentOut,
    AttendanceOut,
    CouncilLinksOut,
    DecisionOut,
    MemberOut,
    ParticipantOut,
)
from plugins.minutes.choices import Attendance, DocumentStatus, Outcome
from plugins.minutes.structured_data import meeting_json_ld

if TYPE_CHECKING:
    from wagtail.models import Page

    from plugins.minutes.models import AgendaItem, AgendaItemParticipant, MinutesPage


@dataclass(frozen=True)
class RedactedItem:
    """A closed item as the public sees it."""

    number: str
    title: str
    anchor: str
    is_closed: bool = True
    redacted: bool = True


def redact(item: AgendaItem) -> RedactedItem:
    return RedactedItem(number=item.number, title=item.title, anchor=item.anchor)


# --- what a reader sees -------------------------------------------------------------------


def visible_items(
    items: list[AgendaItem], full: bool, people: dict[Any, Any] | None = None
) -> list[AgendaItem | RedactedItem]:
    """The items as the reader may see them: closed items redacted unless ``full``.

    Open items get ``shown_participants`` (people in the active language). ``people``,
    if given, already maps every participant to its translation (see :func:`shown_people`).
    """
    shown: list[AgendaItem | RedactedItem] = []
    if people is None:
        people = localize(shown_people(items, full))
    for item in items:
        if item.is_closed and not full:
            shown.append(redact(item))
            continue
        item.shown_participants = [
            _participant(participant, people.get(participant.person))
            for participant in item.participants.all()
        ]
        shown.append(item)
    return shown


#: The texts of an agenda item a translator translates.
TEXT_FIELDS = ("title", "summary", "recommendation", "decision_text")


def mark_source_language(items: list, page: MinutesPage, request) -> None:
    """Give each open item ``text_lang``: the language of each text still in another one.

    wagtail-localize publishes a translation with the source's text wherever a segment is
    not translated yet, so an English page can show a Danish agenda. A text identical to
    the same item's text in another language is that language's, and is marked with
    ``lang`` (WCAG 3.1.2). Pages in their site's own language are sources: no query.
    """
    own = [item for item in items if not getattr(item, "redacted", False)]
    for item in own:
        item.text_lang = {}
    site = Site.find_for_request(request) if request is not None else None
    shown_in = active_locale(request) if request is not None else None
    if not own or site is None or shown_in is None:
        return
    language = site_language(site.pk, request)
    if shown_in.language_code == language:
        return
    others: dict[Any, list[dict]] = {}
    model = type(own[0])  # AgendaItem (models import this module: no import back)
    rows = (
        model._default_manager.filter(translation_key__in=[item.translation_key for item in own])
        .exclude(locale_id=page.locale_id)
        .values("translation_key", "locale__language_code", *TEXT_FIELDS)
    )
    for row in rows:
        others.setdefault(row["translation_key"], []).append(row)
    for item in own:
        # The site's own language first: it is where a translation usually comes from.
        candidates = sorted(
            others.get(item.translation_key, []),
            key=lambda row: row["locale__language_code"] != language,
        )
        for name in TEXT_FIELDS:
            text = getattr(item, name)
            match = next((row for row in candidates if text and row[name] == text), None)
            if match is not None:
                item.text_lang[name] = match["locale__language_code"]


def shown_people(items: list[AgendaItem], full: bool) -> list[Any]:
    """The people chosen as participants of the items the reader may see."""
    return [
        participant.person
        for item in items
        if full or not item.is_closed
        for participant in item.participants.all()
    ]


def _participant(participant: AgendaItemParticipant, person) -> dict[str, Any]:
    """A participant with the chosen person's name and role in the active language."""
    if person is None:
        return {"person": None, "name": participant.name, "role": participant.role}
    return {
        "person": person,
        # The chosen row's id, as attendance and members give theirs: the key of the
        # answer's ``people`` map, whatever language the person is shown in.
        "person_id": participant.person_id,
        "name": participant.name or person.name,
        "role": participant.role or person.role,
    }


def outcome_label(code: str) -> str:
    return str(Outcome(code).label) if code else ""


def status_label(code: str) -> str:
    return str(DocumentStatus(code).label) if code else ""


#: What :func:`meeting_context` gives the template, by name.
MEETING_CONTEXT_NAMES = (
    "items",
    "can_see_closed",
    "has_closed_items",
    "attendees",
    "absentees",
    "previous_meeting",
    "next_meeting",
    "council",
    "venue",
    "status_label",
    "structured_data",
)


def meeting_context(page: MinutesPage, request) -> dict[str, Any]:
    """Template context for a meeting page."""
    full = can_see_closed_items(request)
    loaded = page.loaded_items()
    attendance = page.loaded_attendance()
    # The participants, the attendance and the venue in the active language together:
    # one query for the translations of all of them (none when all are in that language).
    venue = page.venue if page.venue_id else None
    people = localize([*shown_people(loaded, full), *(row.person for row in attendance), venue])
    items = visible_items(loaded, full, people)
    mark_source_language(items, page, request)
    for row in attendance:
        row.shown_person = people.get(row.person)
    venue = people.get(venue) if venue is not None else None
    previous, following = page.siblings() if page.pk else (None, None)
    council = page.council if page.pk else None
    locale = active_locale(request)
    if locale is not None and locale.pk == page.locale_id:
        # The JSON-LD names the page's language: spare the query for a locale we hold.
        page._state.fields_cache.setdefault("locale", locale)
    return {
        "items": items,
        "can_see_closed": full,
        "has_closed_items": any(item.is_closed for item in items),
        "attendees": [row for row in attendance if row.status == Attendance.PRESENT],
        "absentees": [row for row in attendance if row.status == Attendance.ABSENT],
        "previous_meeting": previous,
        "next_meeting": following,
        "council": council,
        "venue": venue,
        "status_label": status_label(page.document_status),
        "structured_data": meeting_json_ld(page, council, venue, request),
    }


# --- JSON ---------------------------------------------------------------------------------


# Each answer is built by its schema (plugins/minutes/serializers.py) and dumped as JSON.


def document_json(document, context: dict[str, Any] | None) -> dict[str, Any]:
    return AttachmentOut(
        title=document.title,
        url=absolute(document.url, context),
        size=document.file_size,
        extension=(document.file_extension or "").lower(),
    ).model_dump(mode="json")


def item_json(item: AgendaItem | RedactedItem, context: dict[str, Any] | None) -> dict[str, Any]:
    """An agenda item as JSON; a redacted item has number, title and closed only."""
    if isinstance(item, RedactedItem):
        redacted = AgendaItemOut(number=item.number, title=item.title, closed=True)
        return redacted.model_dump(mode="json", exclude_unset=True)
    participants = getattr(item, "shown_participants", None)
    if participants is None:
        participants = visible_items([item], True)[0].shown_participants
    return AgendaItemOut(
        number=item.number,
        title=item.title,
        closed=item.is_closed,
        case_number=item.case_number,
        summary=rich_text_html(item.summary, context),
        recommendation=rich_text_html(item.recommendation, context),
        participants=[
            ParticipantOut(
                name=participant["name"],
                role=participant["role"],
                person_id=participant.get("person_id"),
            )
            for participant in participants
        ],
        participants_note=item.participants_note,
        decision=DecisionOut(
            outcome=item.decision_outcome or None,
            label=outcome_label(item.decision_outcome) or None,
            text=rich_text_html(item.decision_text, context),
        ),
        attachments=[
            document_json(attachment.document, context) for attachment in item.attachments.all()
        ],
    ).model_dump(mode="json")


def page_url(page: Page, context: dict[str, Any] | None) -> str | None:
    request = (context or {}).get("request")
    return absolute(page.get_url(request=request), context)


def meeting_times(page: MinutesPage) -> dict[str, Any]:
    zone = site_time_zone(page.get_site())
    return {
        "start": page.start.astimezone(zone).isoformat(),
        "end": page.end.astimezone(zone).isoformat() if page.end else None,
        "time_zone": zone.key,
    }


def attendance_json(page: MinutesPage, context: dict[str, Any] | None) -> list[dict[str, Any]]:
    rows = page.loaded_attendance()
    people = localize(row.person for row in rows)
    return [
        AttendanceOut(
            name=people[row.person].name,
            role=people[row.person].role,
            person_id=row.person_id,
            status=row.status,
            notice_given=row.notice_given if row.status == Attendance.ABSENT else None,
        ).model_dump(mode="json")
        for row in rows
    ]


def members_json(council, context: dict[str, Any] | None) -> list[dict[str, Any]]:
    members = council.members.all()
    if isinstance(members, QuerySet):
        members = members.select_related("person", "organisation")
    members = list(members)
    people = localize([m.person for m in members] + [m.organisation for m in members])
    return [
        MemberOut(
            name=people[member.person].name,
            person_id=member.person_id,
            role=member.role,
            role_label=str(member.get_role_display()),
            represents=member.represents
            or (people[member.organisation].name if member.organisation else ""),
            organisation_id=member.organisation_id,
            period_start=member.period_start,
            period_end=member.period_end,
        ).model_dump(mode="json")
        for member in members
    ]


def minutes_person_ids(page: MinutesPage, full: bool) -> set[int]:
    """The ``person_id`` a meeting's answer gives: attendance, and the participants of the
    items the reader may see (a person named only in a closed item stays unnamed)."""
    ids = {row.person_id for row in page.loaded_attendance()}
    ids.update(
        participant.person_id
        for item in page.loaded_items()
        if full or not item.is_closed
        for participant in item.participants.all()
        if participant.person_id
    )
    return ids


def council_reference_ids(council) -> tuple[set[int], set[int]]:
    """The ``person_id`` and ``organisation_id`` of a council's members."""
    members = list(council.members.all())
    return (
        {member.person_id for member in members},
        {member.organisation_id for member in members if member.organisation_id},
    )


def council_links(council, context: dict[str, Any] | None) -> dict[str, str]:
    from django.urls import reverse

    return CouncilLinksOut(
        export=absolute(reverse("minutes:council_export", args=[council.pk]), context),
        calendar=absolute(reverse("minutes:council_calendar", args=[council.pk]), context),
    ).model_dump(mode="json")
