"""The schema.org Place, Person and Organization every plugin's JSON-LD is built from."""

import datetime as dt
import json

import pytest

from plugins.minutes.models import MinutesPage
from plugins.minutes.structured_data import meeting_json_ld
from plugins.people.jsonld import organization, person_of, place
from tests.factories.people import OrganisationFactory, PersonFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_place_names_the_room_inside_the_venue_with_address_and_coordinates():
    venue = VenueFactory(name="Havnehuset", city="Eksempelby", map_url="https://map.example/1")
    data = place(venue, "Room 2")
    assert data["name"] == "Havnehuset, Room 2"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Kajgade 4",
        "postalCode": "1000",
        "addressLocality": "Eksempelby",
        "addressCountry": "DK",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 55.6761, "longitude": 12.5683}
    assert data["hasMap"] == "https://map.example/1"
    assert place(venue)["name"] == "Havnehuset"


def test_place_without_venue_is_the_room_else_the_default_else_nothing():
    assert place(None, "Room 2", default_name="Council") == {"@type": "Place", "name": "Room 2"}
    assert place(None, "", default_name="Council") == {"@type": "Place", "name": "Council"}
    assert place(None) is None


def test_minutes_meeting_without_venue_or_council_keeps_its_room():
    # A preview of a meeting not yet saved under its council: the room is all there is.
    page = MinutesPage(title="Meeting", start=dt.datetime(2025, 3, 10, 15, 30, tzinfo=dt.UTC))
    page.room = "Room 2"
    page.locale = PersonFactory().locale
    data = json.loads(meeting_json_ld(page, None, None, None))
    assert data["location"] == {"@type": "Place", "name": "Room 2"}


def test_person_and_organization_from_the_register():
    organisation = OrganisationFactory(name="Lund & Co.", website="https://lund.example")
    row = PersonFactory(name="Karin Lindqvist", role="Researcher", organisation=organisation)
    assert person_of(row) == {
        "@type": "Person",
        "name": "Karin Lindqvist",
        "jobTitle": "Researcher",
        "affiliation": {"@type": "Organization", "name": "Lund & Co."},
    }
    data = organization(organisation)
    assert data["@type"] == "Organization"
    assert data["url"] == "https://lund.example"
    assert organization(None) is None
