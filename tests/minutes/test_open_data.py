"""Open data: the JSON export validates against its schema; the calendar; the API routes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone
from icalendar import Calendar
from jsonschema import Draft202012Validator
from wagtail.models import PageViewRestriction

from plugins.minutes.choices import DocumentStatus
from plugins.minutes.export import SCHEMA_PATH
from tests.factories.minutes import (
    AgendaItemFactory,
    CouncilMemberFactory,
    MinutesAttendanceFactory,
    publish,
    publish_meeting,
)
from tests.factories.people import PersonFactory, VenueFactory

pytestmark = pytest.mark.django_db

HOST = "dk.localhost"


@pytest.fixture
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid(validator, data) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.fixture
def rich_meeting(setup):
    meeting = setup.meeting
    meeting.venue = VenueFactory(name="Havnehuset")
    meeting.room = "Room 2"
    meeting.attendance = [
        MinutesAttendanceFactory.build(person=PersonFactory(name="Ane Present")),
        MinutesAttendanceFactory.build(
            person=PersonFactory(name="Bo Away"), status="absent", notice_given=True
        ),
    ]
    publish(meeting)
    council = setup.council
    council.members = [CouncilMemberFactory.build(role="chair")]
    publish(council)
    return setup


def test_meeting_export_validates_and_redacts(rich_meeting, client, validator):
    response = client.get(f"/minutes/meetings/{rich_meeting.meeting.pk}.json", HTTP_HOST=HOST)
    data = response.json()
    assert_valid(validator, data)
    assert data["_type"] == "event"
    assert data["start_date"] == "2025-03-10T16:30:00+01:00"
    assert data["timezone"] == "Europe/Copenhagen"
    assert data["status"] == "passed"
    assert data["location"]["name"] == "Havnehuset"
    assert {"entity_type": "person", "name": "Bo Away", "note": "absent, notice given"} in data[
        "participants"
    ]
    assert data["agenda"][1] == {
        "order": "2",
        "description": "Nomination of a member",
        "classification": ["closed"],
        "extras": {"closed": True},
    }
    first = data["agenda"][0]
    assert first["extras"]["decision"] == {
        "outcome": "approved",
        "label": "Godkendt",  # labels follow the meeting's language; "outcome" is the code
        "text": "<p>Approved as recommended.</p>",
    }
    assert first["media"][0]["links"][0]["url"].startswith("http://dk.localhost/documents/")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_full_meeting_export_validates(rich_meeting, client, validator, actors):
    response = client.get(
        f"/minutes/meetings/{rich_meeting.meeting.pk}.json",
        HTTP_HOST=HOST,
        HTTP_AUTHORIZATION=f"Bearer {actors.reader_token}",
    )
    data = response.json()
    assert_valid(validator, data)
    assert data["agenda"][1]["extras"]["recommendation"].startswith("<p>Quokka")


def test_council_export_validates(rich_meeting, client, validator):
    data = client.get(f"/minutes/councils/{rich_meeting.council.pk}.json", HTTP_HOST=HOST).json()
    assert_valid(validator, data)
    assert data["_type"] == "council"
    assert [event["name"] for event in data["events"]] == ["Meeting in March"]
    assert data["members"][0]["role"] == "chair"
    assert (
        data["links"]["calendar"]
        == f"http://dk.localhost/minutes/councils/{rich_meeting.council.pk}.ics"
    )


def test_export_follows_the_language_prefix(setup, client, locales):
    setup.council.copy_for_translation(locales["en"]).save_revision().publish()
    english = setup.meeting.copy_for_translation(locales["en"])
    english.title = "Meeting in English"
    english.save_revision().publish()
    data = client.get(f"/en/minutes/meetings/{setup.meeting.pk}.json", HTTP_HOST=HOST).json()
    assert data["name"] == "Meeting in English"
    assert data["extras"]["language"] == "en"
    assert data["documents"][0]["url"] == english.get_full_url()
    # One id for the meeting in every language.
    danish = client.get(f"/minutes/meetings/{setup.meeting.pk}.json", HTTP_HOST=HOST).json()
    assert danish["id"] == data["id"]


def test_export_of_a_restricted_meeting_is_not_found(setup, client):
    PageViewRestriction.objects.create(
        page=setup.meeting, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(f"/minutes/meetings/{setup.meeting.pk}.json", HTTP_HOST=HOST)
    assert response.status_code == 404


def test_export_schema_is_served(client):
    response = client.get("/minutes/export.schema.json", HTTP_HOST=HOST)
    assert response.json()["title"] == "Tingsted council minutes export"


def test_calendar_lists_coming_meetings_with_time_zone(setup, client, host_client):
    coming = timezone.now() + dt.timedelta(days=30)
    upcoming = publish_meeting(
        setup.council,
        [AgendaItemFactory.build(decision_outcome="")],
        start=coming,
        document_status="agenda",
        title="Coming meeting",
    )
    response = client.get(f"/minutes/councils/{setup.council.pk}.ics", HTTP_HOST=HOST)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(event["summary"]) for event in events] == ["Integrationsrådet: Coming meeting"]
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert events[0]["dtstart"].dt.tzinfo.key == "Europe/Copenhagen"
    assert events[0]["url"] == upcoming.get_full_url()
    again = Calendar.from_ical(
        client.get(f"/minutes/councils/{setup.council.pk}.ics", HTTP_HOST=HOST).content
    )
    assert [e["uid"] for e in again.walk("VEVENT")] == [e["uid"] for e in events]


def test_api_pagination_refuses_a_limit_above_the_maximum(setup, client):
    response = client.get("/api/v3/minutes/councils/?limit=1000", HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "limit" in response.content.decode()


def test_api_unknown_meeting_is_404_json(setup, client):
    response = client.get("/api/v3/minutes/meetings/999999/", HTTP_HOST=HOST)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_api_meetings_newest_first(setup, client):
    publish_meeting(
        setup.council,
        [AgendaItemFactory.build()],
        title="Later",
        start=setup.meeting.start + dt.timedelta(days=60),
    )
    data = client.get(
        f"/api/v3/minutes/councils/{setup.council.pk}/meetings/", HTTP_HOST=HOST
    ).json()
    assert [item["title"] for item in data["items"]] == ["Later", "Meeting in March"]
    assert data["items"][1]["start"] == "2025-03-10T16:30:00+01:00"
    assert data["items"][1]["document_status_label"] == "Referat godkendt"


def test_api_routes_are_in_the_openapi_schema(client):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/minutes/meetings/{meeting_id}/" in schema["paths"]
    assert "AgendaItemOut" in schema["components"]["schemas"]


@pytest.fixture(scope="module")
def openapi():
    from api.openapi import openapi_document

    return openapi_document()


def test_every_minutes_answer_validates_against_the_published_schema(
    rich_meeting, client, actors, openapi
):
    """Councils, their meetings, a meeting (redacted and in full) and the two page types:
    each answer as typed, formats checked; members, attendance, participants, decisions,
    attachments and venues are objects a generated client knows the keys of."""

    def get(path: str, token: str | None = None) -> dict:
        extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        response = client.get(path, HTTP_HOST=HOST, **extra)
        assert response.status_code == 200, response.content
        return response.json()

    council, meeting = rich_meeting.council, rich_meeting.meeting
    councils = get("/api/v3/minutes/councils/")
    assert_valid_for(openapi, "/api/v3/minutes/councils/", councils)
    member = councils["items"][0]["members"][0]
    assert member["role"] == "chair"
    meetings = get(f"/api/v3/minutes/councils/{council.pk}/meetings/")
    assert_valid_for(openapi, "/api/v3/minutes/councils/{council_id}/meetings/", meetings)
    assert meetings["items"][0]["document_status"] in DocumentStatus.values
    for token in (None, actors.reader_token):
        detail = get(f"/api/v3/minutes/meetings/{meeting.pk}/", token)
        assert_valid_for(openapi, "/api/v3/minutes/meetings/{meeting_id}/", detail)
    assert detail["closed_items_visible"] is True
    assert detail["venue"]["name"] == "Havnehuset"
    assert detail["agenda"][0]["decision"]["outcome"] == "approved"
    assert {row["status"] for row in detail["attendance"]} == {"present", "absent"}
    for page in (council, meeting):
        data = get(f"/api/v3/pages/{page.pk}/")
        assert_valid_for(openapi, "/api/v3/pages/{page_id}/", data)
    assert data["council"]["id"] == council.pk
    assert data["attendance"][1]["notice_given"] is True
    # What a generated client sees: named types, not objects of anything.
    components = openapi["components"]["schemas"]
    assert components["MeetingOut"]["properties"]["venue"]["anyOf"][0] == {
        "$ref": "#/components/schemas/VenueData"
    }
    assert components["AgendaItemOut"]["properties"]["decision"]["anyOf"][0] == {
        "$ref": "#/components/schemas/DecisionOut"
    }


def assert_valid_for(openapi, path: str, data) -> None:
    from tests.api.openapi_validation import schema_errors

    assert schema_errors(openapi, path, data) == []
