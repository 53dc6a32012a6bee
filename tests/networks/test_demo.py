"""The networks demo: two networks per site, each with a season of five meetings around the
build date, moderators with quotes, fees in the site's currency, and English versions."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.sites import site_time_zone
from plugins.meetings.models import MeetingKind, MeetingPage, MeetingStatus
from plugins.networks.models import NetworkIndexPage, NetworkPage
from plugins.translation.demo import SHOWCASE_SLUG

pytestmark = pytest.mark.django_db

#: Site hostname -> the currency its networks' fees are in (the default site's in euros).
CURRENCIES = {
    "dk.localhost": "DKK",
    "se.localhost": "SEK",
    "no.localhost": "NOK",
    "localhost": "EUR",
}


def networks_of(home) -> list[NetworkPage]:
    # exact_type: the meetings demo's event index is a NetworkIndexPage subclass; the
    # translation workflow's demo shows its states under a page of the first home type.
    index = (
        NetworkIndexPage.objects.child_of(home)
        .live()
        .exact_type(NetworkIndexPage)
        .exclude(slug=SHOWCASE_SLUG)
        .get()
    )
    return list(NetworkPage.objects.child_of(index).live().order_by("path"))


def assert_season(network: NetworkPage, zone) -> None:
    """Five live meetings: past ones, one overnight over two days with several sessions,
    one not yet confirmed and one cancelled (with the reason)."""
    meetings = list(MeetingPage.objects.child_of(network).live().order_by("start"))
    assert network.meetings_per_season == 5 and network.includes_overnight_meeting
    assert len(meetings) == 5, network
    now = timezone.now()
    past = [meeting for meeting in meetings if meeting.end < now]
    assert len(past) >= 2, network
    assert all(meeting.start > now for meeting in meetings if meeting not in past)

    (overnight,) = [m for m in meetings if m.kind == MeetingKind.OVERNIGHT]
    first_day = timezone.localtime(overnight.start, zone).date()
    last_day = timezone.localtime(overnight.end, zone).date()
    assert (last_day - first_day).days == 1, overnight
    sessions = [block.value for block in overnight.programme if block.block_type == "session"]
    assert len(sessions) >= 4
    assert {session["day"] for session in sessions} == {first_day, last_day}
    assert all(session["headline"] for session in sessions)
    assert any(session["speakers"] for session in sessions)

    (unconfirmed,) = [m for m in meetings if m.status == MeetingStatus.NOT_CONFIRMED]
    (cancelled,) = [m for m in meetings if m.status == MeetingStatus.CANCELLED]
    assert unconfirmed.status_note and cancelled.status_note
    assert not {overnight, unconfirmed, cancelled} & set(past), "they are upcoming"
    assert {m.status for m in meetings} == {
        MeetingStatus.CONFIRMED,
        MeetingStatus.NOT_CONFIRMED,
        MeetingStatus.CANCELLED,
    }
    assert all(meeting.venue_id for meeting in meetings)


def assert_moderated(network: NetworkPage) -> list[str]:
    """A quoted moderator with a presentation, and one with neither (issue 17); returns
    the quotes."""
    moderators = list(network.moderators.select_related("person"))
    assert all(m.person is not None for m in moderators), network
    quoted = [m for m in moderators if m.quote]
    assert quoted and all(m.presentation for m in quoted), network
    assert any(not m.quote and not m.presentation for m in moderators), network
    return [m.quote for m in quoted]


def test_demo_builds_two_networks_with_a_season_each_on_every_site(demo, host_client):
    english = Locale.objects.get(language_code="en")

    for site in Site.objects.all():
        home = site.root_page.specific
        language = home.locale.language_code
        zone = site_time_zone(site)
        networks = networks_of(home)
        assert len(networks) >= 2, site
        assert len({network.title for network in networks}) == len(networks)
        for network in networks:
            assert network.locale_id == home.locale_id
            assert network.fee_amount and network.fee_amount > 0
            assert network.fee_currency == CURRENCIES[site.hostname], network
            assert network.fee_vat_note and network.fee_includes
            assert network.lead and network.topic
            assert_moderated(network)
            assert_season(network, zone)
            page = host_client.get(language, network.get_url())
            assert page.status_code == 200, network
            body = page.content.decode()
            # The moderator without a quote is named with their role (issue 17).
            assert 'class="moderator-name"' in body and 'class="moderator-role"' in body
            # The consent box links the site's terms page, in the page's language.
            terms = network.terms_page.specific
            assert terms.locale_id == home.locale_id and terms.live
            path = urlsplit(terms.full_url).path
            assert re.search(f'href="[^"]*{re.escape(path)}"', body), path
            assert host_client.get(language, path).status_code == 200
            # A moderator's party after the name (issue 17): "Sigrid Holm (S)".
            assert "(S)</" in body or "(KrF)</" in body
            if network.slug == "inclusion":
                # Sigrid Holm holds two roles at two organisations (issue 17).
                assert 'class="quote-further-roles"' in body
            # A morning with two speakers on the meeting itself and no programme: each
            # fact once (issue 17).
            one_part = MeetingPage.objects.child_of(network).get(slug="meeting-4")
            assert len(one_part.speakers) == 2 and not one_part.programme
            body = host_client.get(language, one_part.get_url()).content.decode()
            main = body[body.index("<main") :]
            assert 'class="meeting-speakers"' in main and 'class="session' not in main
            assert main.count("Karin Lindqvist") == 1
            programme = host_client.get(language, f"/api/v3/networks/{network.pk}/programme/")
            assert programme.status_code == 200
            assert len(programme.json()["upcoming"]) + len(programme.json()["past"]) == 5

        if language == "en":
            continue
        # At least one network of each site in English: the page, its moderators' quotes
        # in English, its fee as the source's, and its whole season.
        translated = [(network, network.get_translation_or_none(english)) for network in networks]
        translated = [(source, page) for source, page in translated if page and page.live]
        assert translated, f"no English network on {site.hostname}"
        for source, page in translated:
            page = page.specific
            assert page.title != source.title
            assert page.fee_currency == source.fee_currency
            assert page.fee_amount == source.fee_amount
            assert set(assert_moderated(page)).isdisjoint(assert_moderated(source))
            assert_season(page, zone)
            body = host_client.get(language, page.get_url()).content.decode()
            english_terms = source.terms_page.get_translation(english)
            path = urlsplit(english_terms.full_url).path
            assert re.search(f'href="[^"]*{re.escape(path)}"', body), page

    # The second `build_demo` ran every plugin's builder (networks' too) and created nothing.
    assert "nothing changed" in demo.second_output
