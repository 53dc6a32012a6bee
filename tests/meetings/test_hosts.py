"""Meetings name no other plugin: a page type takes the meeting host role by declaring it.

The networks plugin's NetworkPage declares ``meeting_host = True``
(plugins.meetings.interface.MEETING_HOST); the meetings plugin reads the role, never the
networks plugin's names. Where editors may add meetings, and what a meeting shows of its
network, is as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps

from plugins.meetings.interface import MEETING_HOST, MeetingPage
from plugins.meetings.models import EventIndexPage
from plugins.networks.models import NetworkPage
from tests.factories.meetings import EventIndexPageFactory, MeetingPageFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import OrganisationFactory

ROOT = Path(__file__).resolve().parents[2]


def test_the_meetings_plugin_names_no_other_content_plugins_models():
    others = [
        model
        for label in ("networks", "blog", "minutes")
        for model in apps.get_app_config(label).get_models()
    ]
    names = {model._meta.label for model in others} | {model._meta.model_name for model in others}
    offenders = []
    for path in (ROOT / "plugins" / "meetings").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        text = path.read_text()
        offenders += [f"{path.relative_to(ROOT)}: {name}" for name in names if name in text]
    assert not offenders, offenders


@pytest.mark.django_db
def test_editors_add_meetings_under_networks_and_event_indexes_only(home, admin_client):
    index = NetworkIndexPageFactory(parent=home("da"))
    network = NetworkPageFactory(parent=index)
    events = EventIndexPageFactory(parent=home("da"))

    assert getattr(NetworkPage, MEETING_HOST) is True
    assert set(MeetingPage.allowed_parent_page_models()) == {NetworkPage, EventIndexPage}
    assert MeetingPage.can_create_at(network)
    assert MeetingPage.can_create_at(events)
    assert not MeetingPage.can_create_at(index)
    assert not MeetingPage.can_create_at(home("da"))
    add = "/admin/pages/add/meetings/meetingpage/{}/"
    assert admin_client.get(add.format(network.pk)).status_code == 200
    assert admin_client.get(add.format(events.pk)).status_code == 200
    assert admin_client.get(add.format(index.pk)).status_code != 200
    # "Add child page" of a network offers meetings.
    choose = admin_client.get(f"/admin/pages/{network.pk}/add_subpage/")
    assert add.format(network.pk) in choose.get("Location", "") + choose.content.decode()


@pytest.mark.django_db
def test_a_meeting_belongs_to_its_network_and_shows_its_organiser(home):
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        organiser=OrganisationFactory(name="Nordic Municipal Forum"),
    )
    meeting = MeetingPageFactory(parent=network, organiser=None)
    conference = MeetingPageFactory(parent=EventIndexPageFactory(parent=home("da")))

    assert MeetingPage.objects.get(pk=meeting.pk).network == network
    assert MeetingPage.objects.get(pk=meeting.pk).effective_organiser.name == (
        "Nordic Municipal Forum"
    )
    assert MeetingPage.objects.get(pk=conference.pk).network is None


@pytest.mark.django_db
def test_any_page_type_may_take_the_meeting_host_role(monkeypatch, home, client):
    """A third party's page type hosts meetings by declaring the role: nothing in meetings
    changes. It has no organiser, so its meetings show none."""
    from tingsted_example.models import ExamplePage

    from tests.factories.tingsted_example import ExamplePageFactory

    monkeypatch.setattr(ExamplePage, MEETING_HOST, True, raising=False)
    monkeypatch.setattr(ExamplePage, "subpage_types", ["meetings.MeetingPage"])
    monkeypatch.setattr(ExamplePage, "_clean_subpage_models", None)  # Wagtail's cache
    circle = ExamplePageFactory(parent=home("da"), title="Reading circle", slug="circle")

    assert ExamplePage in MeetingPage.allowed_parent_page_models()
    meeting = MeetingPageFactory(parent=circle, title="Autumn reading", organiser=None)
    assert MeetingPage.objects.get(pk=meeting.pk).network == circle
    assert MeetingPage.objects.get(pk=meeting.pk).effective_organiser is None

    response = client.get(
        "/api/v3/meetings/upcoming/", {"network": circle.pk}, HTTP_HOST="dk.localhost"
    )
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Autumn reading"]
    assert items[0]["network"]["title"] == "Reading circle"
