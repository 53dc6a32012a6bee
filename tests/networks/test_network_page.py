"""A network page's cost does not grow with its programme, and its translations render."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.meetings import MeetingPageFactory, local, session
from tests.factories.networks import (
    NetworkIndexPageFactory,
    NetworkModeratorFactory,
    NetworkPageFactory,
)
from tests.factories.people import PersonFactory, VenueFactory


def build_network(home, meetings: int, slug: str):
    people = [PersonFactory() for _ in range(3)]
    venue = VenueFactory()
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da"), slug=f"index-{slug}"),
        slug=slug,
        default_venue=venue,
        contact_person=people[0],
        organiser=people[0].organisation,
    )
    NetworkModeratorFactory(page=network, person=people[1])
    for number in range(meetings):
        day = datetime.date(2030, 1, 10) + datetime.timedelta(days=30 * number)
        start = local(day.year, day.month, day.day, 8, 0)
        MeetingPageFactory(
            parent=network,
            start=start,
            end=start + datetime.timedelta(hours=10),
            venue=VenueFactory(),
            programme=[
                session(
                    f"{8 + hour:02d}:00",
                    f"{8 + hour:02d}:45",
                    headline=f"Session {hour}",
                    people=people[:2],
                    inline=[("Tove Lund", "Planner", "Åstad")],
                    venue=VenueFactory() if hour == 0 else None,
                )
                for hour in range(6)
            ],
        )
    return network


def queries_for(host_client, url) -> int:
    host_client.get("da", url)  # warm caches that every page fills once per process
    with CaptureQueriesContext(connection) as captured:
        response = host_client.get("da", url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_network_page_queries_do_not_grow_with_meetings(
    host_client, home, django_assert_max_num_queries
):
    small = build_network(home, meetings=1, slug="small")
    large = build_network(home, meetings=5, slug="large")
    body = host_client.get("da", large.get_url()).content.decode()
    assert body.count(">Session 5</h4>") == 5
    assert queries_for(host_client, large.get_url()) == queries_for(host_client, small.get_url())
    with django_assert_max_num_queries(40):
        host_client.get("da", large.get_url())


@pytest.mark.django_db
def test_fee_is_shown_with_currency_and_vat_note(host_client, home):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    body = host_client.get("da", network.get_url()).content.decode()
    assert "18.500,00" in body and "kr." in body and "ex. VAT" in body


@pytest.mark.django_db
def test_index_lists_networks_with_next_meeting(host_client, home):
    index = NetworkIndexPageFactory(parent=home("da"))
    network = NetworkPageFactory(parent=index, title="Climate network")
    MeetingPageFactory(parent=network, start=local(2099, 2, 3, 9))
    body = host_client.get("da", index.get_url()).content.decode()
    assert "Climate network" in body
    assert "2099" in body


@pytest.mark.django_db
def test_a_moderator_without_a_quote_keeps_name_role_and_bio(home, client):
    """The name and role sat inside the quote's condition; the bio was never shown."""
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    person = PersonFactory(name="Mette Holm", role="Konsulent", bio="Har ledet netværket i fem år.")
    NetworkModeratorFactory(page=network, person=person, quote="", presentation="")
    body = client.get(network.get_url(), HTTP_HOST="dk.localhost").content.decode()
    moderators = body[body.index('id="moderators-heading"') :].split("</section>")[0]
    assert "Mette Holm" in moderators and "Konsulent" in moderators
    assert "Har ledet netværket i fem år." in moderators


@pytest.mark.django_db
def test_a_persons_affiliation_follows_the_name_and_stays_out_of_it(home, client):
    """Editors typed "(S)" into the name, which then flowed into the API and JSON-LD."""
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    person = PersonFactory(name="Sigrid Holm", affiliation="S", role="Forperson")
    NetworkModeratorFactory(page=network, person=person, quote="")
    body = client.get(network.get_url(), HTTP_HOST="dk.localhost").content.decode()
    assert "Sigrid Holm (S)" in body
    data = client.get(f"/api/v3/pages/{network.pk}/", HTTP_HOST="dk.localhost").json()
    [moderator] = data["moderators_data"]
    shown = moderator["person"]
    assert shown["name"] == "Sigrid Holm" and shown["affiliation"] == "S"


@pytest.mark.django_db
def test_the_page_words_its_own_section_headings(home, client):
    """Fixed headings ("About the organiser") could not be set: a page's wording was lost."""
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        about_organiser="Et forum for kommuner.",
        organiser_heading="Hvem står bag",
    )
    body = client.get(network.get_url(), HTTP_HOST="dk.localhost").content.decode()
    assert '<h2 id="organiser-heading">Hvem står bag</h2>' in body
    network.organiser_heading = ""
    network.save_revision().publish()
    body = client.get(network.get_url(), HTTP_HOST="dk.localhost").content.decode()
    assert '<h2 id="organiser-heading">Om arrangøren</h2>' in body
    data = client.get(f"/api/v3/pages/{network.pk}/", HTTP_HOST="dk.localhost").json()
    assert data["organiser_heading"] == ""
