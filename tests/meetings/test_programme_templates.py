"""The programme's markup is in templates a site can override, and the network page's
programme is kept per content generation: a publish shows at once, the date moves meetings
from upcoming to past, and a preview or a logged-in visitor is never served the cache."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest

from plugins.meetings.models import MeetingPage
from tests.factories.meetings import MeetingPageFactory, local, session
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_site_overrides_the_speaker_line_with_a_template(host_client, home, settings, tmp_path):
    (tmp_path / "meetings" / "includes").mkdir(parents=True)
    (tmp_path / "meetings" / "includes" / "speakers.html").write_text(
        '<ul class="our-speakers">{% for s in speakers %}<li>{{ s.name }}</li>{% endfor %}</ul>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    person = PersonFactory(name="Karin <Lindqvist>")
    meeting = MeetingPageFactory(
        parent=network, programme=[session("10:00", "11:00", headline="Talk", people=[person])]
    )
    body = host_client.get("da", meeting.get_url()).content.decode()
    assert '<ul class="our-speakers"><li>Karin &lt;Lindqvist&gt;</li></ul>' in body


def network_with_meeting(home, title="Spring meeting"):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    meeting = MeetingPageFactory(
        parent=network,
        title=title,
        start=local(2030, 3, 5, 9),
        end=local(2030, 3, 5, 12),
        programme=[session("10:00", "11:00", headline="Opening")],
    )
    return network, meeting


def shown(host_client, network) -> str:
    """The page from its programme on (the head's JSON-LD is built per request)."""
    body = host_client.get("da", network.get_url()).content.decode()
    return body.split('id="programme-heading"', 1)[1]


def test_the_programme_is_kept_until_a_publish(host_client, home):
    network, meeting = network_with_meeting(home)
    assert "Spring meeting" in shown(host_client, network)

    # A change that bypasses publishing (no new content generation) is not seen: the
    # programme was rendered once and is served from the cache.
    MeetingPage.objects.filter(pk=meeting.pk).update(title="Quietly renamed")
    body = shown(host_client, network)
    assert "Spring meeting" in body and "Quietly renamed" not in body

    meeting = MeetingPage.objects.get(pk=meeting.pk)
    meeting.title = "Published rename"
    meeting.save_revision().publish()
    body = shown(host_client, network)
    assert "Published rename" in body and "Spring meeting" not in body


def test_a_meeting_moves_to_past_with_the_date_not_the_content(host_client, home):
    network, _meeting = network_with_meeting(home)
    with mock.patch("django.utils.timezone.now", return_value=local(2030, 3, 1, 12)):
        body = host_client.get("da", network.get_url()).content.decode()
    programme, _, past = body.partition('id="past-heading"')
    assert "Spring meeting" in programme and not past
    next_day = local(2030, 3, 5, 12) + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=next_day):
        body = host_client.get("da", network.get_url()).content.decode()
    programme, _, past = body.partition('id="past-heading"')
    assert "Spring meeting" not in programme and "Spring meeting" in past


def test_a_logged_in_visitor_is_not_served_the_cached_programme(
    client, host_client, home, admin_user
):
    network, meeting = network_with_meeting(home)
    host_client.get("da", network.get_url())  # an anonymous view fills the cache
    MeetingPage.objects.filter(pk=meeting.pk).update(title="Quietly renamed")
    client.force_login(admin_user)
    assert "Quietly renamed" in shown(host_client, network)
