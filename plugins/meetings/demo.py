"""Demo events: an event index per site with one stand-alone conference.

The networks' own meetings are built by the networks plugin's demo, under each network.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from cms.public import DemoContext, site_time_zone
from plugins.meetings.models import EventIndexPage, MeetingKind, MeetingPage, MeetingStatus
from plugins.people.interface import Organisation, Person, Venue

INDEX = {
    "title": {"da": "Konferencer", "sv": "Konferenser", "nb": "Konferanser", "en": "Conferences"},
    "slug": {"da": "konferencer", "sv": "konferenser", "nb": "konferanser", "en": "conferences"},
    "intro": {
        "da": "Åbne konferencer for alle, der arbejder med lokal velfærd.",
        "sv": "Öppna konferenser för alla som arbetar med lokal välfärd.",
        "nb": "Åpne konferanser for alle som jobber med lokal velferd.",
        "en": "Open conferences for everyone working in local welfare.",
    },
}
CONFERENCE = {
    "title": {
        "da": "Nordisk velfærdsdag",
        "sv": "Nordisk välfärdsdag",
        "nb": "Nordisk velferdsdag",
        "en": "Nordic Welfare Day",
    },
    "description": {
        "da": "<p>En dag med oplæg og debat om fremtidens lokale velfærd.</p>",
        "sv": "<p>En dag med föredrag och debatt om framtidens lokala välfärd.</p>",
        "nb": "<p>En dag med foredrag og debatt om fremtidens lokale velferd.</p>",
        "en": "<p>A day of talks and debate on the future of local welfare.</p>",
    },
    "session": {
        "da": "Velfærd tæt på borgerne",
        "sv": "Välfärd nära invånarna",
        "nb": "Velferd nær innbyggerne",
        "en": "Welfare close to residents",
    },
}
VENUE = {"da": "Havnehuset", "sv": "Kulturhuset Åstad", "nb": "Fjordby rådhus", "en": "Havnehuset"}


def _in_locale(model, locale, **lookup):
    source = model.objects.filter(**lookup).first()
    if source is None:
        return None
    return source.get_translation_or_none(locale) or source


def build(context: DemoContext) -> None:
    text = DemoContext.text
    for demo_site in context.sites:
        language = demo_site.language
        locale = demo_site.home.locale
        zone = site_time_zone(demo_site.site)
        day = timezone.localdate(timezone=zone) + datetime.timedelta(days=120)
        index = context.add_page(
            demo_site.home,
            EventIndexPage(
                title=text(INDEX["title"], language),
                slug=text(INDEX["slug"], language),
                intro=text(INDEX["intro"], language),
                show_in_menus=True,
            ),
        )
        speaker = _in_locale(Person, locale, name="Karin Lindqvist")
        start = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=zone)
        context.add_page(
            index,
            MeetingPage(
                title=text(CONFERENCE["title"], language),
                slug="welfare-day",
                kind=MeetingKind.CONFERENCE,
                status=MeetingStatus.PLANNED,
                start=start,
                end=start + datetime.timedelta(hours=7),
                venue=_in_locale(Venue, locale, name=VENUE[language]),
                organiser=_in_locale(Organisation, locale, name="Nordisk Kommuneforum"),
                description=text(CONFERENCE["description"], language),
                programme=[
                    (
                        "session",
                        {
                            "start_time": datetime.time(9, 30),
                            "end_time": datetime.time(10, 30),
                            "headline": text(CONFERENCE["session"], language),
                            "description": "",
                            "speakers": [
                                {
                                    "person": speaker,
                                    "name": "" if speaker else "Karin Lindqvist",
                                    "role": "",
                                    "organisation": "",
                                }
                            ],
                        },
                    )
                ],
            ),
        )
