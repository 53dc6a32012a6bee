"""Factories for the minutes plugin: councils, members, meetings, items and their rows.

Child rows (members, attendance, items, participants, attachments) are built, not
created: they are assigned to a page's cluster and saved when the page is published, as
the admin does. ``publish_meeting`` is the one helper that builds a whole meeting.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

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
    Outcome,
)
from tests.factories import indexed_once
from tests.factories.cms import DocumentFactory
from tests.factories.people import PersonFactory

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


class CouncilPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CouncilPage

    title = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    description = "<p>Advises the town council.</p>"


class CouncilMemberFactory(factory.Factory):
    class Meta:
        model = CouncilMember

    person = factory.LazyFunction(lambda: PersonFactory())
    role = MemberRole.MEMBER
    represents = "Town council"
    period_start = dt.date(2024, 1, 1)
    period_end = dt.date(2027, 12, 31)


class MinutesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MinutesPage

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    start = dt.datetime(2025, 3, 10, 16, 30, tzinfo=COPENHAGEN)
    document_status = DocumentStatus.MINUTES_APPROVED


class AgendaItemFactory(factory.Factory):
    class Meta:
        model = AgendaItem

    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Open item {n}")
    is_closed = False
    summary = "<p>Background of the item.</p>"
    recommendation = "<p>The administration recommends approval.</p>"
    decision_outcome = Outcome.APPROVED
    decision_text = "<p>Approved as recommended.</p>"


class AgendaItemParticipantFactory(factory.Factory):
    class Meta:
        model = AgendaItemParticipant

    name = factory.Sequence(lambda n: f"Guest {n}")
    role = "Presents the item"


class AgendaItemAttachmentFactory(factory.Factory):
    class Meta:
        model = AgendaItemAttachment

    # Rows are built, but what they point at must exist: create it.
    document = factory.LazyFunction(lambda: DocumentFactory())


class MinutesAttendanceFactory(factory.Factory):
    class Meta:
        model = MinutesAttendance

    person = factory.LazyFunction(lambda: PersonFactory())
    status = Attendance.PRESENT


@indexed_once
def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@indexed_once
def publish_meeting(council: CouncilPage, items: list[AgendaItem], **fields) -> MinutesPage:
    """A live meeting under ``council`` with ``items`` (built, unsaved AgendaItem rows)."""
    meeting = MinutesPageFactory.build(**fields)
    meeting.agenda_items = items
    council.add_child(instance=meeting)
    return publish(meeting)
