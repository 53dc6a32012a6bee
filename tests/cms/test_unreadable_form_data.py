"""A posted admin form holding what the editor's own scripts never write (a StreamField
count that is not a number, rich text that is not Draftail's JSON, an id that is not an id)
shows the form again with a message under the field and saves nothing.

Found by posting every field of every page type's and snippet's edit form back with junk
values (the form read in Chromium, as the editor's scripts build it): each of these was a
500 (cms/formdata.py).
"""

from __future__ import annotations

import pytest
from django.utils.html import escape

from cms.formdata import MESSAGE, ROW_MESSAGE
from plugins.meetings.models import MeetingPage
from plugins.people.models import Person, Venue
from tests.admin_form import form_data
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import PersonFactory, VenueFactory, VenueRoomFactory
from tests.meetings.test_validation_and_admin import meeting_post

pytestmark = pytest.mark.django_db

NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."


@pytest.fixture
def meeting(admin_client, home) -> MeetingPage:
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    response = admin_client.post(
        f"/admin/pages/add/meetings/meetingpage/{network.pk}/",
        meeting_post(venue=VenueFactory().pk),
    )
    assert response.status_code == 302, response.context["form"].errors
    return MeetingPage.objects.get(slug="meeting-about-housing")


@pytest.mark.parametrize(
    ("field", "posted", "message"),
    [
        # Wagtail's StreamBlock: int('x').
        ("speakers-count", "x", MESSAGE),
        # A count the blocks are not there for: KeyError 'programme-1-deleted'.
        ("programme-count", "99999999999999999999", MESSAGE),
        ("programme-0-order", "x", MESSAGE),
        # Draftail's JSON: JSONDecodeError, and 'int' object has no attribute 'get'.
        ("description", "x", MESSAGE),
        ("description", "5", MESSAGE),
        # Rich text inside a block of the stream.
        ("programme-0-value-description", "{", MESSAGE),
        # Refused as a choice, then looked up as an id to show the form again.
        ("venue", "x", NOT_A_CHOICE),
        ("organiser", "x", NOT_A_CHOICE),
    ],
)
def test_an_unreadable_field_is_a_message_under_it_and_nothing_is_saved(
    admin_client, meeting, field, posted, message
):
    revisions = meeting.revisions.count()
    data = meeting_post(title="Renamed by a broken post", venue=meeting.venue_id)
    assert field in data
    data[field] = posted

    response = admin_client.post(f"/admin/pages/{meeting.pk}/edit/", data)

    assert response.status_code == 200
    assert escape(str(message)) in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Meeting about housing"
    assert meeting.revisions.count() == revisions


def test_the_same_form_posted_as_the_editor_sends_it_still_saves(admin_client, meeting):
    # The placeholder value and the message are only for what could not be read.
    response = admin_client.post(
        f"/admin/pages/{meeting.pk}/edit/",
        meeting_post(title="Renamed on purpose", venue=meeting.venue_id),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Renamed on purpose"


def test_an_unreadable_row_id_refuses_the_list_with_a_message(admin_client):
    # modelcluster read the row's id with no guard: "“x” value must be an integer."
    room = VenueRoomFactory(name="Harbour room")
    url = f"/admin/snippets/people/venue/edit/{room.venue.pk}/"
    data = form_data(admin_client.get(url).content.decode())
    assert data["rooms-0-id"] == [str(room.pk)]
    data["rooms-0-id"] = "x"
    data["rooms-0-name"] = "Renamed room"
    data["name"] = "Renamed venue"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert escape(str(ROW_MESSAGE)) in response.content.decode()
    venue = Venue.objects.get(pk=room.venue.pk)
    assert venue.name != "Renamed venue"
    assert list(venue.rooms.values_list("name", flat=True)) == ["Harbour room"]


def test_a_snippet_chooser_given_a_non_number_is_refused_as_a_choice(admin_client):
    person = PersonFactory()
    url = f"/admin/snippets/people/person/edit/{person.pk}/"
    data = form_data(admin_client.get(url).content.decode())
    data["further_roles-count"] = "0"  # a StreamField: its inputs are the editor's scripts'
    data["organisation"] = "x"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert escape(NOT_A_CHOICE) in response.content.decode()
    assert Person.objects.get(pk=person.pk).organisation_id == person.organisation_id


@pytest.mark.parametrize("chosen", ["x", "99999999", "", None])
def test_copying_under_a_parent_that_does_not_exist_goes_back_to_the_form(
    admin_client, home, chosen
):
    # Wagtail's copy view looked the parent up before its form checked it: ValueError or
    # DoesNotExist (a parent deleted while the editor chose it), or KeyError without one.
    from wagtail.models import Page

    page = NetworkIndexPageFactory(parent=home("da"), slug="networks")
    pages = Page.objects.count()
    url = f"/admin/pages/{page.pk}/copy/?next=/admin/pages/{page.pk}/"
    data = {"new_title": "Networks again", "new_slug": "networks-again"}
    if chosen is not None:
        data["new_parent_page"] = chosen

    response = admin_client.post(url, data)

    assert response.status_code == 302 and response["Location"] == url
    shown = admin_client.get(url).content.decode()
    assert escape("The page chosen as the new parent does not exist.") in shown
    assert Page.objects.count() == pages

    data["new_parent_page"] = str(home("da").pk)
    assert admin_client.post(url, data).status_code == 302
    assert Page.objects.filter(slug="networks-again").exists()
