"""Builds the networks plugin's demo: two networks per site, each with a season of five
meetings, and an English version of each site's first network.

The content is data in plugins/networks/demo_content.py. Meetings are built here because
they are the networks' children; they use the meetings plugin's declared model.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from cms.public import ContentPage, DemoContext, DemoSite, site_time_zone
from plugins.meetings.interface import MeetingKind, MeetingPage, MeetingStatus
from plugins.networks.demo_content import (
    CURRENCY,
    FEE,
    INDEX,
    MEETING_HOURS,
    MEETING_OFFSETS,
    NETWORKS,
    OVERNIGHT_END,
    OVERNIGHT_VENUE,
    SESSIONS,
    SIGNUP_URL,
    TERMS_PAGE,
    TERMS_VERSION,
    TEXTS,
    USUAL_VENUE,
    VAT_NOTE,
)
from plugins.networks.models import NetworkIndexPage, NetworkModerator, NetworkPage
from plugins.people.interface import Organisation, Person, Venue


def _at(day: datetime.date, clock: str, zone: ZoneInfo) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.fromisoformat(clock), tzinfo=zone)


def _season_label(today: datetime.date) -> str:
    first = today.year if today.month >= 7 else today.year - 1
    return f"{first}/{str(first + 1)[2:]}"


def _programme(context: DemoContext, language: str, day: datetime.date) -> list:
    sessions = []
    for offset, start, end, headline, names, inline in SESSIONS:
        speakers = [
            {
                "person": context.find(Person, language, name=name),
                "name": "",
                "role": "",
                "organisation": "",
            }
            for name in names
        ]
        if inline:
            name, roles, organisation = inline
            speakers.append(
                {
                    "person": None,
                    "name": name,
                    "role": context.text(roles, language),
                    "organisation": organisation,
                }
            )
        sessions.append(
            (
                "session",
                {
                    "day": day + datetime.timedelta(days=offset),
                    "start_time": datetime.time.fromisoformat(start),
                    "end_time": datetime.time.fromisoformat(end),
                    "venue": None,
                    "room": "",
                    "headline": context.text(headline, language),
                    "description": "",
                    "speakers": speakers,
                },
            )
        )
    return sessions


def _one_part_speakers(context: DemoContext, spec: dict, language: str) -> list:
    """A morning with two speakers: named on the meeting itself, with no programme."""
    return [
        (
            "speaker",
            {
                "person": context.find(Person, language, name=name),
                "name": "",
                "affiliation": "",
                "role": "",
                "organisation": "",
            },
        )
        for name in ("Karin Lindqvist", spec["contact"])
    ]


def meeting_specs(
    context: DemoContext, spec: dict, language: str, zone: ZoneInfo, today: datetime.date
) -> list[dict]:
    """Five meetings around ``today``: two past, an overnight one, one unconfirmed (a morning
    with two speakers on the meeting itself and no programme), one cancelled."""
    usual = context.find(Venue, language, name=USUAL_VENUE[language])
    manor = context.find(Venue, language, name=OVERNIGHT_VENUE)
    text = context.localized(TEXTS, language)
    opens, closes = MEETING_HOURS
    meetings = []
    for number, offset in enumerate(MEETING_OFFSETS, start=1):
        day = today + datetime.timedelta(days=offset)
        kind, status, note = MeetingKind.REGULAR, MeetingStatus.CONFIRMED, ""
        start, end = _at(day, opens, zone), _at(day, closes, zone)
        venue, programme, description = usual, [], text["description"]
        speakers = []
        if number == 3:
            kind = MeetingKind.OVERNIGHT
            end = _at(day + datetime.timedelta(days=1), OVERNIGHT_END, zone)
            venue, programme = manor, _programme(context, language, day)
            description = text["overnight"]
        elif number == 4:
            status, note = MeetingStatus.NOT_CONFIRMED, text["unconfirmed"]
            speakers = _one_part_speakers(context, spec, language)
        elif number == 5:
            status, note = MeetingStatus.CANCELLED, text["cancelled"]
        meetings.append(
            {
                "title": context.text(spec["meetings"][number - 1], language),
                "slug": f"meeting-{number}",
                "sequence_label": text["sequence"].format(n=number),
                "kind": kind,
                "status": status,
                "status_note": note,
                "start": start,
                "end": end,
                "venue": venue,
                "description": description,
                "speakers": speakers,
                "programme": programme,
                "signup_label": text["signup"] if offset > 0 else "",
                "signup_url": SIGNUP_URL if offset > 0 else "",
            }
        )
    return meetings


def network_fields(context: DemoContext, spec: dict, language: str, today: datetime.date) -> dict:
    """A network's text in ``language``: what its English version translates."""
    text = context.localized(TEXTS, language)
    return {
        **context.localized({key: spec[key] for key in ("title", "topic", "lead")}, language),
        "body": [("text", text["body"])],
        "season_label": _season_label(today),
        "fee_vat_note": VAT_NOTE[language],
        "fee_includes": text["includes"],
        "membership_text": text["membership"],
        "notices": [
            (
                "notice",
                {"kind": "health", "heading": text["notice_heading"], "text": text["notice"]},
            )
        ],
        "about_organiser": text["about"],
        "interest_intro": text["interest_intro"],
    }


def _terms_fields(context: DemoContext, language: str) -> dict:
    text = context.localized(TERMS_PAGE, language)
    return {
        "title": text["title"],
        "slug": text["slug"],
        "intro": text["intro"],
        "body": [("text", text["body"])],
    }


def terms_page(context: DemoContext, demo_site: DemoSite) -> ContentPage:
    """The site's terms page (the core's generic ContentPage under the home page), in the
    site's language and translated into the languages the site shares."""
    page = context.add_page(
        demo_site.home,
        ContentPage(show_in_menus=False, **_terms_fields(context, demo_site.language)),
    )
    for other in context.shared_languages(demo_site):
        context.translate(page, other, **_terms_fields(context, other))
    return page


def build_site(context: DemoContext, demo_site: DemoSite) -> None:
    language = demo_site.language
    zone = site_time_zone(demo_site.site)
    today = timezone.localdate(timezone=zone)
    terms = terms_page(context, demo_site)
    index = context.add_page(
        demo_site.home,
        NetworkIndexPage(**context.localized(INDEX, language), show_in_menus=True),
    )
    for position, spec in enumerate(NETWORKS):
        network = NetworkPage(
            slug=spec["slug"],
            meetings_per_season=5,
            includes_overnight_meeting=True,
            fee_amount=FEE[language],
            fee_currency=CURRENCY[language],
            default_venue=context.find(Venue, language, name=USUAL_VENUE[language]),
            contact_person=context.find(Person, language, name=spec["contact"]),
            contact_email=f"{spec['key']}@example.org",
            organiser=context.find(Organisation, language, name=spec["organiser"]),
            terms_page=terms,
            terms_version=TERMS_VERSION,
            **network_fields(context, spec, language, today),
        )
        network.moderators = [
            NetworkModerator(
                person=context.find(Person, language, name=spec["moderator"]),
                **context.localized(
                    {"quote": spec["quote"], "presentation": spec["presentation"]}, language
                ),
            ),
            # No quote, no presentation: the page shows the name, role and biography.
            NetworkModerator(person=context.find(Person, language, name=spec["co_moderator"])),
        ]
        network = context.add_page(index, network)
        meetings = [
            context.add_page(network, MeetingPage(**fields))
            for fields in meeting_specs(context, spec, language, zone, today)
        ]
        if position == 0:
            for other in context.shared_languages(demo_site):
                translate_network(context, index, network, meetings, spec, other, zone, today)


def translate_network(context, index, network, meetings, spec, language, zone, today) -> None:
    """The index, the network and its meetings in ``language``."""
    context.translate(index, language, **context.localized(INDEX, language))
    moderator = network.moderators.first()
    fields = network_fields(context, spec, language, today)
    translated = context.translate(network, language, slug=network.slug, **fields)
    if moderator is not None and translated.moderators.filter(quote=moderator.quote).exists():
        # The quoted moderator's words; a moderator without a quote has none to translate.
        translated.moderators.filter(quote=moderator.quote).update(
            quote=context.text(spec["quote"], language),
            presentation=context.text(spec["presentation"], language),
        )
    translations = {m["slug"]: m for m in meeting_specs(context, spec, language, zone, today)}
    for meeting in meetings:
        source = translations[meeting.slug]
        context.translate(
            meeting,
            language,
            slug=meeting.slug,
            **{
                name: source[name]
                for name in (
                    "title",
                    "sequence_label",
                    "status_note",
                    "description",
                    "signup_label",
                )
            },
        )


def build(context: DemoContext) -> None:
    for demo_site in context.sites:
        build_site(context, demo_site)
