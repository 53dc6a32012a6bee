"""Meeting and event index pages render in every language, with status and programme."""

import datetime
from unittest import mock

import pytest
from django.utils import translation

from plugins.meetings.choices import StatusDisplay
from plugins.meetings.models import MeetingStatus, split_meetings
from tests.factories.meetings import (
    COPENHAGEN,
    EventIndexPageFactory,
    MeetingPageFactory,
    local,
    session,
)
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import PersonFactory, VenueFactory

LANGUAGES = ["da", "sv", "nb", "en"]

#: What a visitor reads for each status, per language (cms/locale/*/LC_MESSAGES/django.po),
#: written out so that a missing or wrong translation fails the test.
STATUS_LABELS = {
    "da": {
        MeetingStatus.PLANNED: "Planlagt",
        MeetingStatus.CONFIRMED: "Bekræftet",
        MeetingStatus.NOT_CONFIRMED: "Endnu ikke bekræftet",
        MeetingStatus.POSTPONED: "Udsat",
        MeetingStatus.CANCELLED: "Aflyst",
    },
    "sv": {
        MeetingStatus.PLANNED: "Planerat",
        MeetingStatus.CONFIRMED: "Bekräftat",
        MeetingStatus.NOT_CONFIRMED: "Ännu inte bekräftat",
        MeetingStatus.POSTPONED: "Uppskjutet",
        MeetingStatus.CANCELLED: "Inställt",
    },
    "nb": {
        MeetingStatus.PLANNED: "Planlagt",
        MeetingStatus.CONFIRMED: "Bekreftet",
        MeetingStatus.NOT_CONFIRMED: "Ikke bekreftet ennå",
        MeetingStatus.POSTPONED: "Utsatt",
        MeetingStatus.CANCELLED: "Avlyst",
    },
    "en": {
        MeetingStatus.PLANNED: "Planned",
        MeetingStatus.CONFIRMED: "Confirmed",
        MeetingStatus.NOT_CONFIRMED: "Not yet confirmed",
        MeetingStatus.POSTPONED: "Postponed",
        MeetingStatus.CANCELLED: "Cancelled",
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_in_every_language_with_translated_status(
    host_client, home, language
):
    root = home("da", language)
    venue = VenueFactory(name="Havnehuset")
    index = NetworkIndexPageFactory(parent=root, title="Networks")
    network = NetworkPageFactory(parent=index, title="Inclusion network")
    events = EventIndexPageFactory(parent=root, title="Events")
    meetings = [
        MeetingPageFactory(
            parent=network,
            title=f"Meeting {status}",
            status=status,
            status_display=StatusDisplay.ALWAYS,  # every label, to check its translation
            venue=venue,
        )
        for status in MeetingStatus
    ]
    conference = MeetingPageFactory(parent=events, title="Welfare day", venue=venue)

    labels = STATUS_LABELS[language]
    with translation.override(language):
        # The model's own label, as the API and the templates read it.
        assert {status: str(status.label) for status in MeetingStatus} == labels
    for page in (index, network, events, meetings[0], conference):
        response = host_client.get("da", page.get_url())
        assert response.status_code == 200, page
        assert f'<html lang="{language}">' in response.content.decode()
    body = host_client.get("da", network.get_url()).content.decode()
    for label in labels.values():
        assert label in body
    for meeting in meetings:
        body = host_client.get("da", meeting.get_url()).content.decode()
        assert f"status--{meeting.status}" in body
        assert labels[meeting.status] in body


@pytest.mark.django_db
def test_meeting_page_shows_sessions_with_speakers_and_venue(host_client, home):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    person = PersonFactory(name="Karin Lindqvist", role="Researcher")
    venue = VenueFactory(name="Skovly")
    meeting = MeetingPageFactory(
        parent=network,
        venue=venue,
        programme=[
            session("10:00", "11:00", headline="What works", people=[person]),
            session(
                "11:15",
                "12:00",
                headline="Group work",
                inline=[("Tove Lund", "Facilitator", "Lund & Co.")],
            ),
        ],
    )
    body = host_client.get("da", meeting.get_url()).content.decode()
    assert "What works" in body and "Group work" in body
    assert "Karin Lindqvist" in body and "Researcher" in body
    assert "Tove Lund" in body and "Lund &amp; Co." in body
    assert "Skovly" in body
    assert body.count("<h1") == 1


@pytest.mark.django_db
def test_upcoming_and_past_split_at_local_midnight(home):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    # Ends 22:30 Copenhagen time on 5 March, which is 21:30 UTC.
    meeting = MeetingPageFactory(
        parent=network, start=local(2030, 3, 5, 19, 0), end=local(2030, 3, 5, 22, 30)
    )
    queryset = network.meetings()

    late_evening = local(2030, 3, 5, 23, 59)  # 22:59 UTC, still 5 March in Copenhagen
    upcoming, past = split_meetings(queryset, COPENHAGEN, now=late_evening)
    assert [m.pk for m in upcoming] == [meeting.pk] and past == []

    after_midnight = local(2030, 3, 6, 0, 1)  # 23:01 UTC on 5 March, but 6 March locally
    assert after_midnight.astimezone(datetime.UTC).day == 5
    upcoming, past = split_meetings(queryset, COPENHAGEN, now=after_midnight)
    assert upcoming == [] and [m.pk for m in past] == [meeting.pk]


@pytest.mark.django_db
def test_network_page_lists_programme_and_past_meetings_separately(host_client, home):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    MeetingPageFactory(parent=network, title="Last spring", start=local(2030, 3, 5, 9))
    MeetingPageFactory(parent=network, title="Next autumn", start=local(2030, 9, 5, 9))
    with mock.patch("django.utils.timezone.now", return_value=local(2030, 6, 1, 12)):
        body = host_client.get("da", network.get_url()).content.decode()
    programme, past = body.split('id="past-heading"')
    assert "Next autumn" in programme and "Last spring" not in programme
    assert "Last spring" in past


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "display", "shown"),
    [
        (MeetingStatus.PLANNED, StatusDisplay.WHEN_IT_MATTERS, False),
        (MeetingStatus.CONFIRMED, StatusDisplay.WHEN_IT_MATTERS, False),
        (MeetingStatus.NOT_CONFIRMED, StatusDisplay.WHEN_IT_MATTERS, True),
        (MeetingStatus.CANCELLED, StatusDisplay.WHEN_IT_MATTERS, True),
        (MeetingStatus.PLANNED, StatusDisplay.ALWAYS, True),
        (MeetingStatus.NOT_CONFIRMED, StatusDisplay.ONLY_CANCELLED_OR_POSTPONED, False),
        (MeetingStatus.POSTPONED, StatusDisplay.ONLY_CANCELLED_OR_POSTPONED, True),
    ],
)
def test_the_status_shows_when_it_tells_a_visitor_something(
    host_client, home, status, display, shown
):
    """Every meeting said "Planned" and "Regular meeting", telling a visitor nothing."""
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    meeting = MeetingPageFactory(
        parent=network, status=status, status_display=display, venue=VenueFactory()
    )
    for page in (meeting, network):
        body = host_client.get("da", page.get_url()).content.decode()
        assert (f"status--{status}" in body) is shown, page
    body = host_client.get("da", meeting.get_url()).content.decode()
    assert "Almindeligt møde" not in body and "Regular meeting" not in body
