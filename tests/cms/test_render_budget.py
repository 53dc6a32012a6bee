"""Query budgets of rendered pages, and the per-generation memo of what every page shows.

A network page and a minutes page cost the same queries for one meeting or agenda item as
for many, within a budget: people, venues and organisations (with their translations) are
fetched once per model, and what the base template shows on every page (home page, menu,
language switcher, feed links) is remembered per content generation (cms/memo.py). What
remains is per request: routing, the page's view restrictions (no query while the site
has none), then one query per kind of thing the page shows.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.generation import bump_generation
from plugins.meetings.models import MeetingPage
from tests.factories.meetings import MeetingPageFactory, local, session
from tests.factories.minutes import (
    AgendaItemAttachmentFactory,
    AgendaItemFactory,
    AgendaItemParticipantFactory,
    CouncilPageFactory,
    MinutesAttendanceFactory,
    publish,
    publish_meeting,
)
from tests.factories.networks import (
    NetworkIndexPageFactory,
    NetworkModeratorFactory,
    NetworkPageFactory,
)
from tests.factories.people import (
    OrganisationFactory,
    PersonFactory,
    VenueFactory,
    translated,
)

pytestmark = pytest.mark.django_db

#: Warm queries of each page, with a translated programme: routing (locale, two queries per
#: path segment; none for view restrictions while the site has none), then the page's own
#: content.
NETWORK_BUDGET = 7
MINUTES_BUDGET = 13


def english_person(number: int, locales):
    """Someone chosen by Danish pages from English rows translated to Danish, so every
    localization path (person, organisation) is taken."""
    organisation = OrganisationFactory(locale=locales["en"], name=f"Forum {number}")
    translated(organisation, locales["da"], name=f"Forum {number} (da)")
    person = PersonFactory(
        locale=locales["en"], name=f"Speaker {number}", organisation=organisation
    )
    translated(person, locales["da"], role="Forsker")
    return person


def queries(client, url: str) -> tuple[int, str]:
    # Warm what a process fills once a generation. Twice: the first view stores what it
    # finds missing (documents' file sizes), which starts a new generation.
    client.get(url, HTTP_HOST="dk.localhost")
    client.get(url, HTTP_HOST="dk.localhost")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    return len(captured), response.content.decode()


def build_network(home, locales, meetings: int, slug: str):
    numbers = iter(range(100 * meetings, 100 * meetings + 100))
    moderator = english_person(next(numbers), locales)
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da"), slug=f"index-{slug}"),
        slug=slug,
        default_venue=VenueFactory(),
        contact_person=PersonFactory(),
        organiser=OrganisationFactory(),
    )
    NetworkModeratorFactory(page=network, person=moderator)
    for number in range(meetings):
        day = datetime.date(2030, 1, 10) + datetime.timedelta(days=30 * number)
        start = local(day.year, day.month, day.day, 8, 0)
        MeetingPageFactory(
            parent=network,
            start=start,
            end=start + datetime.timedelta(hours=10),
            venue=VenueFactory(),
            # Every other meeting has an organiser of its own, in English with a translation.
            organiser=(english_person(next(numbers), locales).organisation if number % 2 else None),
            programme=[
                session(
                    f"{8 + hour:02d}:00",
                    f"{8 + hour:02d}:45",
                    headline=f"Session {hour}",
                    people=[english_person(next(numbers), locales) for _ in range(2)],
                    venue=VenueFactory() if hour == 0 else None,
                )
                for hour in range(3)
            ],
        )
    return network


def test_network_page_queries_do_not_grow_with_its_meetings(client, home, locales):
    small = build_network(home, locales, meetings=1, slug="small")
    large = build_network(home, locales, meetings=6, slug="large")
    few, _ = queries(client, small.get_url())
    many, body = queries(client, large.get_url())
    assert body.count(">Session 2</h4>") == 6
    assert "Forsker" in body and "(da)" in body  # the Danish translations are shown
    assert many == few, f"{few} queries for one meeting, {many} for six"
    assert many <= NETWORK_BUDGET, f"{many} queries, more than {NETWORK_BUDGET}"

    # The first view of a generation fetches the programme's rows, in as many queries.
    cold = []
    for network in (small, large):
        bump_generation()
        with CaptureQueriesContext(connection) as captured:
            client.get(network.get_url(), HTTP_HOST="dk.localhost")
        cold.append(len(captured))
    assert cold[0] == cold[1], f"{cold[0]} cold queries for one meeting, {cold[1]} for six"

    # The remembered rows follow an edit.
    venue = MeetingPage.objects.child_of(large).first().venue
    venue.name = "Omdøbt sted"
    venue.save()
    assert "Omdøbt sted" in client.get(large.get_url(), HTTP_HOST="dk.localhost").content.decode()


def test_minutes_page_queries_do_not_grow_with_its_items(client, home, locales):
    council = CouncilPageFactory(parent=home("da"), slug="raadet")
    people = [english_person(number, locales) for number in range(3)]

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
        meeting = publish_meeting(council, items, slug=slug, venue=VenueFactory())
        meeting.attendance = [MinutesAttendanceFactory.build(person=person) for person in people]
        return publish(meeting)

    small = meeting_with(1, "small")
    large = meeting_with(15, "large")
    few, _ = queries(client, small.get_url())
    many, body = queries(client, large.get_url())
    assert "Forsker" in body
    assert many == few, f"{few} queries for one item, {many} for fifteen"
    assert many <= MINUTES_BUDGET, f"{many} queries, more than {MINUTES_BUDGET}"


def test_menu_and_language_switcher_follow_a_publish(client, home, locales):
    """What the base template remembers per generation is recomputed after a publish."""
    danish = home("da")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=danish))
    url = network.get_url()
    client.get(url, HTTP_HOST="dk.localhost")  # fills the memo

    page = NetworkIndexPageFactory.build(title="Nyt i menuen", slug="nyt", show_in_menus=True)
    danish.add_child(instance=page)
    page.save_revision().publish()
    english = network.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()

    body = client.get(url, HTTP_HOST="dk.localhost").content.decode()
    assert "Nyt i menuen" in body
    assert 'hreflang="en"' in body

    page.unpublish()
    assert "Nyt i menuen" not in client.get(url, HTTP_HOST="dk.localhost").content.decode()


def test_view_restriction_applies_after_the_memo_said_none(client, home):
    """A page's restriction check is skipped while the site has none, not once it has one."""
    from wagtail.models import PageViewRestriction

    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    url = network.get_url()
    assert client.get(url, HTTP_HOST="dk.localhost").status_code == 200  # fills the memo

    restriction = PageViewRestriction.objects.create(
        page=network.get_parent(), restriction_type="login"
    )
    response = client.get(url, HTTP_HOST="dk.localhost")
    assert response.status_code == 302
    assert "login" in response["Location"]

    restriction.delete()
    assert client.get(url, HTTP_HOST="dk.localhost").status_code == 200
