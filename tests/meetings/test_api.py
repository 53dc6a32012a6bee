"""External sites rebuild networks and meetings from the API without looking up ids."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from plugins.meetings.models import MeetingStatus
from tests.factories.meetings import EventIndexPageFactory, MeetingPageFactory, local, session
from tests.factories.networks import (
    NetworkIndexPageFactory,
    NetworkModeratorFactory,
    NetworkPageFactory,
)
from tests.factories.people import OrganisationFactory, PersonFactory, VenueFactory

NOW = local(2030, 6, 1, 12)


@pytest.fixture
def frozen_now():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield NOW


@pytest.fixture
def network(home):
    return NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        title="Inclusion",
        default_venue=VenueFactory(name="Havnehuset"),
        contact_person=PersonFactory(name="Mikkel Dahl"),
        organiser=OrganisationFactory(name="Nordic Municipal Forum"),
    )


def add_meetings(network, count: int, start=datetime.date(2030, 7, 1)):
    person = PersonFactory(name="Karin Lindqvist", role="Researcher")
    meetings = []
    for number in range(count):
        day = start + datetime.timedelta(days=14 * number)
        meetings.append(
            MeetingPageFactory(
                parent=network,
                title=f"Meeting {number}",
                start=local(day.year, day.month, day.day, 9, 0),
                end=local(day.year, day.month, day.day, 15, 0),
                venue=VenueFactory(),
                programme=[
                    session(f"{9 + h:02d}:00", f"{9 + h:02d}:45", headline=f"S{h}", people=[person])
                    for h in range(6)
                ],
            )
        )
    return meetings


@pytest.mark.django_db
def test_api_v2_meeting_detail_resolves_venue_sessions_and_speakers(client, network):
    (meeting,) = add_meetings(network, 1)
    response = client.get(f"/api/v2/pages/{meeting.pk}/", HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "confirmed" and data["status_label"] == "Confirmed"
    assert data["venue"]["name"] == meeting.venue.name
    assert data["venue"]["street_address"] == "Kajgade 4"
    (first, *_rest) = data["programme"]
    assert first["type"] == "session"
    assert first["value"]["headline"] == "S0"
    speaker = first["value"]["speakers"][0]
    assert speaker["name"] == "Karin Lindqvist"
    assert speaker["person"]["role"] == "Researcher"
    assert data["organiser"]["name"] == "Nordic Municipal Forum"
    assert data["calendar_url"].endswith("/ical/")


@pytest.mark.django_db
def test_api_v2_network_detail_resolves_people_and_terms(client, network):
    NetworkModeratorFactory(
        page=network, person=PersonFactory(name="Sigrid Holm"), quote="Listen first."
    )
    data = client.get(f"/api/v2/pages/{network.pk}/", HTTP_HOST="dk.localhost").json()
    assert data["moderators_data"][0]["person"]["name"] == "Sigrid Holm"
    assert data["moderators_data"][0]["quote"] == "Listen first."
    assert data["membership"]["fee"] == {
        "amount": "18500.00",
        "currency": "DKK",
        "vat_note": "ex. VAT",
    }
    assert data["default_venue"]["name"] == "Havnehuset"
    assert data["contact_person"]["name"] == "Mikkel Dahl"
    assert data["interest_form"]["terms_version"] == "2029-01"


@pytest.mark.django_db
def test_v3_upcoming_lists_live_public_meetings_with_everything_resolved(
    client, network, home, frozen_now
):
    add_meetings(network, 2)
    MeetingPageFactory(parent=network, title="Past", start=local(2030, 3, 1, 9))
    MeetingPageFactory(parent=network, title="Draft", start=local(2030, 8, 1, 9), live=False)
    private = MeetingPageFactory(parent=network, title="Private", start=local(2030, 8, 1, 9))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    conference = MeetingPageFactory(
        parent=EventIndexPageFactory(parent=home("da")),
        title="Conference",
        start=local(2030, 9, 1, 9),
    )
    response = client.get("/api/v3/meetings/upcoming/", HTTP_HOST="dk.localhost")
    assert response.status_code == 200, response.content
    data = response.json()
    assert [item["title"] for item in data["items"]] == ["Meeting 0", "Meeting 1", "Conference"]
    assert data["count"] == 3
    first = data["items"][0]
    assert first["network"]["title"] == "Inclusion"
    assert first["venue"]["city"] == "Eksempelby"
    assert first["sessions"][0]["speakers"][0]["name"] == "Karin Lindqvist"
    assert data["items"][2]["network"] is None
    assert conference.pk == data["items"][2]["id"]


@pytest.mark.django_db
def test_v3_upcoming_filters_by_date_and_validates_parameters(client, network, frozen_now):
    add_meetings(network, 3)  # 1, 15 and 29 July 2030
    url = "/api/v3/meetings/upcoming/"
    data = client.get(
        url, {"from": "2030-07-10", "to": "2030-07-20"}, HTTP_HOST="dk.localhost"
    ).json()
    assert [item["title"] for item in data["items"]] == ["Meeting 1"]

    bad = client.get(url, {"from": "2030-07-20", "to": "2030-07-10"}, HTTP_HOST="dk.localhost")
    assert bad.status_code == 422
    assert "to" in bad.content.decode()
    not_a_date = client.get(url, {"from": "soon"}, HTTP_HOST="dk.localhost")
    assert not_a_date.status_code == 422 and "from" in not_a_date.content.decode()
    too_many = client.get(url, {"limit": 1000}, HTTP_HOST="dk.localhost")
    assert too_many.status_code == 422 and "limit" in too_many.content.decode()
    no_locale = client.get(url, {"locale": "xx"}, HTTP_HOST="dk.localhost")
    assert no_locale.status_code == 422 and "locale" in no_locale.content.decode()


@pytest.mark.django_db
def test_v3_upcoming_query_count_does_not_grow_with_limit(client, network, frozen_now):
    add_meetings(network, 6)

    def count(limit: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(
                "/api/v3/meetings/upcoming/", {"limit": limit}, HTTP_HOST="dk.localhost"
            )
        assert len(response.json()["items"]) == limit
        return len(captured)

    count(1)
    assert count(6) == count(1)


@pytest.mark.django_db
def test_v3_network_programme_splits_upcoming_and_past(client, network, frozen_now):
    add_meetings(network, 2)
    MeetingPageFactory(
        parent=network, title="Past", start=local(2030, 3, 1, 9), status=MeetingStatus.CANCELLED
    )
    response = client.get(f"/api/v3/networks/{network.pk}/programme/", HTTP_HOST="dk.localhost")
    assert response.status_code == 200, response.content
    data = response.json()
    assert [m["title"] for m in data["upcoming"]] == ["Meeting 0", "Meeting 1"]
    assert [(m["title"], m["status"]) for m in data["past"]] == [("Past", "cancelled")]

    network.unpublish()
    assert client.get(f"/api/v3/networks/{network.pk}/programme/").status_code == 404
