"""The example consumers in docs/examples/ read the API as an external site would: the
site's networks, each with its own upcoming meetings and their status (consumer.py); a local
mirror kept through the sync feed with the models generated from the OpenAPI document
(sync_consumer.py, tingsted_api.py)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from cms.bootstrap import bootstrap_sites
from plugins.meetings.models import MeetingStatus
from tests.factories.meetings import MeetingPageFactory, speakers
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import OrganisationFactory, PersonFactory, VenueFactory

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def live_api(request):
    # A live server needs a transactional database, which Django empties after each such
    # test: when an earlier one did, build the tree root and the sites again.
    server = request.getfixturevalue("live_server")
    if not Page.objects.exists():
        locale, _created = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    bootstrap_sites(port=80)
    return server.url + "/api"


def _day(days: int, hour: int = 10) -> datetime.datetime:
    """``hour`` o'clock UTC ``days`` from today: mid-day in every Nordic time zone, so
    "upcoming" (until the end of the local day) does not depend on when the test runs."""
    today = timezone.localdate()
    return datetime.datetime.combine(
        today + datetime.timedelta(days=days), datetime.time(hour), tzinfo=datetime.UTC
    )


def _network(
    index, title: str, slug: str, venue, meetings: list[tuple[str, int, str]], speakers_of=None
):
    network = NetworkPageFactory(parent=index, title=title, slug=slug, default_venue=venue)
    network.save_revision().publish()
    for meeting_title, days, status in meetings:
        MeetingPageFactory(
            parent=network,
            title=meeting_title,
            slug=slugify(meeting_title),
            status=status,
            status_note="Oplægsholderen er forhindret." if status == "cancelled" else "",
            start=_day(days),
            end=_day(days, hour=13),
            venue=venue,
            speakers=(speakers_of or {}).get(meeting_title, []),
        )
    return network


@pytest.fixture
def two_networks(live_api):
    """Two Danish networks with their own meetings: upcoming in every state, and past ones."""
    home = Site.objects.get(hostname="dk.localhost").root_page.specific
    venue = VenueFactory(name="Havnehuset")
    index = NetworkIndexPageFactory(parent=home, title="Netværk", slug="netvaerk")
    # Speakers from the register come by person_id, with only what was typed for the
    # meeting (here Jonas's role): the consumer resolves them against the answer's people.
    karin = PersonFactory(
        name="Karin Lindqvist",
        affiliation="S",
        role="Forsker",
        organisation=OrganisationFactory(name="Institut for Demokrati"),
    )
    jonas = PersonFactory(name="Jonas Berg", role="Forsker", organisation=None)
    morning = speakers(people=[karin, jonas], inline=[("Ole Dam", "KrF", "Borgmester", "Fjordby")])
    morning[1][1]["role"] = "Ordstyrer"
    inclusion = _network(
        index,
        "Inklusionsnetværket",
        "inklusion",
        venue,
        [
            ("Foreningslivet", -40, MeetingStatus.CONFIRMED),
            ("Sprog på arbejdet", -5, MeetingStatus.CONFIRMED),
            ("Døgnmødet", 12, MeetingStatus.CONFIRMED),
            ("Boligområder", 30, MeetingStatus.NOT_CONFIRMED),
            ("Unge og valg", 60, MeetingStatus.CANCELLED),
        ],
        speakers_of={"Døgnmødet": morning},
    )
    climate = _network(
        index,
        "Klimanetværket",
        "klima",
        venue,
        [
            ("Skybrud", -20, MeetingStatus.CONFIRMED),
            ("Grønne indkøb", 20, MeetingStatus.PLANNED),
        ],
    )
    # An English version of one network (its meetings untranslated): the consumer reads
    # Danish only, and links the English page as a translation.
    english = inclusion.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "Inclusion network"
    english.save_revision().publish()
    return {"live_api": live_api, "inclusion": inclusion, "climate": climate}


def sections(output: str) -> dict[str, list[str]]:
    """The consumer's output cut at each ``# <title>`` heading: title -> its lines."""
    found: dict[str, list[str]] = {}
    current = None
    for line in output.splitlines():
        if line.startswith("# "):
            current = line[2:].split("  ")[0]
            found[current] = [line]
        elif current is not None and line:
            found[current].append(line)
    return found


def meeting_lines(lines: list[str]) -> list[tuple[str, str]]:
    """(title, status label) of each listed meeting, in the printed order."""
    meetings = []
    for line in lines:
        if line.startswith("  - "):
            _when, title, status, *_note = line[4:].split("  ")
            meetings.append((title, status.strip("[]")))
    return meetings


# One test: each transactional test costs a database flush.
@pytest.mark.subprocess
@pytest.mark.django_db(transaction=True)
def test_the_example_consumer_reads_each_networks_upcoming_meetings(two_networks, tmp_path):
    live_api = two_networks["live_api"]
    command = [
        sys.executable,
        str(EXAMPLES / "consumer.py"),
        "--api",
        live_api,
        "--site",
        "dk.localhost",
        "--locale",
        "da",
        "--time-zone",
        "Europe/Copenhagen",
        "--state",
        str(tmp_path / "etags.json"),
    ]
    first = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert "2 networks on dk.localhost" in first.stdout
    found = sections(first.stdout)
    assert set(found) == {"Inklusionsnetværket", "Klimanetværket"}

    assert found["Inklusionsnetværket"][0] == (
        "# Inklusionsnetværket  (da)  http://dk.localhost/netvaerk/inklusion/"
    )
    assert (
        "  Also in: en: http://dk.localhost/en/netvaerk/inklusion/" in found["Inklusionsnetværket"]
    )
    assert "  Also in: -" in found["Klimanetværket"]
    assert "  Upcoming meetings (3):" in found["Inklusionsnetværket"]
    # Exactly this network's upcoming meetings, soonest first, with their status in the
    # network's language; neither its past meetings nor the other network's.
    assert meeting_lines(found["Inklusionsnetværket"]) == [
        ("Døgnmødet", "Bekræftet"),
        ("Boligområder", "Endnu ikke bekræftet"),
        ("Unge og valg", "Aflyst"),
    ]
    # Each speaker as the page shows it: the person's own where nothing was typed.
    assert (
        "      Speakers: Karin Lindqvist (S), Forsker, Institut for Demokrati"
        " & Jonas Berg, Ordstyrer & Ole Dam (KrF), Borgmester, Fjordby"
    ) in found["Inklusionsnetværket"]
    cancelled = _day(60).astimezone(ZoneInfo("Europe/Copenhagen"))
    assert found["Inklusionsnetværket"][-1] == (
        f"  - {cancelled:%Y-%m-%d %H:%M} {cancelled.tzname()}  Unge og valg  [Aflyst]"
        "  Oplægsholderen er forhindret."
    )
    assert "  Upcoming meetings (1):" in found["Klimanetværket"]
    assert meeting_lines(found["Klimanetværket"]) == [("Grønne indkøb", "Planlagt")]
    for past in ("Foreningslivet", "Sprog på arbejdet", "Skybrud"):
        assert past not in first.stdout

    # The second run revalidates with If-None-Match and prints the same from 304s.
    second = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert second.stdout == first.stdout

    result = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "consumer.py"),
            "--api",
            live_api,
            "--site",
            "nowhere.example",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "HTTP 400" in result.stderr and "nowhere.example" in result.stderr


# --- the sync consumer: a local mirror kept through /api/v3/sync/ and the generated models --


@pytest.fixture
def sync_consumer(monkeypatch):
    monkeypatch.syspath_prepend(str(EXAMPLES))
    import sync_consumer

    return sync_consumer


def _client_getter(client, host: str, token=None):
    """The consumer's transport, through the test client instead of the network."""
    from urllib.parse import urlencode

    def get(path: str, params: dict) -> dict:
        query = urlencode({k: v for k, v in params.items() if v is not None})
        extra = {"HTTP_AUTHORIZATION": f"Bearer {token.plaintext}"} if token else {}
        response = client.get(f"/api{path}?{query}", HTTP_HOST=host, **extra)
        assert response.status_code == 200, response.content
        return response.json()

    return get


def _what_the_api_shows(client, host: str, locale: str) -> dict[int, dict]:
    """Every page /api/v3/pages/ lists for the site and language, with its detail."""
    listed = client.get(f"/api/v3/pages/?locale={locale}&limit=100", HTTP_HOST=host).json()
    return {
        item["id"]: client.get(f"/api/v3/pages/{item['id']}/", HTTP_HOST=host).json()
        for item in listed["items"]
    }


@pytest.mark.django_db
def test_the_sync_consumer_keeps_a_mirror_equal_to_what_the_api_shows(
    sync_consumer, client, home, tmp_path
):
    from wagtail.models import PageViewRestriction

    from tests.api.conftest import add_page

    dk_home = home("da")
    kept = add_page(dk_home, "Om os")
    changing = add_page(dk_home, "Nyheder")
    leaving = add_page(dk_home, "Arkiv")
    private = add_page(dk_home, "Bestyrelsen")
    add_page(dk_home, "Kladde", live=False)
    mirror = sync_consumer.Mirror(tmp_path / "mirror.sqlite3")
    get = _client_getter(client, "dk.localhost")

    def synced() -> tuple[int, int]:
        # A small limit: every run takes several answers, each applied with its cursor.
        totals = sync_consumer.sync(get, mirror, "dk.localhost", "da", limit=2)
        assert mirror.pages() == _what_the_api_shows(client, "dk.localhost", "da")
        return totals

    upserted, removed = synced()
    assert (upserted, removed) == (5, 0)  # the home page and four published pages
    changing.title = "Nyheder og pressemeddelelser"
    changing.save_revision().publish()
    assert synced() == (1, 0)
    created = add_page(dk_home, "Kalender")
    created.move(kept, pos="last-child")
    assert synced() == (1, 0)  # created and moved: one page, as it is now
    assert mirror.pages()[created.pk]["meta"]["html_url"].endswith("/om-os/kalender/")
    leaving.unpublish()
    assert synced() == (0, 1)
    created.delete()
    assert synced() == (0, 1)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert synced() == (0, 1)
    assert synced() == (0, 0)  # up to date: nothing applied twice
    assert set(mirror.pages()) == {dk_home.pk, kept.pk, changing.pk}


@pytest.mark.django_db
def test_the_sync_consumer_starts_again_when_its_cursor_is_older_than_the_log(
    sync_consumer, client, home, tmp_path
):
    """A mirror left alone longer than the log keeps changes: its cursor is a 410; it walks
    again and drops what the walk did not give (the tombstones were pruned with the log)."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from api.models import SyncEntry
    from tests.api.conftest import add_page

    dk_home = home("da")
    kept = add_page(dk_home, "Om os")
    leaving = add_page(dk_home, "Arkiv")
    mirror = sync_consumer.Mirror(tmp_path / "mirror.sqlite3")
    answered = []

    def get(path: str, params: dict) -> dict:
        from urllib.parse import urlencode

        query = urlencode({k: v for k, v in params.items() if v is not None})
        response = client.get(f"/api{path}?{query}", HTTP_HOST="dk.localhost")
        answered.append(response.status_code)
        if response.status_code == 410:
            raise sync_consumer.CursorExpired(response.json()["detail"])
        assert response.status_code == 200, response.content
        return response.json()

    assert sync_consumer.sync(get, mirror, "dk.localhost", "da", limit=2) == (3, 0)
    # Months without a run: a page goes, another changes, one is new; the log is pruned.
    leaving.delete()
    kept.title = "Om foreningen"
    kept.save_revision().publish()
    SyncEntry.objects.update(created_at=timezone.now() - datetime.timedelta(days=100))
    call_command("prune_sync_log", stdout=None)
    created = add_page(dk_home, "Kalender")
    answered.clear()
    upserted, removed = sync_consumer.sync(get, mirror, "dk.localhost", "da", limit=2)
    assert answered[0] == 410 and set(answered[1:]) == {200}
    assert (upserted, removed) == (3, 1)  # the walk again; the deleted page dropped
    assert mirror.pages() == _what_the_api_shows(client, "dk.localhost", "da")
    assert set(mirror.pages()) == {dk_home.pk, kept.pk, created.pk}
    assert mirror.pages()[kept.pk]["title"] == "Om foreningen"
    # And on from the new cursor as before.
    assert sync_consumer.sync(get, mirror, "dk.localhost", "da", limit=2) == (0, 0)


@pytest.mark.subprocess
@pytest.mark.own_sqlite
def test_the_example_models_are_what_the_current_document_generates(tmp_path):
    """docs/examples/tingsted_api.py is generated from the OpenAPI document as it is now
    (`make openapi` regenerates both)."""
    import importlib.util
    import json

    from tests.api.test_openapi_snapshot import exported_document

    spec = importlib.util.spec_from_file_location(
        "generate_models", EXAMPLES / "generate_models.py"
    )
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(exported_document(tmp_path), indent=2, sort_keys=True))
    assert generator.generate(document) == (EXAMPLES / "tingsted_api.py").read_text(), (
        "Run `make openapi` and commit docs/examples/tingsted_api.py."
    )
