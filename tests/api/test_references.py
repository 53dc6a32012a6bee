"""Every id in a public answer resolves: an anonymous consumer finds each person,
organisation and venue an answer names by id in the same answer (its ``people`` and
``organisations`` maps), or fetches it from a route that answers it anonymously.

The snippet routes (/api/v3/snippets/…) answer 401 without a token, so a bare
``person_id`` used to lead nowhere. Each walk below looks at every ``…_id`` key of an answer."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from wagtail.models import PageViewRestriction

from tests.api.openapi_validation import assert_valid
from tests.factories.meetings import EventIndexPageFactory, MeetingPageFactory, local, session
from tests.factories.minutes import (
    AgendaItemFactory,
    AgendaItemParticipantFactory,
    CouncilMemberFactory,
    CouncilPageFactory,
    MinutesAttendanceFactory,
    publish,
    publish_meeting,
)
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import OrganisationFactory, PersonFactory, VenueFactory, translated

pytestmark = pytest.mark.django_db

NOW = local(2030, 6, 1, 12)

#: Where an id found under these keys resolves inside the answer.
MAPS = {
    "person_id": "people",
    "organisation_id": "organisations",
    "organiser_id": "organisations",
    "venue_id": "venues",
}
#: Ids of pages, resolved through the page routes (which answer anonymous callers).
PAGE_IDS = {"council_id": "/api/v3/pages/{}/"}


def references(data, maps: tuple[dict, ...] = ()):
    """Every ``(key, id, maps in scope)`` of an answer: the maps of every object enclosing
    the id (an item's own ``people``, the answer's)."""
    if isinstance(data, dict):
        maps = (*maps, data)
        for key, value in data.items():
            if key.endswith("_id") and isinstance(value, int):
                yield key, value, maps
            else:
                yield from references(value, maps)
    elif isinstance(data, list):
        for value in data:
            yield from references(value, maps)


def assert_resolvable(client, data, host: str = "dk.localhost") -> int:
    """Each id of ``data`` is in a map of the same answer or answers 200 anonymously;
    returns how many ids were checked (so a test knows it checked some)."""
    checked = 0
    for key, value, maps in references(data):
        checked += 1
        if key in MAPS:
            found = [m[MAPS[key]] for m in maps if isinstance(m.get(MAPS[key]), dict)]
            assert found, f"{key}={value}: the answer has no {MAPS[key]} map"
            assert any(str(value) in known for known in found), (
                f"{key}={value} is not in the answer's {MAPS[key]}"
            )
            entry = next(known[str(value)] for known in found if str(value) in known)
            assert entry["name"]
        elif key in PAGE_IDS:
            response = client.get(PAGE_IDS[key].format(value), HTTP_HOST=host)
            assert response.status_code == 200, f"{key}={value}: {response.status_code}"
        else:
            raise AssertionError(f"{key}={value}: no rule says where this id resolves")
    return checked


@pytest.fixture
def frozen_now():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield NOW


def fortnightly_meeting(network, number: int, programme: list) -> None:
    """Meeting ``number`` of ``network``, a day's meeting two weeks after the one before it
    (from 1 July 2030), with its own venue and ``programme``."""
    day = datetime.date(2030, 7, 1) + datetime.timedelta(days=14 * number)
    MeetingPageFactory(
        parent=network,
        title=f"Meeting {number}",
        start=local(day.year, day.month, day.day, 9),
        end=local(day.year, day.month, day.day, 15),
        venue=VenueFactory(),
        programme=programme,
    )


@pytest.fixture
def network(home, frozen_now):
    """A network with two meetings; one speaker in every session of both, one in one."""
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        title="Inclusion",
        organiser=OrganisationFactory(name="Nordic Municipal Forum"),
    )
    everywhere = PersonFactory(
        name="Karin Lindqvist", organisation=OrganisationFactory(name="Institute")
    )
    once = PersonFactory(name="Jonas Berg")
    for number in range(2):
        fortnightly_meeting(
            network,
            number,
            [
                session("09:00", "09:45", people=[everywhere], inline=[("Typed In", "Guest", "")]),
                session(
                    "10:00",
                    "10:45",
                    people=[everywhere, once] if number else [everywhere],
                    venue=VenueFactory(),
                ),
            ],
        )
    return network


def get(client, path: str, host: str = "dk.localhost") -> dict:
    response = client.get(path, HTTP_HOST=host)  # no token, no session: anonymous
    assert response.status_code == 200, response.content
    return response.json()


def test_every_speaker_of_the_upcoming_route_is_in_its_people_once(client, network):
    data = get(client, "/api/v3/meetings/upcoming/")
    # Five speakers' person_id, and each of the two people's organisation_id.
    assert assert_resolvable(client, data) == 5 + 2
    # Each person once, however many sessions they speak in; a typed-in speaker has no id.
    assert sorted(person["name"] for person in data["people"].values()) == [
        "Jonas Berg",
        "Karin Lindqvist",
    ]
    speakers = [s for m in data["items"] for x in m["sessions"] for s in x["speakers"]]
    assert {s["name"] for s in speakers if s["person_id"] is None} == {"Typed In"}
    # A chosen person with nothing typed is given by id alone (issue 18, third step).
    [karin_id] = [key for key, p in data["people"].items() if p["name"] == "Karin Lindqvist"]
    karin = [s for s in speakers if str(s["person_id"]) == karin_id]
    assert len(karin) == 4 and all(s["name"] == "" for s in karin)
    person = data["people"][karin_id]
    assert data["organisations"][str(person["organisation_id"])]["name"] == "Institute"


def test_every_speaker_of_a_network_programme_resolves(client, network):
    data = get(client, f"/api/v3/networks/{network.pk}/programme/")
    assert assert_resolvable(client, data) == 5 + 2
    assert len(data["people"]) == 2


def test_a_meeting_detail_embeds_what_it_names(client, network):
    meeting = network.get_children().first()
    data = get(client, f"/api/v3/pages/{meeting.pk}/")
    # The detail names its speakers, venues and organiser by id, each in its own map
    # (``people``, ``venues``, ``organisations``); every id must resolve in the answer,
    # the organisation_id of its one person too.
    assert assert_resolvable(client, data) == 5 + 1
    speaker = data["programme"][0]["value"]["speakers"][0]
    assert data["people"][str(speaker["person_id"])]["name"] == "Karin Lindqvist"
    assert data["venues"][str(data["venue_id"])]["name"]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_list_of_meetings_names_each_person_once(client, network, version):
    """A list's items name their speakers by id and the answer holds each person once
    (issue 18: one map per item repeated the same people in every item naming them)."""
    response = client.get(
        f"/api/{version}/pages/?type=meetings.MeetingPage&fields=*", HTTP_HOST="dk.localhost"
    )
    data = response.json()
    assert len(data["items"]) == 2
    # Five speakers, each meeting's venue, organiser and sessions' venues, and each
    # person's organisation.
    assert assert_resolvable(client, data) == 11 + 2
    assert sorted(person["name"] for person in data["people"].values()) == [
        "Jonas Berg",
        "Karin Lindqvist",
    ]
    # Karin speaks in all four sessions of the two meetings: each person's entry (its
    # biography) is in the bytes once.
    assert response.content.decode().count("Works on local democracy.") == 2
    assert all("people" not in item for item in data["items"])
    # The network's organiser of both meetings, once for the list; venues likewise.
    organisers = {item["organiser_id"] for item in data["items"]}
    assert len(organisers) == 1
    assert organisers <= {int(key) for key in data["organisations"]}
    assert all("venues" not in item and "organisations" not in item for item in data["items"])


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_list_serialises_each_person_once(client, network, settings, version):
    """API v3 gives a field no context: the maps' memo lives in the request's loader, or
    each person was serialised again for every item naming them."""
    from plugins.people import api as people_api

    settings.TINGSTED_API_RESPONSE_CACHE = False
    with mock.patch.object(people_api, "_person_entry", wraps=people_api._person_entry) as spy:
        data = get(client, f"/api/{version}/pages/?type=meetings.MeetingPage&fields=*")
    assert len(data["people"]) == 2
    assert spy.call_count == 2


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_list_names_each_persons_organisation_once(client, network, version):
    """A person in the ``people`` map names their organisation by ``organisation_id``, a
    key of the answer's ``organisations`` (issue 18: each person carried a copy of it,
    logo and all, and twenty meetings' people named the same few organisations)."""
    for _ in range(3):
        PersonFactory(organisation=OrganisationFactory(name="Unrelated"))
    response = client.get(
        f"/api/{version}/pages/?type=meetings.MeetingPage&fields=*", HTTP_HOST="dk.localhost"
    )
    data = response.json()
    karin = next(p for p in data["people"].values() if p["name"] == "Karin Lindqvist")
    assert "organisation" not in karin
    assert data["organisations"][str(karin["organisation_id"])]["name"] == "Institute"
    # Every organisation a person names is in the map, and no one else's.
    named = {p["organisation_id"] for p in data["people"].values()}
    organisers = {item["organiser_id"] for item in data["items"]}
    assert {int(key) for key in data["organisations"]} == named | organisers
    assert all(p["organisation_id"] is not None for p in data["people"].values())


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_list_mixing_languages_resolves_every_id_in_its_item_language(
    client, network, home, locales, version
):
    """An English meeting on the Danish site names the English rows of its speaker, venue
    and organiser (its StreamFields are given in its language): the maps hold those, not
    the Danish rows of the answer's language (the people map missed them)."""
    person = PersonFactory(name="Eva Lund")
    venue = VenueFactory(name="Salen")
    organiser = OrganisationFactory(name="Forum")
    english = {
        "person": translated(person, locales["en"]),
        "venue": translated(venue, locales["en"], name="The Hall"),
        "organiser": translated(organiser, locales["en"], name="The Forum"),
    }
    MeetingPageFactory(
        parent=EventIndexPageFactory(parent=home("da", "en")),
        title="English",
        start=local(2030, 8, 1, 9),
        end=local(2030, 8, 1, 15),
        venue=venue,
        organiser=organiser,
        programme=[session("09:00", "10:00", people=[person], venue=venue)],
    )
    data = get(client, f"/api/{version}/pages/?type=meetings.MeetingPage&fields=*")
    item = next(item for item in data["items"] if item["title"] == "English")
    assert item["meta"]["locale"] == "en"
    # Each list's ids, and the three people's organisation_id.
    assert assert_resolvable(client, data) == 11 + 4 + 3
    assert item["programme"][0]["value"]["speakers"][0]["person_id"] == english["person"].pk
    assert item["programme"][0]["value"]["venue_id"] == english["venue"].pk
    assert data["venues"][str(item["venue_id"])]["name"] == "The Hall"
    assert data["organisations"][str(item["organiser_id"])]["name"] == "The Forum"


def test_a_person_named_only_by_a_private_meeting_is_not_published(client, network, home):
    hidden = PersonFactory(name="Hidden Speaker")
    private = MeetingPageFactory(
        parent=EventIndexPageFactory(parent=home("da")),
        title="Private",
        start=local(2030, 8, 1, 9),
        end=local(2030, 8, 1, 12),
        programme=[session("09:00", "10:00", people=[hidden])],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    data = get(client, "/api/v3/meetings/upcoming/")
    assert "Hidden Speaker" not in {p["name"] for p in data["people"].values()}
    assert str(hidden.pk) not in data["people"]


@pytest.fixture
def council(home):
    """A council with members (one representing an organisation) and a meeting with
    attendance, an open item with a chosen participant and a closed one with another."""
    council = CouncilPageFactory(parent=home("da"), title="Integrationsrådet")
    council.members = [
        CouncilMemberFactory.build(person=PersonFactory(name="Helen Brooks")),
        CouncilMemberFactory.build(
            person=PersonFactory(name="Tariq Khan"),
            organisation=OrganisationFactory(name="New Neighbours"),
            represents="",
        ),
    ]
    publish(council)
    council.refresh_from_db()
    open_item = AgendaItemFactory.build(number="1", title="Action plan")
    open_item.participants = [
        AgendaItemParticipantFactory.build(person=PersonFactory(name="Open Guest"), name=""),
        AgendaItemParticipantFactory.build(name="Typed Guest"),
    ]
    closed_item = AgendaItemFactory.build(number="2", title="Nomination", is_closed=True)
    closed_item.participants = [
        AgendaItemParticipantFactory.build(person=PersonFactory(name="Closed Guest"), name="")
    ]
    meeting = publish_meeting(council, [open_item, closed_item], title="March")
    meeting.attendance = [
        MinutesAttendanceFactory.build(person=PersonFactory(name="Present Member")),
    ]
    publish(meeting)
    return council, meeting


def test_every_person_and_organisation_of_a_minutes_answer_resolves(client, council):
    _council_page, meeting = council
    data = get(client, f"/api/v3/minutes/meetings/{meeting.pk}/")
    assert assert_resolvable(client, data) >= 3  # attendance, participant, council
    names = {person["name"] for person in data["people"].values()}
    assert names == {"Present Member", "Open Guest"}
    # Whoever takes part only in a closed item stays unnamed for the public.
    assert "Closed Guest" not in str(data)

    councils = get(client, "/api/v3/minutes/councils/")
    # Two people, one organisation a member represents, and each person's organisation.
    assert assert_resolvable(client, councils) == 3 + 2
    (item,) = councils["items"]
    assert {p["name"] for p in item["people"].values()} == {"Helen Brooks", "Tariq Khan"}
    assert "New Neighbours" in [o["name"] for o in item["organisations"].values()]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_minutes_list_mixing_languages_resolves_every_person_id(
    client, council, home, locales, version
):
    """An English meeting's attendant (an English row) on the Danish site resolves in the
    list's ``people`` as that English row, and their organisation in its ``organisations``
    (the map gave the Danish translation under the English id: ``id`` 6 under key "7")."""
    person = PersonFactory(name="Eva Lund", role="Formand")
    english_person = translated(person, locales["en"], role="Chair")
    english_council = CouncilPageFactory(parent=home("da", "en"), title="Council")
    meeting = publish_meeting(english_council, [], title="English minutes")
    meeting.attendance = [MinutesAttendanceFactory.build(person=english_person)]
    publish(meeting)
    data = get(client, f"/api/{version}/pages/?type=minutes.MinutesPage&fields=*")
    item = next(item for item in data["items"] if item["title"] == "English minutes")
    assert item["meta"]["locale"] == "en"
    assert item["attendance"][0]["person_id"] == english_person.pk
    entry = data["people"][str(english_person.pk)]
    assert (entry["id"], entry["role"]) == (english_person.pk, "Chair")
    # Attendance and participants of both meetings, and each person's organisation.
    assert assert_resolvable(client, data) == 3 + 3


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_page_routes_of_minutes_and_councils_resolve_their_ids(client, council, version):
    council_page, meeting = council
    for page in (meeting, council_page):
        data = get(client, f"/api/{version}/pages/{page.pk}/")
        assert assert_resolvable(client, data) >= 2
    data = get(client, f"/api/{version}/pages/{meeting.pk}/")
    assert "Closed Guest" not in str(data)


def test_the_maps_are_typed_in_the_published_schema(client, network, council):
    from api.openapi import openapi_document

    openapi = openapi_document()
    assert_valid(openapi, "/api/v3/meetings/upcoming/", get(client, "/api/v3/meetings/upcoming/"))
    _council, meeting = council
    assert_valid(
        openapi,
        "/api/v3/minutes/meetings/{meeting_id}/",
        get(client, f"/api/v3/minutes/meetings/{meeting.pk}/"),
    )
    schemas = openapi["components"]["schemas"]
    for name, field, target in [
        ("MeetingListSchema", "people", "PersonEntryData"),
        ("MeetingListSchema", "organisations", "OrganisationData"),
        ("ProgrammeSchema", "people", "PersonEntryData"),
        ("ProgrammeSchema", "organisations", "OrganisationData"),
        ("MeetingOut", "people", "PersonEntryData"),
        ("MeetingOut", "organisations", "OrganisationData"),
        ("CouncilOut", "people", "PersonEntryData"),
        ("CouncilOut", "organisations", "OrganisationData"),
    ]:
        declared = schemas[name]["properties"][field]
        assert declared["type"] == "object"
        assert declared["additionalProperties"] == {"$ref": f"#/components/schemas/{target}"}


# --- The front-end recipes of docs/api.md: each page in at most two anonymous requests -----


def test_a_network_page_with_its_meetings_and_speakers_in_two_requests(client, network):
    first = get(
        client,
        f"/api/v3/pages/?type=networks.NetworkPage&slug={network.slug}&locale=da&fields=*",
    )
    [found] = first["items"]
    assert found["title"] == "Inclusion" and found["organiser"]["name"] == "Nordic Municipal Forum"
    second = get(client, f"/api/v3/networks/{found['id']}/programme/")
    assert [meeting["title"] for meeting in second["upcoming"]] == ["Meeting 0", "Meeting 1"]
    named = {
        second["people"][str(speaker["person_id"])]["name"]
        if speaker["person_id"]
        else speaker["name"]
        for meeting in second["upcoming"]
        for part in meeting["sessions"]
        for speaker in part["speakers"]
    }
    assert named == {"Karin Lindqvist", "Jonas Berg", "Typed In"}


def test_a_council_meetings_minutes_in_one_request(client, council):
    council_page, meeting = council
    data = get(
        client,
        f"/api/v3/pages/?type=minutes.MinutesPage&child_of={council_page.pk}&slug={meeting.slug}&fields=*",
    )
    [minutes] = data["items"]
    assert minutes["title"] == "March"
    assert [item["title"] for item in minutes["agenda"]][:1] == ["Action plan"]
    people = data["people"]  # the list's, once for all its items
    attendee = minutes["attendance"][0]
    assert people[str(attendee["person_id"])]["name"] == "Present Member"


# --- issue 18, third step: a register speaker is its person_id and what was typed ------------

#: The keys of a speaker in every answer that gives one.
SPEAKER_KEYS = {"name", "affiliation", "role", "organisation", "person_id"}


def speakers_in(data) -> list[dict]:
    """Every speaker of an answer, wherever it is (a meeting's own, a session's)."""
    if isinstance(data, dict):
        if set(data) == SPEAKER_KEYS:
            return [data]
        return [found for value in data.values() for found in speakers_in(value)]
    if isinstance(data, list):
        return [found for value in data for found in speakers_in(value)]
    return []


@pytest.fixture
def regulars(home, frozen_now):
    """Two meetings: one person from the register, nothing typed, in three sessions across
    both; another with a role typed for the occasion; a speaker typed in whole."""
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")), title="Regulars"
    )
    astrid = PersonFactory(
        name="Astrid Nordvik",
        affiliation="V",
        role="Researcher",
        organisation=OrganisationFactory(name="Fjord Institute"),
    )
    bodil = PersonFactory(name="Bodil Hansen", role="Researcher")
    last = session("11:00", "11:45", people=[astrid, bodil])
    last[1]["speakers"][1]["role"] = "Moderator"  # typed for this session
    last[1]["speakers"].append(
        {
            "person": None,
            "name": "Ole Dam",
            "affiliation": "KrF",
            "role": "Mayor",
            "organisation": "Fjordby kommune",
        }
    )
    programmes = [
        [session("09:00", "09:45", people=[astrid]), session("10:00", "10:45", people=[astrid])],
        [last],
    ]
    for number, programme in enumerate(programmes):
        fortnightly_meeting(network, number, programme)
    return {"network": network, "astrid": astrid, "bodil": bodil}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?type=meetings.MeetingPage&fields=*",
        "/api/v3/pages/?type=meetings.MeetingPage&fields=*",
        "/api/v3/meetings/upcoming/",
        "/api/v3/networks/{network}/programme/",
    ],
)
def test_a_register_speaker_is_its_person_id_and_what_was_typed(client, regulars, path):
    """A list names a person from the register once, in its ``people``: a speaker gives
    what was typed for the occasion ("" where nothing was) and the person's id."""
    response = client.get(path.format(network=regulars["network"].pk), HTTP_HOST="dk.localhost")
    assert response.status_code == 200, response.content
    body, data = response.content.decode(), response.json()
    astrid, bodil = regulars["astrid"].pk, regulars["bodil"].pk
    speakers = speakers_in(data)
    assert len(speakers) == 5
    # Nothing typed: every occurrence is the id alone; the person is in ``people`` once.
    assert [s for s in speakers if s["person_id"] == astrid] == [
        {"name": "", "affiliation": "", "role": "", "organisation": "", "person_id": astrid}
    ] * 3
    assert body.count("Astrid Nordvik") == 1
    assert data["people"][str(astrid)]["name"] == "Astrid Nordvik"
    assert data["people"][str(astrid)]["affiliation"] == "V"
    assert body.count("Fjord Institute") == 1  # in ``organisations``, once
    # A role typed for the occasion stays; the rest is the person's, from ``people``.
    assert [s for s in speakers if s["person_id"] == bodil] == [
        {"name": "", "affiliation": "", "role": "Moderator", "organisation": "", "person_id": bodil}
    ]
    assert body.count("Bodil Hansen") == 1
    assert data["people"][str(bodil)]["name"] == "Bodil Hansen"
    # A speaker typed in is what was typed, whole.
    assert [s for s in speakers if s["person_id"] is None] == [
        {
            "name": "Ole Dam",
            "affiliation": "KrF",
            "role": "Mayor",
            "organisation": "Fjordby kommune",
            "person_id": None,
        }
    ]
