"""Builds the minutes plugin's demo: councils and their meetings on every site, in the
site's language and English.

The content is data in plugins/minutes/demo_content.py; this module turns it into pages
with the demo context's helpers. English versions are Wagtail copies with the English
text set on the page and its agenda items (``DemoContext.copy_translation``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from cms.public import DemoContext, DemoSite, format_date, site_time_zone
from plugins.minutes.access import closed_collection
from plugins.minutes.demo_content import (
    AGENDA,
    CLOSED,
    COUNCILS,
    HOURS,
    INTRO,
    MEETING_LENGTH,
    MEETING_OFFSETS,
    MEETING_START,
    MEETING_WORD,
    MEMBERS,
    OTHER,
    PHONES,
    ROLES,
    ROOMS,
    SECRETARIAT_ADDRESS,
    SUBSTITUTE_TERM_ENDS,
    TERM_BEGAN,
    TERM_ENDS,
    TOWNS,
    UPDATE,
    VENUES,
    CouncilSpec,
    ItemSpec,
)
from plugins.minutes.models import (
    AgendaItem,
    AgendaItemAttachment,
    AgendaItemParticipant,
    Attendance,
    CouncilMember,
    CouncilPage,
    DocumentStatus,
    MemberRole,
    MinutesAttendance,
    MinutesPage,
)
from plugins.people.interface import Person, Venue


def build(context: DemoContext) -> None:
    for demo_site in context.sites:
        for spec in COUNCILS:
            _build_council(context, demo_site, spec)


def _members(context: DemoContext, language: str) -> list[Person]:
    return [
        context.add_snippet(Person(locale=context.locale(language), name=name, role=role))
        for name, role in MEMBERS[language]
    ]


def _secretariat(spec: CouncilSpec, language: str, town: str) -> list:
    days, hours = HOURS[language]
    slug = spec.slug["en"]
    return [
        (
            "contact",
            {
                "department": DemoContext.text(spec.department, language),
                "address": SECRETARIAT_ADDRESS[language],
                "phone": PHONES[language],
                "email": f"{slug}@{town.lower().replace('å', 'a')}.example.org",
                "opening_hours": [{"days": days, "hours": hours}],
            },
        )
    ]


def _build_council(context: DemoContext, demo_site: DemoSite, spec: CouncilSpec) -> None:
    language = demo_site.language
    town = TOWNS[language]
    people = _members(context, language)
    council = CouncilPage(
        title=spec.title[language],
        slug=spec.slug[language],
        description=f"<p>{spec.description[language].format(town=town)}</p>",
        secretariat=_secretariat(spec, language, town),
        show_in_menus=True,
    )
    today = timezone.localdate()
    month = today.replace(day=1)
    council.members = [
        CouncilMember(
            person=person,
            role=role,
            represents=spec.represents[index][language],
            period_start=month - timedelta(days=TERM_BEGAN),
            period_end=month
            + timedelta(days=TERM_ENDS if role != MemberRole.SUBSTITUTE else SUBSTITUTE_TERM_ENDS),
        )
        for index, (person, role) in enumerate(zip(people, ROLES, strict=True))
    ]
    council = context.add_page(demo_site.home, council)

    venue = context.find(Venue, language, name=VENUES[language])
    items = {item.key: item for item in [AGENDA, UPDATE, OTHER, CLOSED, *spec.items]}
    zone = site_time_zone(demo_site.site)
    meetings = []
    for index, (offset, keys) in enumerate(zip(MEETING_OFFSETS, spec.meetings, strict=True)):
        day = today + timedelta(days=offset)
        start = datetime.combine(day, MEETING_START, tzinfo=zone)
        meeting = _meeting(
            context,
            demo_site,
            council,
            spec,
            [items[key] for key in keys],
            people,
            venue,
            index=index,
            start=start,
            past=offset < 0,
        )
        meetings.append((meeting, [items[key] for key in keys]))

    for other in context.shared_languages(demo_site):
        _translate_council(context, council, spec, other)
        for meeting, meeting_items in meetings:
            _translate_meeting(context, meeting, meeting_items, other)


def _document(context: DemoContext, spec: ItemSpec, language: str, council_key: str, private: bool):
    title = f"{DemoContext.text(spec.attachment, language)} ({TOWNS[language]}, {council_key})"
    text = DemoContext.text(spec.summary or spec.recommendation or spec.title, language)
    return context.document(
        title, f"{title}\n\n{text}\n", collection=closed_collection() if private else None
    )


def _meeting(
    context: DemoContext,
    demo_site: DemoSite,
    council: CouncilPage,
    spec: CouncilSpec,
    item_specs: list[ItemSpec],
    people: list[Person],
    venue,
    *,
    index: int,
    start: datetime,
    past: bool,
) -> MinutesPage:
    language = demo_site.language
    slug = f"meeting-{index + 1}"
    # Found before it is built: building it makes the agenda's attachments.
    existing = context.find_page(council, slug, missing_ok=True)
    if existing is not None:
        return existing
    page = MinutesPage(
        title=_meeting_title(start, language),
        slug=slug,
        start=start,
        end=start + MEETING_LENGTH,
        venue=venue,
        room=ROOMS[language],
        document_status=DocumentStatus.MINUTES_APPROVED if past else DocumentStatus.AGENDA,
        introduction=INTRO[language],
    )
    page.agenda_items = [
        _item(context, spec, item, position, language, past)
        for position, item in enumerate(item_specs)
    ]
    if past:
        page.attendance = [
            MinutesAttendance(person=person, status=Attendance.PRESENT) for person in people[:4]
        ] + [
            MinutesAttendance(person=people[4], status=Attendance.ABSENT, notice_given=True),
            MinutesAttendance(person=people[5], status=Attendance.ABSENT, notice_given=False),
        ]
    return context.add_page(council, page)


def _item_text(item: ItemSpec, language: str) -> dict[str, str]:
    """An agenda item's text in ``language``; fields the data leaves out are empty."""
    text = DemoContext.text
    return {
        "title": text(item.title, language),
        "summary": f"<p>{text(item.summary, language)}</p>" if item.summary else "",
        "recommendation": f"<p>{text(item.recommendation, language)}</p>"
        if item.recommendation
        else "",
        "participants_note": text(item.participants_note, language)
        if item.participants_note
        else "",
    }


def _decision(item: ItemSpec, language: str) -> str:
    return f"<p>{DemoContext.text(item.decision, language)}</p>" if item.decision else ""


def _item(
    context, spec: CouncilSpec, item: ItemSpec, position: int, language: str, past: bool
) -> AgendaItem:
    row = AgendaItem(
        number=str(position + 1),
        is_closed=item.closed,
        case_number=f"{2024 + position % 2}-{spec.key[:3].upper()}-{position + 17:03d}",
        decision_outcome=item.outcome if past else "",
        decision_text=_decision(item, language) if past else "",
        **_item_text(item, language),
    )
    row.participants = [
        AgendaItemParticipant(name=name, role=DemoContext.text(role, language))
        for name, role in item.participants
    ]
    if item.attachment:
        row.attachments = [
            AgendaItemAttachment(document=_document(context, item, language, spec.key, item.closed))
        ]
    return row


def _meeting_title(start: datetime, language: str) -> str:
    return f"{MEETING_WORD[language]} {format_date(start.date(), language=language)}"


def _translate_council(
    context: DemoContext, council: CouncilPage, spec: CouncilSpec, language: str
) -> None:
    source_language = council.locale.language_code
    town = TOWNS[source_language]

    def edit(translated: CouncilPage) -> None:
        translated.title = spec.title[language]
        translated.slug = spec.slug[language]
        translated.description = f"<p>{spec.description[language].format(town=town)}</p>"
        translated.secretariat = _secretariat(spec, source_language, town)
        translated.secretariat[0].value["department"] = spec.department[language]
        for member, represents in zip(translated.members.all(), spec.represents, strict=False):
            member.represents = represents[language]

    context.copy_translation(council, language, edit)


def _translate_meeting(
    context: DemoContext, meeting: MinutesPage, item_specs: list[ItemSpec], language: str
) -> None:
    def edit(translated: MinutesPage) -> None:
        translated.title = _meeting_title(meeting.start, language)
        translated.introduction = INTRO[language]
        for row, item in zip(translated.agenda_items.all(), item_specs, strict=True):
            for name, value in _item_text(item, language).items():
                setattr(row, name, value)
            if row.decision_text and item.decision:
                row.decision_text = _decision(item, language)

    context.copy_translation(meeting, language, edit)
