"""External sites rebuild networks and meetings from the API without looking up ids."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from cms import generation
from plugins.meetings.models import MeetingStatus
from tests.api.openapi_validation import assert_valid
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
    # The meeting is on the Danish site, so its labels are in Danish.
    assert data["status"] == "confirmed" and data["status_label"] == "Bekræftet"
    # The venue and the organiser by id, each in the page's own map (a list joins them).
    venue = data["venues"][str(data["venue_id"])]
    assert venue["name"] == meeting.venue.name
    assert venue["street_address"] == "Kajgade 4"
    (first, *_rest) = data["programme"]
    assert first["type"] == "session"
    assert first["value"]["headline"] == "S0"
    speaker = first["value"]["speakers"][0]
    # Nothing typed for the session: the person is only in the page's ``people``.
    assert speaker["name"] == "" and speaker["role"] == ""
    assert data["people"][str(speaker["person_id"])]["name"] == "Karin Lindqvist"
    assert data["people"][str(speaker["person_id"])]["role"] == "Researcher"
    assert data["organisations"][str(data["organiser_id"])]["name"] == "Nordic Municipal Forum"
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
    speaker = first["sessions"][0]["speakers"][0]
    assert speaker["name"] == ""  # nothing typed: the person's own, from ``people``
    assert data["people"][str(speaker["person_id"])]["name"] == "Karin Lindqvist"
    assert data["items"][2]["network"] is None
    assert conference.pk == data["items"][2]["id"]


@pytest.mark.django_db
def test_v3_a_session_is_served_as_its_schema_says(client, network, frozen_now):
    """A session is read from the resolved programme through SessionSchema: its rich text
    as HTML with absolute links (made once, not again when the answer is checked), the
    chosen speaker's id, a speaker typed in, and the venue in full."""
    person = PersonFactory(name="Karin Lindqvist", role="Researcher")
    entry = session(
        "10:00",
        "11:00",
        headline="Opening",
        people=[person],
        inline=[("Ole Berg", "Chair", "Forum")],
        venue=VenueFactory(name="Salen"),
    )
    entry[1]["description"] = RichText('<p>See <a href="/about/">about</a>.</p>')
    MeetingPageFactory(
        parent=network,
        start=local(2030, 7, 1, 9),
        end=local(2030, 7, 1, 15),
        programme=[entry],
    )
    data = client.get("/api/v3/meetings/upcoming/", HTTP_HOST="dk.localhost").json()
    [served] = data["items"][0]["sessions"]
    assert served["headline"] == "Opening"
    assert served["description"] == '<p>See <a href="http://dk.localhost/about/">about</a>.</p>'
    assert [speaker["person_id"] for speaker in served["speakers"]] == [person.pk, None]
    # The chosen person with nothing typed: only the id, the person in the answer's people.
    assert served["speakers"][0] == {
        "name": "",
        "affiliation": "",
        "role": "",
        "organisation": "",
        "person_id": person.pk,
    }
    assert data["people"][str(person.pk)]["name"] == "Karin Lindqvist"
    assert served["speakers"][1] == {
        "name": "Ole Berg",
        "affiliation": "",
        "role": "Chair",
        "organisation": "Forum",
        "person_id": None,
    }
    assert served["venue"]["name"] == "Salen"
    assert isinstance(served["venue"]["rooms"], list)


@pytest.mark.django_db
def test_v3_upcoming_filters_by_date_and_validates_parameters(client, network, frozen_now):
    add_meetings(network, 3)  # 1, 15 and 29 July 2030
    url = "/api/v3/meetings/upcoming/"
    data = client.get(
        url, {"from": "2030-07-10", "to": "2030-07-20"}, HTTP_HOST="dk.localhost"
    ).json()
    assert [item["title"] for item in data["items"]] == ["Meeting 1"]

    def problem(params: dict, status: int, parameter: str) -> None:
        response = client.get(url, params, HTTP_HOST="dk.localhost")
        assert response.status_code == status, response.content
        assert response["Content-Type"] == "application/problem+json"
        assert ["query", parameter] in [error["loc"] for error in response.json()["errors"]]

    # As on every v3 route (docs/api.md, Errors): a value the parameter's schema refuses is a
    # 422; a well-formed value naming nothing known, or a limit above the maximum, is a 400.
    problem({"from": "2030-07-20", "to": "2030-07-10"}, 422, "to")
    problem({"from": "soon"}, 422, "from")
    problem({"limit": 0}, 422, "limit")
    problem({"limit": 1000}, 400, "limit")
    problem({"locale": "xx"}, 400, "locale")
    problem({"site": "nowhere.example"}, 400, "site")


@pytest.mark.django_db
def test_v3_upcoming_of_one_network(client, network, frozen_now):
    add_meetings(network, 2)
    other = NetworkPageFactory(parent=network.get_parent(), title="Climate")
    MeetingPageFactory(parent=other, title="Climate meeting", start=local(2030, 7, 3, 9))
    url = "/api/v3/meetings/upcoming/"
    every = client.get(url, HTTP_HOST="dk.localhost").json()
    assert every["count"] == 3
    mine = client.get(url, {"network": network.pk}, HTTP_HOST="dk.localhost").json()
    assert [item["title"] for item in mine["items"]] == ["Meeting 0", "Meeting 1"]
    assert {item["network"]["id"] for item in mine["items"]} == {network.pk}
    assert mine["count"] == 2

    def refused(value, site="dk.localhost") -> dict:
        response = client.get(url, {"network": value}, HTTP_HOST=site)
        assert response.status_code == 400, response.content
        assert response.json()["errors"][0]["loc"] == ["query", "network"]
        return response.json()

    # A page that is no network, a network of another site, and an unpublished one.
    assert "No published network page" in refused(network.get_parent().pk)["detail"]
    refused(network.pk, site="se.localhost")
    other.unpublish()
    refused(other.pk)


@pytest.mark.django_db
def test_v3_upcoming_site_is_a_hostname_as_on_every_api_route(client, network, frozen_now):
    add_meetings(network, 1)
    url = "/api/v3/meetings/upcoming/"
    from_dk = client.get(url, {"site": "dk.localhost"}, HTTP_HOST="localhost")
    assert from_dk.status_code == 200, from_dk.content
    assert [item["title"] for item in from_dk.json()["items"]] == ["Meeting 0"]
    assert client.get(url, HTTP_HOST="localhost").json()["count"] == 0


@pytest.mark.django_db
def test_v3_upcoming_pages_through_meetings_with_the_same_start(client, network, frozen_now):
    for title in ("A", "B", "C"):
        MeetingPageFactory(parent=network, title=title, start=local(2030, 7, 1, 9))
    titles = [
        item["title"]
        for offset in range(3)
        for item in client.get(
            "/api/v3/meetings/upcoming/",
            {"limit": 1, "offset": offset},
            HTTP_HOST="dk.localhost",
        ).json()["items"]
    ]
    assert sorted(titles) == ["A", "B", "C"]


@pytest.mark.django_db
def test_v3_upcoming_query_count_does_not_grow_with_limit(client, network, frozen_now, settings):
    settings.TINGSTED_API_CACHE_TIMEOUT = 0  # measure the view, not the response cache
    add_meetings(network, 6)

    def count(limit: int) -> int:
        generation.bump_generation()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(
                "/api/v3/meetings/upcoming/", {"limit": limit}, HTTP_HOST="dk.localhost"
            )
        assert len(response.json()["items"]) == limit
        return len(captured)

    count(1)  # warm what every process fills once (site root paths, content types)
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

    # Another site's network is not this site's to list, by host or by ?site=.
    path = f"/api/v3/networks/{network.pk}/programme/"
    assert client.get(path, HTTP_HOST="se.localhost").status_code == 404
    assert client.get(f"{path}?site=se.localhost", HTTP_HOST="dk.localhost").status_code == 404

    network.unpublish()
    assert client.get(path, HTTP_HOST="dk.localhost").status_code == 404


@pytest.fixture(scope="module")
def openapi():
    from api.openapi import openapi_document

    return openapi_document()


def validates(openapi, path: str, data: dict) -> None:
    """``data`` is valid for the 200 answer of ``path`` in the published OpenAPI document,
    declared formats (date-time, date, patterns) included."""
    assert_valid(openapi, path, data)


@pytest.mark.django_db
def test_v3_answers_validate_against_the_published_schema(client, network, frozen_now, openapi):
    network.notices = [
        ("notice", {"kind": "health", "heading": "Flu", "text": RichText("<p>Stay home.</p>")})
    ]
    network.save_revision().publish()
    (meeting,) = add_meetings(network, 1)

    def get(url: str) -> dict:
        response = client.get(url, HTTP_HOST="dk.localhost")
        assert response.status_code == 200, response.content
        return response.json()

    validates(openapi, "/api/v3/meetings/upcoming/", get("/api/v3/meetings/upcoming/"))
    validates(
        openapi,
        "/api/v3/networks/{network_id}/programme/",
        get(f"/api/v3/networks/{network.pk}/programme/"),
    )
    detail = get(f"/api/v3/pages/{meeting.pk}/")
    validates(openapi, "/api/v3/pages/{page_id}/", detail)
    session_value = detail["programme"][0]["value"]
    assert detail["people"][str(session_value["speakers"][0]["person_id"])]["name"] == (
        "Karin Lindqvist"
    )
    # A local time of day, as the schema declares it (not RFC 3339's time with an offset).
    assert session_value["start_time"] == "09:00:00"
    upcoming = get("/api/v3/meetings/upcoming/")["items"][0]
    assert upcoming["status"] in MeetingStatus.values
    network_detail = get(f"/api/v3/pages/{network.pk}/")
    validates(openapi, "/api/v3/pages/{page_id}/", network_detail)
    assert network_detail["notices"][0]["value"]["kind"] == "health"

    components = openapi["components"]["schemas"]
    assert components["ProgrammeBlock_session"]["properties"]["value"] == {
        "$ref": "#/components/schemas/SessionData"
    }
    assert components["NoticeStreamBlock_notice"]["properties"]["value"] == {
        "$ref": "#/components/schemas/NoticeData"
    }


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"from": "0001-01-01"}, {"to": "9999-12-31"}])
def test_v3_upcoming_takes_the_first_and_last_days_a_date_can_name(
    client, network, frozen_now, params
):
    """Their local midnights are beyond what a datetime holds in UTC: no bound, not a 500."""
    add_meetings(network, 2)
    response = client.get("/api/v3/meetings/upcoming/", params, HTTP_HOST="dk.localhost")
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 2
