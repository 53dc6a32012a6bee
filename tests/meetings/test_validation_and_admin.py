"""Editors get clear messages for impossible meetings, and can publish through the admin."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from plugins.meetings.models import MeetingKind, MeetingPage, MeetingStatus
from tests.factories.meetings import MeetingPageFactory, local, session
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import VenueFactory


@pytest.fixture
def network(home):
    return NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))


def errors_of(page) -> dict:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict if hasattr(caught.value, "error_dict") else {}


@pytest.mark.django_db
def test_a_meeting_cannot_end_before_it_starts(network):
    meeting = MeetingPageFactory(parent=network)
    meeting.end = meeting.start - datetime.timedelta(hours=1)
    assert errors_of(meeting)["end"] == ["The meeting must end after it starts."]


@pytest.mark.django_db
def test_messages_are_in_the_editors_language(network):
    meeting = MeetingPageFactory(parent=network)
    meeting.end = meeting.start
    with translation.override("da"):
        message = errors_of(meeting)["end"][0]
        assert message == translation.gettext("The meeting must end after it starts.")


@pytest.mark.django_db
def test_an_overnight_meeting_must_span_two_days(network):
    meeting = MeetingPageFactory(parent=network)
    meeting.kind = MeetingKind.OVERNIGHT
    assert errors_of(meeting)["end"] == [
        "An overnight meeting must end on a later day than it starts."
    ]
    meeting.end = local(2030, 3, 6, 13, 0)
    meeting.full_clean()


@pytest.mark.django_db
def test_a_session_outside_the_meetings_time_is_marked_on_that_session(network):
    meeting = MeetingPageFactory(parent=network)  # 09:30 to 12:30 on 5 March 2030
    meeting.programme = [session("10:00", "11:00"), session("12:00", "13:15")]
    with pytest.raises(ValidationError) as caught:
        meeting.full_clean()
    (stream_error,) = caught.value.error_dict["programme"]
    assert list(stream_error.block_errors) == [1]
    message = stream_error.block_errors[1].block_errors["start_time"].messages[0]
    assert "outside the meeting's time" in message
    assert "5 March 2030, 09:30" in message


@pytest.mark.django_db
def test_a_postponed_meeting_needs_its_original_date(network):
    meeting = MeetingPageFactory(parent=network)
    meeting.status = MeetingStatus.POSTPONED
    assert "previous_start" in errors_of(meeting)


@pytest.mark.django_db
def test_a_network_fee_cannot_be_negative(network):
    network.fee_amount = Decimal("-1")
    assert errors_of(network)["fee_amount"] == ["The fee cannot be negative."]


def meeting_post(**overrides) -> dict:
    data = {
        "title": "Meeting about housing",
        "slug": "meeting-about-housing",
        "sequence_label": "Meeting 2 of 5",
        "kind": "regular",
        "status": "confirmed",
        "status_note": "",
        "start": "2030-04-02 09:30",
        "end": "2030-04-02 12:30",
        "previous_start": "",
        "venue": "",
        "room": "",
        "online_url": "",
        "description": rich_text("<p>About housing.</p>"),
        "speakers": streamfield([]),
        "programme": streamfield(
            [
                (
                    "session",
                    {
                        "day": "",
                        "start_time": "10:00",
                        "end_time": "11:00",
                        "venue": "",
                        "room": "",
                        "headline": "Who builds?",
                        "description": rich_text("<p>A talk.</p>"),
                        "speakers": streamfield(
                            [
                                (
                                    "item",
                                    {
                                        "person": "",
                                        "name": "Tove Lund",
                                        "role": "Planner",
                                        "organisation": "Åstad",
                                    },
                                )
                            ]
                        ),
                    },
                )
            ]
        ),
        "signup_label": "",
        "signup_url": "",
        "signup_deadline": "",
        "attachments": streamfield([]),
        "organiser": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_an_editor_creates_and_publishes_a_meeting_in_the_admin(admin_client, network):
    venue = VenueFactory()
    url = f"/admin/pages/add/meetings/meetingpage/{network.pk}/"
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url, meeting_post(venue=venue.pk))
    assert response.status_code == 302, response.context["form"].errors
    meeting = MeetingPage.objects.get(slug="meeting-about-housing")
    assert meeting.live and meeting.venue == venue
    assert meeting.calendar_sequence == 1
    (item,) = meeting.programme
    assert item.value["speakers"][0]["name"] == "Tove Lund"


@pytest.mark.django_db
def test_an_editors_publish_indexes_the_meeting_once_and_search_finds_it(
    admin_client, host_client, network, monkeypatch
):
    """Publish saves the page, a revision and the publish: three saves in one request, and
    each was indexed again (search and references) before the request deferred them."""
    from wagtail.models import ReferenceIndex
    from wagtail.tasks import update_reference_index_task

    from tests.cms.test_compat import enqueued_by, search_batches

    references = enqueued_by(monkeypatch, update_reference_index_task)
    batches = search_batches(monkeypatch)
    venue = VenueFactory()
    url = f"/admin/pages/add/meetings/meetingpage/{network.pk}/"
    response = admin_client.post(url, meeting_post(venue=venue.pk))
    assert response.status_code == 302, response.context["form"].errors

    meeting = MeetingPage.objects.get(slug="meeting-about-housing")
    assert [args for args in references if args[2] == str(meeting.pk)] == [
        ("meetings", "meetingpage", str(meeting.pk))
    ]
    assert sum(batch.count(meeting.pk) for batch in batches) == 1
    # Indexed in its published state: its venue is referenced, and the site's search finds it.
    assert ReferenceIndex.get_references_to(venue).filter(object_id=str(meeting.pk)).exists()
    found = host_client.get("da", "/search/?q=housing").content.decode()
    assert f'href="{meeting.get_url_parts()[2]}"' in found


@pytest.mark.django_db
def test_publishing_needs_a_venue_or_online_link_but_a_draft_does_not(admin_client, network):
    url = f"/admin/pages/add/meetings/meetingpage/{network.pk}/"
    response = admin_client.post(url, meeting_post())
    assert response.status_code == 200
    form = response.context["form"]
    assert "Choose a venue or give an online link" in form.errors["venue"][0]
    assert not MeetingPage.objects.filter(slug="meeting-about-housing").exists()

    draft = meeting_post()
    del draft["action-publish"]
    response = admin_client.post(url, draft)
    assert response.status_code == 302
    assert not MeetingPage.objects.get(slug="meeting-about-housing").live

    online = meeting_post(slug="online", online_url="https://meet.example.org/h")
    assert admin_client.post(url, online).status_code == 302
    assert MeetingPage.objects.get(slug="online").live


@pytest.mark.django_db
def test_session_outside_the_meeting_is_shown_in_the_admin_form(admin_client, network):
    url = f"/admin/pages/add/meetings/meetingpage/{network.pk}/"
    response = admin_client.post(url, meeting_post(venue=VenueFactory().pk, end="2030-04-02 10:30"))
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors


def autosave(client, url, data):
    """What Wagtail's autosave posts: the form as it stands, asking for JSON."""
    data = {key: value for key, value in data.items() if key != "action-publish"}
    return client.post(url, data, HTTP_ACCEPT="application/json")


@pytest.mark.django_db
def test_autosave_keeps_a_meeting_between_two_related_changes(admin_client, network):
    """Issue 15 finding 12: autosave answers 200 while the editor is halfway through a change
    (postponed but no original start yet; start moved past the end; a speaker added but
    not named); publishing still names every problem."""
    url = f"/admin/pages/add/meetings/meetingpage/{network.pk}/"
    halfway = meeting_post(venue=VenueFactory().pk, status="postponed", start="2030-04-03 09:30")
    speaker = "programme-0-value-speakers-0-value-name"
    assert halfway[speaker] == "Tove Lund"
    halfway[speaker] = ""

    response = autosave(admin_client, url, halfway)
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    draft = MeetingPage.objects.get(slug="meeting-about-housing")
    assert not draft.live and draft.status == MeetingStatus.POSTPONED

    response = admin_client.post(f"/admin/pages/{draft.pk}/edit/", halfway)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["previous_start"] == ["Give the originally planned start of a postponed meeting."]
    assert errors["end"] == ["The meeting must end after it starts."]
    assert "programme" in errors  # the speaker without a name
    assert not MeetingPage.objects.get(pk=draft.pk).live


@pytest.mark.django_db
def test_a_meeting_takes_its_networks_usual_venue(admin_client, home):
    """Publishing a meeting without a venue was refused though its network had one."""
    usual = VenueFactory(name="Havnehuset")
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")), default_venue=usual
    )
    url = f"/admin/pages/add/meetings/meetingpage/{network.pk}/"
    form = admin_client.get(url).context["form"]
    assert form["venue"].value() == usual.pk  # the editor starts from it
    assert admin_client.post(url, meeting_post()).status_code == 302
    meeting = MeetingPage.objects.get(slug="meeting-about-housing")
    assert meeting.live and meeting.venue == usual
    body = admin_client.get(meeting.get_url(), HTTP_HOST="dk.localhost").content.decode()
    assert "Havnehuset" in body
