"""The council and meeting pages as a visitor sees them."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from plugins.minutes.models import DocumentStatus, Outcome
from tests.factories.cms import DocumentFactory
from tests.factories.minutes import (
    COPENHAGEN,
    AgendaItemAttachmentFactory,
    AgendaItemFactory,
    AgendaItemParticipantFactory,
    CouncilMemberFactory,
    CouncilPageFactory,
    MinutesAttendanceFactory,
    publish,
    publish_meeting,
)
from tests.factories.people import PersonFactory, VenueFactory

pytestmark = pytest.mark.django_db


def at(year: int, month: int, day: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, 16, 30, tzinfo=COPENHAGEN)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_archive_lists_meetings_by_year_newest_first(home, host_client):
    council = CouncilPageFactory(parent=home("da"), slug="aeldreraadet")
    for start, status in (
        (at(2024, 3), DocumentStatus.MINUTES_APPROVED),
        (at(2026, 2), DocumentStatus.AGENDA),
        (at(2025, 11), DocumentStatus.MINUTES_DRAFT),
        (at(2025, 5), DocumentStatus.MINUTES_APPROVED),
        # Just after midnight on 1 January in Copenhagen, still 2024 in UTC.
        (dt.datetime(2025, 1, 1, 0, 30, tzinfo=COPENHAGEN), DocumentStatus.MINUTES_APPROVED),
    ):
        publish_meeting(
            council,
            [AgendaItemFactory.build(number="1")],
            title=f"Meeting {start:%Y-%m-%d}",
            start=start,
            document_status=status,
        )

    page = soup(host_client.get("da", "/aeldreraadet/"))
    archive = page.select_one("#archive")
    years = [heading.get_text() for heading in archive.select("h3")]
    assert years == ["2026", "2025", "2024"]
    per_year = [
        [link.get_text() for link in section.select("li a")]
        for section in archive.select(".archive-year")
    ]
    assert per_year == [
        ["Meeting 2026-02-10"],
        ["Meeting 2025-11-10", "Meeting 2025-05-10", "Meeting 2025-01-01"],
        ["Meeting 2024-03-10"],
    ]
    statuses = [label.get_text() for label in archive.select(".status")]
    # Danish site: "Agenda", "Minutes (draft)", "Minutes".
    assert statuses == ["Dagsorden", "Referat (udkast)", "Referat", "Referat", "Referat"]


def test_council_page_shows_members_and_secretariat(home, host_client):
    council = CouncilPageFactory.build(
        slug="raadet",
        secretariat=[
            (
                "contact",
                {
                    "department": "Job and Welfare",
                    "address": "Havnevej 15\n9000 Eksempelby",
                    "phone": "+45 99 31 37 00",
                    "email": "raadet@example.org",
                    "opening_hours": [{"days": "Mon–Thu", "hours": "10–15"}],
                },
            )
        ],
    )
    council.members = [
        CouncilMemberFactory.build(
            person=PersonFactory(name="Hanne Bech"), role="chair", represents="Byrådet"
        ),
        CouncilMemberFactory.build(
            person=PersonFactory(name="Yusuf Demir"), role="vice_chair", represents="Nye Naboer"
        ),
    ]
    home("da").add_child(instance=council)
    publish(council)
    page = soup(host_client.get("da", "/raadet/"))
    rows = [[cell.get_text() for cell in row.select("th, td")] for row in page.select("tbody tr")]
    assert rows[0][:3] == ["Hanne Bech", "Formand", "Byrådet"]
    assert rows[1][:3] == ["Yusuf Demir", "Næstformand", "Nye Naboer"]
    # Numeric dates as Dansk Sprognævn writes them: no leading zeros (docs/translation.md).
    assert rows[0][3] == "1.1.2024–31.12.2027"
    contact = page.select_one(".contact")
    assert "Job and Welfare" in contact.get_text()
    assert "+45 99 31 37 00" in contact.get_text()
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "GovernmentOrganization"
    assert data["telephone"] == "+45 99 31 37 00"


@pytest.mark.parametrize("language", ["da", "sv", "nb", "en"])
def test_decisions_render_with_translated_labels(home, host_client, language, locales):
    council = CouncilPageFactory(parent=home("da"), slug="raadet")
    items = [
        AgendaItemFactory.build(number=str(index + 1), decision_outcome=outcome)
        for index, outcome in enumerate(Outcome.values)
    ]
    meeting = publish_meeting(council, items, slug="moede")
    path = "/raadet/moede/"
    if language != "da":
        council.copy_for_translation(locales[language]).save_revision().publish()
        meeting.copy_for_translation(locales[language]).save_revision().publish()
        path = f"/{language}{path}"
    page = soup(host_client.get("da", path))
    assert page.html["lang"] == language
    shown = [label.get_text() for label in page.select(".decision-outcome")]
    with translation.override(language):
        expected = [str(Outcome(value).label) for value in Outcome.values]
        heading = translation.gettext("Decision")
    assert shown == expected
    assert page.select_one(".decision h4").get_text() == heading


def test_decision_label_is_danish_on_the_danish_site(home, host_client):
    # A literal Danish word, so a missing or stale catalogue cannot pass as "translated".
    council = CouncilPageFactory(parent=home("da"), slug="raadet")
    publish_meeting(council, [AgendaItemFactory.build(decision_outcome=Outcome.NONE)], slug="m")
    page = soup(host_client.get("da", "/raadet/m/"))
    assert page.select_one(".decision-outcome").get_text() == "Ingen"


def test_meeting_page_structure(home, host_client):
    council = CouncilPageFactory(parent=home("da"), slug="raadet", title="Integrationsrådet")
    venue = VenueFactory(name="Havnehuset")
    publish_meeting(council, [AgendaItemFactory.build()], slug="a", start=at(2025, 1))
    item = AgendaItemFactory.build(number="4", title="Plan", decision_outcome=Outcome.DISCUSSED)
    item.participants = [AgendaItemParticipantFactory.build(name="Trude Berg", role="Leader")]
    item.attachments = [AgendaItemAttachmentFactory.build(document=DocumentFactory(title="Plan"))]
    meeting = publish_meeting(
        council,
        [item],
        slug="b",
        start=at(2025, 3),
        end=at(2025, 3) + dt.timedelta(hours=2),
        venue=venue,
        room="Room 2",
    )
    meeting.attendance = [
        MinutesAttendanceFactory.build(person=PersonFactory(name="Ane Present")),
        MinutesAttendanceFactory.build(
            person=PersonFactory(name="Bo Away"), status="absent", notice_given=True
        ),
    ]
    publish(meeting)
    publish_meeting(council, [AgendaItemFactory.build()], slug="c", start=at(2025, 6))

    page = soup(host_client.get("da", "/raadet/b/"))
    assert len(page.select("h1")) == 1
    crumbs = [li.get_text(strip=True) for li in page.select(".breadcrumbs li")]
    assert crumbs[1:] == ["Integrationsrådet", meeting.title]
    assert page.select_one('a[rel="prev"]')["href"] == "/raadet/a/"
    assert page.select_one('a[rel="next"]')["href"] == "/raadet/c/"
    article = page.select_one("article.agenda-item#item-4")
    assert article.select_one(".item-number").get_text() == "4."
    assert article.select_one(".decision")  # kept together in print by .decision
    assert "Trude Berg, Leader" in article.select_one(".participants").get_text()
    assert article.select_one(".attachments a")["href"].startswith("/documents/")
    assert "Ane Present" in page.select_one(".attendance").get_text()
    assert "Bo Away (meldt afbud)" in page.select_one(".attendance").get_text()
    # Time shown in the site's zone (Copenhagen), not UTC, as Danish writes it.
    assert "kl. 16.30" in page.select_one(".meeting-facts").get_text()

    print_sheets = [link["href"] for link in page.select('link[rel="stylesheet"][media="print"]')]
    assert any(href.endswith("minutes/print.css") for href in print_sheets)
    assert any(href.endswith("cms/print.css") for href in print_sheets)

    event = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert event["@type"] == "Event"
    assert event["startDate"] == "2025-03-10T16:30:00+01:00"
    assert event["organizer"]["name"] == "Integrationsrådet"
    # The room is part of the place (it was dropped once the venue was set).
    assert event["location"]["name"] == "Havnehuset, Room 2"
    assert event["location"]["address"]["addressLocality"] == "Eksempelby"
    assert event["url"] == "http://dk.localhost/raadet/b/"


def test_print_stylesheet_keeps_items_and_decisions_together():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("minutes/print.css")).read_text()
    rule = re.search(r"\.agenda-item \{([^}]*)\}", css).group(1)
    assert "break-inside: avoid" in rule
    assert re.search(r"\.decision[^{]*\{[^}]*break-inside: avoid", css)


def test_query_count_does_not_grow_with_the_number_of_items(home, client):
    council = CouncilPageFactory(parent=home("da"), slug="raadet")
    people = [PersonFactory(name=f"Person {n}") for n in range(3)]

    def meeting_with(count: int, slug: str):
        items = []
        for number in range(1, count + 1):
            item = AgendaItemFactory.build(number=str(number), is_closed=number % 5 == 0)
            item.participants = [
                AgendaItemParticipantFactory.build(person=people[number % 3], name=""),
                AgendaItemParticipantFactory.build(),
            ]
            item.attachments = [AgendaItemAttachmentFactory.build()]
            items.append(item)
        meeting = publish_meeting(council, items, slug=slug)
        meeting.attendance = [MinutesAttendanceFactory.build(person=person) for person in people]
        return publish(meeting)

    small = meeting_with(1, "small")
    large = meeting_with(15, "large")

    def queries(page) -> int:
        client.get(page.get_url(), HTTP_HOST="dk.localhost")  # warm caches (site, locales)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.get_url(), HTTP_HOST="dk.localhost")
        assert response.status_code == 200
        return len(captured)

    assert queries(large) == queries(small)
