"""People, organisations and venues read the same in API v2, v3 and plugin routes."""

import pytest

from plugins.meetings.api import venue_payload
from plugins.people.api import VenueData, person_data, venue_data
from tests.factories.people import PersonFactory, VenueFactory, VenueRoomFactory

pytestmark = pytest.mark.django_db


def test_a_venue_is_one_json_shape_everywhere():
    venue = VenueFactory(name="Havnehuset", map_url="https://map.example/1")
    VenueRoomFactory(venue=venue, name="Room 2", floor="2", capacity=12)
    expected = {
        "id": venue.pk,
        "name": "Havnehuset",
        "street_address": "Kajgade 4",
        "postal_code": "1000",
        "city": "Eksempelby",
        "country": "DK",
        "latitude": 55.6761,
        "longitude": 12.5683,
        "map_url": "https://map.example/1",
        "access_notes": "",
        "rooms": [{"name": "Room 2", "floor": "2", "capacity": 12}],
    }
    assert venue_data(venue) == expected
    assert venue_payload(venue) == expected  # the meetings route's answer
    assert list(VenueData.model_fields) == list(expected)


def test_a_person_carries_its_organisation_and_no_photo():
    person = PersonFactory(name="Karin Lindqvist", role="Researcher", email="karin@example.org")
    data = person_data(person)
    assert data["name"] == "Karin Lindqvist"
    assert data["email"] == "karin@example.org"
    assert data["photo"] is None
    assert data["organisation"]["id"] == person.organisation_id
    assert data["organisation"]["logo"] is None
    assert person_data(None) is None
