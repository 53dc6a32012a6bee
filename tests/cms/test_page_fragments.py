"""Rendered pages keep what every anonymous visitor sees in fragments per content generation.

The home page's body and sections, a network page's content and JSON-LD and a minutes page's
content and JSON-LD are rendered once per content generation, page, language and host; later
anonymous views read them and work out nothing of what they show (issue 18: uncached rendered
pages). Only answers for requests without a session or credential use them (cms/visibility.py).
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plugins.minutes.models import AgendaItem
from tests.factories.meetings import MeetingPageFactory, local, session
from tests.factories.minutes import AgendaItemFactory, CouncilPageFactory, publish_meeting
from tests.factories.networks import (
    NetworkIndexPageFactory,
    NetworkModeratorFactory,
    NetworkPageFactory,
)
from tests.factories.people import PersonFactory, VenueFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def view(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    return len(captured), CSRF.sub("", response.content.decode())


@pytest.fixture
def pages(home):
    people = [PersonFactory(name=f"Speaker {n}") for n in range(3)]
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        default_venue=VenueFactory(),
        contact_person=people[0],
        organiser=people[0].organisation,
    )
    NetworkModeratorFactory(page=network, person=people[1])
    for number in range(3):
        start = local(2030, 1 + number, 10, 9)
        MeetingPageFactory(
            parent=network,
            start=start,
            end=start + datetime.timedelta(hours=3),
            venue=VenueFactory(),
            programme=[session("09:00", "09:45", headline=f"Session {number}", people=people)],
        )
    council = CouncilPageFactory(parent=home("da"))
    minutes = publish_meeting(
        council, [AgendaItemFactory.build(title="Budget 2031")], title="March"
    )
    return {"home": "/", "network": network.get_url(), "minutes": minutes.get_url()}


#: Queries of a second anonymous view: the request's locale, and the page itself (the home
#: page is the site's root). Before, a network page took 9, a minutes page 13 and the home
#: page 3 on every view.
SECOND_VIEW_QUERIES = {"home": 1, "network": 2, "minutes": 2}


def test_a_second_anonymous_view_reads_the_fragments(client, pages):
    for kind, url in pages.items():
        first_queries, first = view(client, url)
        again_queries, again = view(client, url)
        assert again == first, kind  # byte for byte, but for the form's CSRF token
        assert again_queries <= SECOND_VIEW_QUERIES[kind] < first_queries, kind


def test_a_visitor_with_a_session_never_reads_or_fills_a_fragment(client, pages, admin_user):
    url = pages["minutes"]
    view(client, url)  # an anonymous view fills the fragments
    # A change that bumps no generation (a raw UPDATE): the fragment still holds the old
    # title, which only an anonymous visitor is given...
    AgendaItem.objects.filter(title="Budget 2031").update(title="Budget 2032")
    assert "Budget 2031" in view(client, url)[1]
    # ...while a logged-in editor's view is rendered afresh from the database,
    client.force_login(admin_user)
    assert "Budget 2032" in view(client, url)[1]
    # and stores nothing an anonymous visitor would then be given.
    client.logout()
    assert "Budget 2031" in view(client, url)[1]
