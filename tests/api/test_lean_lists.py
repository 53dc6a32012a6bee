"""A full-content list of meetings stays lean (issue 18, target 4): what twenty meetings
name again and again (their speakers' people, those people's organisations, venues) comes
once per answer, so the bytes grow with the content, not with the repetitions.

The fixture is shaped like the benchmark's data (cms/bench): a network's meetings, each with
a few sessions whose speakers are chosen from a small register of people with photos, who
belong to a few organisations with logos. The budget is a bytes guard, not a timing: the
shape of the answer before issue 18's second step (each person carrying a copy of their
organisation, logo and all) exceeds it.
"""

from __future__ import annotations

import datetime

import pytest

from tests.factories.cms import ImageFactory
from tests.factories.meetings import MeetingPageFactory, local, session, speakers
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

MEETINGS = 10
#: Bytes of the list of MEETINGS below with fields=*: 31,367 (v2) and 30,642 (v3); 35,561
#: and 34,848 when each person carried their organisation in full.
BUDGET = 33_000


@pytest.fixture
def meetings(home):
    organisations = [
        OrganisationFactory(
            name=f"Organisation {n}",
            description="A long description of what the organisation does. " * 3,
            logo=ImageFactory(),
        )
        for n in range(3)
    ]
    people = [
        PersonFactory(name=f"Person {n}", organisation=organisations[n % 3], photo=ImageFactory())
        for n in range(8)
    ]
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")), organiser=organisations[0]
    )
    for number in range(MEETINGS):
        day = datetime.date(2030, 7, 1) + datetime.timedelta(days=7 * number)
        MeetingPageFactory(
            parent=network,
            title=f"Meeting {number}",
            start=local(day.year, day.month, day.day, 9),
            end=local(day.year, day.month, day.day, 15),
            speakers=speakers(people=[people[number % 8]]),
            programme=[
                session(
                    f"{9 + part:02d}:00",
                    f"{9 + part:02d}:45",
                    people=[people[(number + part) % 8], people[(number + part + 1) % 8]],
                )
                for part in range(3)
            ],
        )
    return people


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_list_of_meetings_stays_under_its_byte_budget(client, meetings, settings, version):
    settings.TINGSTED_API_RESPONSE_CACHE = False
    response = client.get(
        f"/api/{version}/pages/?type=meetings.MeetingPage&fields=*&limit={MEETINGS}",
        HTTP_HOST="dk.localhost",
    )
    assert response.status_code == 200
    data = response.json()
    assert len(data["items"]) == MEETINGS
    assert len(data["people"]) == 8
    assert len(response.content) <= BUDGET, len(response.content)
