"""Meeting pages carry schema.org Event JSON-LD an external site can rely on."""

import json
import re

import pytest

from plugins.meetings.models import MeetingKind, MeetingStatus
from tests.factories.meetings import MeetingPageFactory, local, session
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import OrganisationFactory, PersonFactory, VenueFactory


def json_ld(body: str) -> list:
    """The page's own JSON-LD (the breadcrumbs' BreadcrumbList: tests/site/test_breadcrumbs.py)."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    data = [json.loads(script) for script in scripts]
    return [
        item
        for item in data
        if not (isinstance(item, dict) and item.get("@type") == "BreadcrumbList")
    ]


@pytest.fixture
def network(home):
    organiser = OrganisationFactory(
        name="Nordic Municipal Forum", website="https://forum.example.org"
    )
    return NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")), organiser=organiser
    )


@pytest.mark.django_db
def test_overnight_meeting_is_an_event_with_sessions_place_and_performers(host_client, network):
    speaker = PersonFactory(name="Karin Lindqvist", role="Researcher")
    meeting = MeetingPageFactory(
        parent=network,
        kind=MeetingKind.OVERNIGHT,
        venue=VenueFactory(name="Skovly", city="Lundeby", postal_code="4000"),
        start=local(2030, 5, 1, 9, 30),
        end=local(2030, 5, 2, 13, 0),
        programme=[
            session("10:00", "11:00", headline="Day one", people=[speaker]),
            session(
                "09:00",
                "10:00",
                headline="Day two",
                day=local(2030, 5, 2).date(),
                inline=[("Tove Lund", "Facilitator", "Lund & Co.")],
            ),
        ],
    )
    (data,) = json_ld(host_client.get("da", meeting.get_url()).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["startDate"] == "2030-05-01T09:30:00+02:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["postalCode"] == "4000"
    assert [sub["name"] for sub in data["subEvent"]] == ["Day one", "Day two"]
    assert {sub["@type"] for sub in data["subEvent"]} == {"Event"}
    assert data["subEvent"][1]["startDate"] == "2030-05-02T09:00:00+02:00"
    assert {p["name"] for p in data["performer"]} == {"Karin Lindqvist", "Tove Lund"}
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Nordic Municipal Forum",
        "url": "https://forum.example.org",
        "description": "An organisation that brings councils together.",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "schema"),
    [
        (MeetingStatus.CANCELLED, "https://schema.org/EventCancelled"),
        (MeetingStatus.POSTPONED, "https://schema.org/EventRescheduled"),
        (MeetingStatus.NOT_CONFIRMED, "https://schema.org/EventScheduled"),
    ],
)
def test_event_status_follows_the_meeting_status(host_client, network, status, schema):
    meeting = MeetingPageFactory(
        parent=network, status=status, online_url="https://meet.example.org/x"
    )
    (data,) = json_ld(host_client.get("da", meeting.get_url()).content.decode())
    assert data["eventStatus"] == schema
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    if status == MeetingStatus.POSTPONED:
        assert (
            data["previousStartDate"]
            == meeting.previous_start.astimezone(local(2030, 1, 1).tzinfo).isoformat()
        )
    else:
        assert "previousStartDate" not in data


@pytest.mark.django_db
def test_network_page_has_organization_and_upcoming_events(host_client, network):
    MeetingPageFactory(parent=network, title="Coming up", start=local(2099, 1, 5, 9))
    data = json_ld(host_client.get("da", network.get_url()).content.decode())
    (items,) = data
    assert [item["@type"] for item in items] == ["Organization", "Event"]
    assert items[1]["name"] == "Coming up"


@pytest.mark.django_db
def test_json_ld_cannot_break_out_of_its_script_element(host_client, network):
    meeting = MeetingPageFactory(parent=network, title="</script><script>alert(1)</script>")
    body = host_client.get("da", meeting.get_url()).content.decode()
    (data,) = json_ld(body)
    assert data["name"] == "</script><script>alert(1)</script>"


def test_a_one_part_meeting_says_each_fact_once(host_client, network):
    """A morning with two speakers needed a dummy session: the page showed the date, time and
    venue twice, and JSON-LD repeated the event as its own subEvent (issue 17)."""
    speaker = PersonFactory(name="Karin Lindqvist", role="Researcher")
    meeting = MeetingPageFactory(
        parent=network,
        title="Morgenmøde om boliger",
        start=local(2030, 3, 4, 9, 0),
        end=local(2030, 3, 4, 12, 0),
        venue=VenueFactory(name="Havnehuset"),
        programme=[session("09:00", "12:00", headline="Morgenmøde", people=[speaker])],
    )
    body = host_client.get("da", meeting.get_url()).content.decode()
    (data,) = json_ld(body)
    assert "subEvent" not in data
    assert [performer["name"] for performer in data["performer"]] == ["Karin Lindqvist"]
    main = body[body.index("<main") :]
    assert main.count("Havnehuset") == 1
    assert "Karin Lindqvist" in main and ">Morgenmøde<" not in main
