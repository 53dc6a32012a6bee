"""iCalendar feeds parse with icalendar and carry status, zone, UID and sequence."""

from unittest import mock

import pytest
from icalendar import Calendar

from plugins.meetings.models import MeetingKind, MeetingStatus
from tests.factories.meetings import EventIndexPageFactory, MeetingPageFactory, local
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import VenueFactory


@pytest.fixture
def network(home):
    return NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")), title="Inclusion")


@pytest.fixture
def meetings(network):
    venue = VenueFactory(name="Havnehuset", street_address="Kajgade 4", city="Eksempelby")
    return {
        status: MeetingPageFactory(
            parent=network,
            title=f"Meeting {status}",
            status=status,
            venue=venue,
            start=local(2030, 3, day, 9, 30),
        )
        for day, status in enumerate(MeetingStatus, start=1)
    }


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events_by_summary(calendar: Calendar) -> dict:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_network_feed_maps_statuses_and_warns_in_the_summary(host_client, network, meetings):
    calendar = parse(host_client.get("da", network.get_url() + "ical/"))
    events = events_by_summary(calendar)
    assert len(events) == 5
    status_of = {str(e["SUMMARY"]): e.get("STATUS") for e in events.values()}
    assert status_of["Meeting confirmed"] == "CONFIRMED"
    assert status_of["Meeting not_confirmed"] == "TENTATIVE"
    assert status_of["Meeting planned"] is None
    cancelled = [e for e in events.values() if e.get("STATUS") == "CANCELLED"]
    assert len(cancelled) == 1
    assert "Meeting cancelled" in str(cancelled[0]["SUMMARY"])
    assert str(cancelled[0]["SUMMARY"]) != "Meeting cancelled"


@pytest.mark.django_db
def test_feed_carries_the_site_time_zone_location_url_and_stable_uid(
    host_client, network, meetings
):
    meeting = meetings[MeetingStatus.CONFIRMED]
    first = parse(host_client.get("da", meeting.get_url() + "ical/"))
    second = parse(host_client.get("da", meeting.get_url() + "ical/"))
    assert [str(tz["TZID"]) for tz in first.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    (event,) = first.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert event.decoded("DTSTART") == local(2030, 3, 2, 9, 30)
    assert "Havnehuset" in str(event["LOCATION"]) and "Kajgade 4" in str(event["LOCATION"])
    assert str(event["URL"]) == meeting.get_full_url()
    (again,) = second.walk("VEVENT")
    assert str(event["UID"]) == str(again["UID"])
    assert str(event["UID"]).endswith("@dk.localhost")


@pytest.mark.django_db
def test_republishing_raises_sequence_and_last_modified(host_client, network):
    meeting = MeetingPageFactory(parent=network, venue=VenueFactory())
    url = meeting.get_url() + "ical/"
    with mock.patch("django.utils.timezone.now", return_value=local(2029, 1, 1, 12)):
        meeting.save_revision().publish()
    (before,) = parse(host_client.get("da", url)).walk("VEVENT")

    meeting.refresh_from_db()
    meeting.status = MeetingStatus.CANCELLED
    with mock.patch("django.utils.timezone.now", return_value=local(2029, 2, 1, 12)):
        meeting.save_revision().publish()
    (after,) = parse(host_client.get("da", url)).walk("VEVENT")

    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after["STATUS"] == "CANCELLED"


@pytest.mark.django_db
def test_site_feed_lists_upcoming_meetings_of_the_site_only(host_client, home, network):
    with mock.patch("django.utils.timezone.now", return_value=local(2030, 6, 1, 12)):
        MeetingPageFactory(parent=network, title="Past", start=local(2030, 3, 1, 9))
        MeetingPageFactory(
            parent=network, title="Coming", start=local(2030, 9, 1, 9), venue=VenueFactory()
        )
        conference = EventIndexPageFactory(parent=home("da"))
        MeetingPageFactory(
            parent=conference,
            title="Conference",
            kind=MeetingKind.CONFERENCE,
            start=local(2030, 10, 1, 9),
        )
        other_site = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("sv")))
        MeetingPageFactory(parent=other_site, title="Swedish", start=local(2030, 9, 1, 9))
        response = host_client.get("da", "/calendar/meetings.ics")
        english = host_client.get("da", "/en/calendar/meetings.ics")
    summaries = set(events_by_summary(parse(response)))
    assert summaries == {"Coming", "Conference"}
    assert events_by_summary(parse(english)) == {}


@pytest.mark.django_db
def test_every_page_advertises_the_site_calendar(host_client, network):
    body = host_client.get("da", network.get_url()).content.decode()
    assert 'type="text/calendar"' in body
    assert "http://dk.localhost/calendar/meetings.ics" in body


@pytest.mark.django_db
def test_a_calendar_client_polling_again_gets_a_304(host_client, network, meetings):
    for meeting in meetings.values():  # published as editors do: a publication time
        meeting.save_revision().publish()
    for path in ("/calendar/meetings.ics", network.get_url() + "ical/"):
        first = host_client.get("da", path)
        assert first.status_code == 200, path
        assert first["Cache-Control"] == "public, max-age=900"
        again = host_client.get("da", path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, path


@pytest.mark.django_db
def test_a_note_that_begins_with_the_status_does_not_repeat_it(host_client, network):
    """The demo's calendars read "Aflyst: Aflyst, fordi …"."""
    MeetingPageFactory(
        parent=network,
        title="Cancelled meeting",
        status=MeetingStatus.CANCELLED,
        status_note="Aflyst, fordi salen er lukket.",
        start=local(2030, 4, 1, 9),
    )
    MeetingPageFactory(
        parent=network,
        title="Moved meeting",
        status=MeetingStatus.POSTPONED,
        status_note="Ny dato følger.",
        start=local(2030, 4, 2, 9),
    )
    events = events_by_summary(parse(host_client.get("da", network.get_url() + "ical/")))
    [cancelled] = [e for summary, e in events.items() if "Cancelled meeting" in summary]
    assert str(cancelled["DESCRIPTION"]).startswith("Aflyst, fordi salen er lukket.")
    [moved] = [e for summary, e in events.items() if "Moved meeting" in summary]
    assert str(moved["DESCRIPTION"]).startswith("Udsat: Ny dato følger.")


@pytest.mark.django_db
def test_calendar_links_in_the_head_keep_the_sites_port(host_client, network, sites):
    """Feed and canonical links came from the site record, the .ics link from the Host."""
    site = sites["da"]
    site.port = 8000
    site.save()
    body = host_client.get("da", network.get_url()).content.decode()
    assert "http://dk.localhost:8000/calendar/meetings.ics" in body
