"""Speakers directly on a meeting (issue 17): a morning with two speakers needs no dummy
programme session, and page, API and JSON-LD say each fact once."""

from __future__ import annotations

from unittest import mock

import pytest

from tests.api.openapi_validation import assert_valid
from tests.factories.meetings import MeetingPageFactory, local, session, speakers
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import OrganisationFactory, PersonFactory, VenueFactory
from tests.meetings.test_structured_data import json_ld

pytestmark = pytest.mark.django_db

NOW = local(2030, 2, 1, 12)


@pytest.fixture
def frozen_now():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield NOW


@pytest.fixture
def network(home):
    return NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        title="Boliger",
        organiser=OrganisationFactory(name="Nordic Municipal Forum"),
    )


@pytest.fixture
def morning(network):
    """A one-part meeting: two speakers on the meeting itself, one chosen, one typed in."""
    karin = PersonFactory(
        name="Karin Lindqvist",
        affiliation="S",
        role="Researcher",
        organisation=OrganisationFactory(name="Institute"),
    )
    return MeetingPageFactory(
        parent=network,
        title="Morgenmøde om boliger",
        start=local(2030, 3, 4, 9, 0),
        end=local(2030, 3, 4, 12, 0),
        venue=VenueFactory(name="Havnehuset"),
        speakers=speakers(people=[karin], inline=[("Ole Dam", "KrF", "Mayor", "Fjordby kommune")]),
        programme=[],
    )


def test_the_page_lists_the_meetings_speakers_once_with_no_repeated_facts(host_client, morning):
    body = host_client.get("da", morning.get_url()).content.decode()
    main = body[body.index("<main") :]
    assert main.count("Karin Lindqvist") == 1 and main.count("Ole Dam") == 1
    assert "Karin Lindqvist (S)" in main and "Ole Dam (KrF)" in main
    assert "Mayor" in main and "Fjordby kommune" in main and "Institute" in main
    assert main.count("Havnehuset") == 1
    assert main.count("Morgenmøde om boliger") == 1
    assert 'class="session' not in main  # no programme, no session of its own


def test_the_network_page_lists_the_meetings_speakers(host_client, frozen_now, morning):
    body = host_client.get("da", morning.get_parent().get_url()).content.decode()
    main = body[body.index("<main") :]
    assert main.count("Karin Lindqvist (S)") == 1 and main.count("Ole Dam (KrF)") == 1


def test_json_ld_names_the_speakers_as_the_events_performers(host_client, morning):
    (data,) = json_ld(host_client.get("da", morning.get_url()).content.decode())
    assert "subEvent" not in data
    karin, ole = data["performer"]
    assert karin["name"] == "Karin Lindqvist" and karin["memberOf"]["alternateName"] == "S"
    assert karin["affiliation"]["name"] == "Institute"
    assert ole == {
        "@type": "Person",
        "name": "Ole Dam",
        "jobTitle": "Mayor",
        "affiliation": {"@type": "Organization", "name": "Fjordby kommune"},
        "memberOf": {"@type": "Organization", "alternateName": "KrF"},
    }


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_meeting_detail_gives_the_speakers(client, morning, version):
    response = client.get(f"/api/{version}/pages/{morning.pk}/", HTTP_HOST="dk.localhost")
    data = response.json()
    assert data["programme"] == []
    karin, ole = (item["value"] for item in data["speakers"])
    # Chosen with nothing typed: the person (name, affiliation, role) is in ``people`` only.
    assert karin == {
        "name": "",
        "affiliation": "",
        "role": "",
        "organisation": "",
        "person_id": karin["person_id"],
    }
    person = data["people"][str(karin["person_id"])]
    assert (person["name"], person["affiliation"], person["role"]) == (
        "Karin Lindqvist",
        "S",
        "Researcher",
    )
    assert data["organisations"][str(person["organisation_id"])]["name"] == "Institute"
    assert ole == {
        "name": "Ole Dam",
        "affiliation": "KrF",
        "role": "Mayor",
        "organisation": "Fjordby kommune",
        "person_id": None,
    }


@pytest.fixture(scope="module")
def openapi():
    from api.openapi import openapi_document

    return openapi_document()


def test_the_upcoming_route_types_the_speakers_and_maps_their_people(
    client, frozen_now, morning, openapi
):
    data = client.get("/api/v3/meetings/upcoming/", HTTP_HOST="dk.localhost").json()
    assert_valid(openapi, "/api/v3/meetings/upcoming/", data)
    (item,) = data["items"]
    assert item["sessions"] == []
    karin, ole = item["speakers"]
    assert data["people"][str(karin["person_id"])]["name"] == "Karin Lindqvist"
    assert data["people"][str(karin["person_id"])]["affiliation"] == "S"
    assert karin["name"] == "" and karin["affiliation"] == ""  # nothing typed
    assert ole == {
        "name": "Ole Dam",
        "affiliation": "KrF",
        "role": "Mayor",
        "organisation": "Fjordby kommune",
        "person_id": None,
    }


def test_the_network_programme_gives_the_speakers(client, frozen_now, morning):
    network = morning.get_parent()
    data = client.get(f"/api/v3/networks/{network.pk}/programme/", HTTP_HOST="dk.localhost")
    data = data.json()
    (item,) = data["upcoming"]
    # The chosen person by id only (nothing typed), the typed-in speaker as typed.
    assert [speaker["name"] for speaker in item["speakers"]] == ["", "Ole Dam"]
    assert data["people"][str(item["speakers"][0]["person_id"])]["name"] == "Karin Lindqvist"


def test_a_typed_speakers_affiliation_shows_in_a_session_too(host_client, network):
    meeting = MeetingPageFactory(
        parent=network,
        start=local(2030, 3, 4, 9, 0),
        end=local(2030, 3, 4, 12, 0),
        programme=[session("09:00", "10:00"), session("10:00", "11:00")],
    )
    value = meeting.programme[0].value
    value["speakers"] = [
        {"person": None, "name": "Ole Dam", "affiliation": "KrF", "role": "", "organisation": ""}
    ]
    meeting.programme = [("session", value), ("session", meeting.programme[1].value)]
    meeting.save()
    body = host_client.get("da", meeting.get_url()).content.decode()
    assert "Ole Dam (KrF)" in body
    (data,) = json_ld(body)
    assert data["subEvent"][0]["performer"][0]["memberOf"]["alternateName"] == "KrF"
