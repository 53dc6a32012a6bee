"""Builds the meetings plugin's demo: an event index per site with one stand-alone conference.

The content is data in plugins/meetings/demo_content.py. The networks' own meetings are
built by the networks plugin's demo, under each network.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from cms.public import DemoContext, site_time_zone
from plugins.meetings.demo_content import (
    CONFERENCE,
    CONFERENCE_DAYS_AHEAD,
    CONFERENCE_LENGTH,
    CONFERENCE_SLUG,
    CONFERENCE_START,
    INDEX,
    ORGANISER,
    SESSION_TIME,
    SPEAKER,
    VENUE,
)
from plugins.meetings.models import EventIndexPage, MeetingKind, MeetingPage, MeetingStatus
from plugins.people.interface import Organisation, Person, Venue


def build(context: DemoContext) -> None:
    for demo_site in context.sites:
        language = demo_site.language
        zone = site_time_zone(demo_site.site)
        day = timezone.localdate(timezone=zone) + datetime.timedelta(days=CONFERENCE_DAYS_AHEAD)
        index = context.add_page(
            demo_site.home,
            EventIndexPage(**context.localized(INDEX, language), show_in_menus=True),
        )
        text = context.localized(CONFERENCE, language)
        start = datetime.datetime.combine(day, CONFERENCE_START, tzinfo=zone)
        context.add_page(
            index,
            MeetingPage(
                title=text["title"],
                slug=CONFERENCE_SLUG,
                kind=MeetingKind.CONFERENCE,
                status=MeetingStatus.PLANNED,
                start=start,
                end=start + CONFERENCE_LENGTH,
                venue=context.find(Venue, language, name=VENUE[language]),
                organiser=context.find(Organisation, language, name=ORGANISER),
                description=text["description"],
                programme=[
                    (
                        "session",
                        {
                            "start_time": SESSION_TIME[0],
                            "end_time": SESSION_TIME[1],
                            "headline": text["session"],
                            "description": "",
                            "speakers": [
                                {
                                    "person": context.find(Person, language, name=SPEAKER),
                                    "name": "",
                                    "role": "",
                                    "organisation": "",
                                }
                            ],
                        },
                    )
                ],
            ),
        )
