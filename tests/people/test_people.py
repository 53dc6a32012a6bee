"""People and places: admin listing, chooser, API representation, validation, fallback."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from plugins.people.api import person_data, venue_data
from tests.factories.people import (
    OrganisationFactory,
    PersonFactory,
    VenueFactory,
    VenueRoomFactory,
)


@pytest.mark.django_db
def test_admin_person_listing_filters_and_searches(admin_client):
    PersonFactory(name="Karin Lindqvist", role="Researcher", is_external=True)
    PersonFactory(name="Mikkel Dahl", role="Head of Integration", is_external=False)
    url = "/admin/snippets/people/person/"

    external = admin_client.get(url, {"is_external": "true"}).content.decode()
    assert "Karin Lindqvist" in external and "Mikkel Dahl" not in external

    found = admin_client.get(url, {"q": "Mikkel"}).content.decode()
    assert "Mikkel Dahl" in found and "Karin Lindqvist" not in found


@pytest.mark.django_db
def test_admin_venue_listing_filters_by_country(admin_client):
    VenueFactory(name="Havnehuset", country="DK")
    VenueFactory(name="Kulturhuset", country="SE", city="Åstad")
    body = admin_client.get("/admin/snippets/people/venue/", {"country": "SE"}).content.decode()
    assert "Kulturhuset" in body and "Havnehuset" not in body


@pytest.mark.django_db
def test_person_chooser_lists_people(admin_client):
    PersonFactory(name="Sigrid Holm")
    response = admin_client.get("/admin/snippets/choose/people/person/")
    assert response.status_code == 200
    assert "Sigrid Holm" in response.json()["html"]


@pytest.mark.django_db
def test_person_api_representation_resolves_the_organisation():
    person = PersonFactory(
        name="Karin Lindqvist", organisation=OrganisationFactory(name="Institute for Local Welfare")
    )
    data = person_data(person)
    assert data["name"] == "Karin Lindqvist"
    assert data["organisation"]["name"] == "Institute for Local Welfare"
    assert person_data(None) is None


@pytest.mark.django_db
def test_venue_api_representation_has_address_coordinates_and_rooms():
    room = VenueRoomFactory(name="Salen", capacity=120)
    data = venue_data(room.venue)
    assert data["street_address"] == "Kajgade 4"
    assert data["latitude"] == pytest.approx(55.6761)
    assert data["rooms"] == [{"name": "Salen", "floor": "", "capacity": 120}]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [("95", "12", "latitude"), ("55", "-181", "longitude"), ("55", None, "longitude")],
)
def test_venue_coordinates_are_validated(latitude, longitude, field):
    venue = VenueFactory.build(latitude=latitude, longitude=longitude)
    with pytest.raises(ValidationError) as caught:
        venue.full_clean()
    assert field in caught.value.message_dict


@pytest.mark.django_db
def test_localized_falls_back_to_the_source_when_untranslated(locales):
    person = PersonFactory(name="Karin Lindqvist", role="Forsker")
    with translation.override("en"):
        assert person.localized == person
    english = person.copy_for_translation(locales["en"])
    english.role = "Researcher"
    english.save()
    with translation.override("en"):
        assert person.localized.role == "Researcher"
    with translation.override("sv"):
        assert person.localized.role == "Forsker"
