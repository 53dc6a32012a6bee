"""Factories for the meetings plugin: event index pages, meetings and their sessions."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from plugins.meetings.models import EventIndexPage, MeetingKind, MeetingPage, MeetingStatus

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def local(year, month, day, hour=0, minute=0, zone=COPENHAGEN) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = factory.Sequence(lambda n: f"Events {n}")
    intro = "Conferences open to everyone."


def session(
    start: str,
    end: str,
    *,
    headline: str = "A session",
    day: datetime.date | None = None,
    people=(),
    inline=(),
    venue=None,
) -> tuple[str, dict]:
    """A programme entry as (block type, native value), for MeetingPage(programme=[...])."""
    speakers = [{"person": person, "name": "", "role": "", "organisation": ""} for person in people]
    speakers += [
        {"person": None, "name": name, "role": role, "organisation": organisation}
        for name, role, organisation in inline
    ]
    return (
        "session",
        {
            "day": day,
            "start_time": datetime.time.fromisoformat(start),
            "end_time": datetime.time.fromisoformat(end),
            "venue": venue,
            "room": "",
            "headline": headline,
            "description": RichText("<p>What we will talk about.</p>"),
            "speakers": speakers,
        },
    )


def speakers(*, people=(), inline=()) -> list[tuple[str, dict]]:
    """A meeting's own speakers as (block type, native value), for MeetingPage(speakers=[...]);
    ``inline`` holds (name, affiliation, role, organisation) of speakers typed in."""
    values = [
        {"person": person, "name": "", "affiliation": "", "role": "", "organisation": ""}
        for person in people
    ]
    values += [
        {
            "person": None,
            "name": name,
            "affiliation": affiliation,
            "role": role,
            "organisation": organisation,
        }
        for name, affiliation, role, organisation in inline
    ]
    return [("speaker", value) for value in values]


class MeetingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Meeting {n}")
    kind = MeetingKind.REGULAR
    status = MeetingStatus.CONFIRMED
    start = factory.LazyFunction(lambda: local(2030, 3, 5, 9, 30))
    end = factory.LazyAttribute(lambda meeting: meeting.start + datetime.timedelta(hours=3))
    previous_start = factory.LazyAttribute(
        lambda meeting: (
            meeting.start - datetime.timedelta(days=14)
            if meeting.status == MeetingStatus.POSTPONED
            else None
        )
    )
    description = "<p>A meeting about local democracy.</p>"
    sequence_label = "Meeting 1 of 5"
