"""Translating a network with its meetings, in the browser: nothing public until published,
every translated page reachable once it is, and a moved meeting's new time on the live
translation at once (issue 15, findings 1, 2, 6 and 8).

The Danish editor (``editor-dk``) translates the demo's "climate" network and its meetings
into Swedish from the page's menu; the reviewer (``reviewer``) publishes; visitors open the
Danish site's Swedish pages (``dk.localhost/sv/...``).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Page as BrowserPage
from wagtail.models import Locale, Page, Site

from cms.formatting import format_time
from cms.i18n.localize import translate
from cms.tree import tree_problems
from tests.e2e.test_translation_journeys import messages, start_translation

pytestmark = pytest.mark.e2e

SWEDISH = "Svenska"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def assert_tree_is_sound(journey) -> None:
    with journey.db():
        problems = tree_problems()
    assert not problems, problems.sentences()


@pytest.fixture
def climate(journey):
    """The Danish index, network and first meeting the journeys translate."""
    with journey.db():
        root = Site.objects.get(hostname="dk.localhost").root_page
        network = Page.objects.descendant_of(root).get(locale__language_code="da", slug="climate")
        meeting = network.get_children().get(slug="meeting-1")
        index = network.get_parent()
    return index.specific, network.specific, meeting.specific


def swedish(journey, page: Page) -> Page:
    with journey.db():
        return page.get_translation(Locale.objects.get(language_code="sv")).specific


def swedish_address(journey, page: Page) -> str:
    """The address of ``page``'s Swedish translation on the Danish site (``/sv/...``)."""
    with journey.db():
        address = Page.objects.get(pk=swedish(journey, page).pk).full_url
    assert "/sv/" in address
    return address


def test_starting_a_translation_publishes_nothing_and_the_editor_stays_on_their_page(
    journey, climate
):
    index, network, meeting = climate
    editor = start_translation(journey, network, from_the_menu=True)

    # Finding 8: back on the Danish page's editor, one message, in Danish, no refusal.
    assert urlsplit(editor.url).path == f"/admin/pages/{network.pk}/edit/"
    assert messages(editor, "error") == []
    [success] = messages(editor, "success")
    assert "oversættelse" in success and "kladder" in success, success

    # Finding 1: nothing Swedish is public, not even the index above the network.
    visitor = journey.visitor()
    for page in (index, network, meeting):
        address = swedish_address(journey, page)
        response = visitor.goto(address)
        assert response.status == 404, f"{address} is public before anyone translated it"
    with journey.db():
        for page in (index, network, meeting):
            translation = Page.objects.get(pk=swedish(journey, page).pk)
            assert not translation.live and translation.alias_of_id is None
    assert_tree_is_sound(journey)


def publish_in_the_admin(journey, reviewer: BrowserPage, page: Page) -> None:
    reviewer.goto(journey.url("sv", f"/admin/pages/{page.pk}/edit/"))
    with reviewer.expect_navigation():
        reviewer.locator("footer button[name=action]").click()  # "Publish in Svenska"
    assert messages(reviewer, "error") == []


def test_meeting_first_then_network_then_index_every_swedish_page_is_reachable(journey, climate):
    index, network, meeting = climate
    start_translation(journey, network, from_the_menu=True)

    reviewer = journey.as_user("reviewer", "sv", path=None)
    for page in (meeting, network, index):  # children before parents
        publish_in_the_admin(journey, reviewer, swedish(journey, page))
        assert_tree_is_sound(journey)

    visitor = journey.visitor()
    for page in (index, network, meeting):
        response = visitor.goto(swedish_address(journey, page))
        assert response.status == 200, visitor.url
        assert visitor.locator("html").get_attribute("lang") == "sv"


def test_a_moved_meeting_shows_its_new_time_on_the_live_swedish_page_at_once(journey, climate):
    index, network, meeting = climate
    start_translation(journey, network, from_the_menu=True)
    with journey.db():
        # The translator's and the reviewer's work, done: the Swedish pages are live.
        for page in (index, network, meeting):
            translate(page, "sv")
        old_start = Page.objects.get(pk=meeting.pk).specific.start
    address = swedish_address(journey, meeting)
    visitor = journey.visitor()
    with timezone.override(COPENHAGEN):
        old_time = format_time(old_start, language="sv")
        new_start = old_start - datetime.timedelta(minutes=30)
        new_time = format_time(new_start, language="sv")
    assert visitor.goto(address).status == 200
    assert old_time in visitor.locator("main").inner_text()

    with journey.db():
        source = Page.objects.get(pk=meeting.pk).specific
        source.start = new_start
        source.end = source.end - datetime.timedelta(minutes=30)
        source.save_revision(user=journey.user("reviewer")).publish(user=journey.user("reviewer"))

    visitor.goto(address)
    shown = visitor.locator("main").inner_text()
    assert new_time in shown
    assert old_time not in shown
    assert_tree_is_sound(journey)
