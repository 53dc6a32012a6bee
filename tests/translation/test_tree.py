"""Translating a subtree keeps the tree sound and nothing public (issue 15, findings 1, 2, 6, 8).

A Danish network index, a network under it and a meeting under that: the editor has the
network and its meeting translated into Swedish ("Translate this page" with the subtree),
the Swedish translations are published in various orders, and the Danish meeting moves.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core import checks
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry
from wagtail.users.models import UserProfile
from wagtail_localize.operations import translate_object, translate_page_subtree

from cms.i18n.localize import translate
from cms.tree import check_page_tree, tree_problems
from tests.factories import indexed_once
from tests.factories.meetings import MeetingPageFactory, local
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db

ADMIN = {"HTTP_HOST": "dk.localhost"}


def publish(page: Page) -> Page:
    page = Page.objects.get(pk=page.pk).specific
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
@indexed_once
def danish(home):
    """The Danish source pages: index, network, meeting (published, with revisions)."""
    index = publish(NetworkIndexPageFactory(parent=home("da"), title="Netværk", slug="netvaerk"))
    network = publish(
        NetworkPageFactory(parent=index, title="Klimanetværket", slug="klima", lead="Om klima.")
    )
    meeting = publish(
        MeetingPageFactory(
            parent=network,
            title="Første møde",
            slug="moede-1",
            start=local(2030, 3, 5, 10, 0),
            end=local(2030, 3, 5, 13, 0),
        )
    )
    return index, network, meeting


def swedish(page: Page, locales) -> Page | None:
    return (
        Page.objects.filter(translation_key=page.translation_key, locale=locales["sv"])
        .specific()
        .first()
    )


def assert_tree_is_sound():
    problems = tree_problems()
    assert not problems, problems.sentences()
    assert all(found == [] for found in Page.find_problems())


def submit(client, page, locales, **extra):
    return client.post(
        f"/admin/localize/submit/page/{page.pk}/",
        {"locales": [locales["sv"].pk], "include_subtree": "on", **extra},
        **ADMIN,
    )


# --- finding 1: nothing goes public -----------------------------------------------------


def test_translate_this_page_puts_nothing_live_not_even_the_missing_parent(
    danish, locales, user_in, client, django_capture_on_commit_callbacks
):
    index, network, meeting = danish
    editor = user_in("editors-dk.localhost")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, network, locales)
    assert response.status_code == 302

    swedish_pages = [swedish(page, locales) for page in (index, network, meeting)]
    assert all(page is not None for page in swedish_pages)
    for page in swedish_pages:
        # Drafts, not aliases: Wagtail would have made the index a live alias of the
        # Danish one, in Danish under /sv/.
        assert page.live is False, page
        assert page.alias_of_id is None, page
    assert not PageLogEntry.objects.filter(action="wagtail.publish", user=editor).exists()
    anonymous = Client()
    for page in swedish_pages:
        address = page.get_url_parts()[2]
        assert "/sv/" in address
        assert anonymous.get(address, HTTP_HOST="dk.localhost").status_code == 404, address
    assert_tree_is_sound()


def test_the_missing_parent_is_a_translation_the_translator_can_work_on(
    danish, locales, user_in, client, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation

    index, network, _meeting = danish
    client.force_login(user_in("editors-dk.localhost"))
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, network, locales)
    assert Translation.objects.filter(
        source__object_id=index.translation_key, target_locale=locales["sv"], enabled=True
    ).exists()
    swedish_index = swedish(index, locales)
    translator = user_in("translators-sv")
    assert swedish_index.permissions_for_user(translator).can_edit()


# --- finding 8: the editor lands where they may be --------------------------------------


def test_the_editor_lands_on_the_source_page_with_a_message_in_their_language(
    danish, locales, user_in, client, django_capture_on_commit_callbacks
):
    _index, network, _meeting = danish
    editor = user_in("editors-dk.localhost")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "da"
    profile.save()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, network, locales)
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{network.pk}/edit/"

    landed = client.get(response.url, **ADMIN)
    assert landed.status_code == 200
    shown = [(message.level_tag, str(message)) for message in get_messages(landed.wsgi_request)]
    assert [kind for kind, _text in shown] == ["success"], shown
    [(_kind, text)] = shown
    assert "Klimanetværket" in text
    assert "oversættelse" in text, text  # Danish, not wagtail-localize's English


def test_a_user_who_may_edit_the_translation_still_goes_to_it(
    danish, locales, admin_client, django_capture_on_commit_callbacks
):
    _index, network, _meeting = danish
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(admin_client, network, locales)
    assert response.url == f"/admin/pages/{swedish(network, locales).pk}/edit/"


# --- finding 2: the tree stays sound, the children reachable ----------------------------


def test_publish_on_translate_with_the_subtree_keeps_the_child_count(
    danish, locales, settings, django_capture_on_commit_callbacks
):
    """The order of the finding: the network translation is created (its publish waits
    for the commit), the meeting is created under it, then the network is published with
    the instance it had before the meeting existed."""
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True  # wagtail-localize's default
    index, network, meeting = danish
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(network, [locales["sv"]])
        translate_page_subtree(network.pk, [locales["sv"]], None, None)

    assert_tree_is_sound()
    swedish_network = swedish(network, locales)
    assert swedish_network.live and swedish_network.numchild == 1
    publish(swedish(index, locales))
    swedish_meeting = swedish(meeting, locales)
    response = Client().get(swedish_meeting.get_url_parts()[2], HTTP_HOST="dk.localhost")
    assert response.status_code == 200


def test_saving_a_page_loaded_before_its_child_was_added_keeps_the_count(danish):
    _index, network, _meeting = danish
    stale = Page.objects.get(pk=network.pk).specific
    MeetingPageFactory(parent=Page.objects.get(pk=network.pk), title="Andet møde")
    stale.save_revision().publish()
    assert Page.objects.get(pk=network.pk).numchild == 2
    assert_tree_is_sound()


@pytest.mark.parametrize("order", ["parents first", "children first", "meeting only"])
def test_translate_then_publish_in_any_order_keeps_the_tree_sound(
    danish, locales, user_in, client, order, django_capture_on_commit_callbacks
):
    index, network, meeting = danish
    client.force_login(user_in("editors-dk.localhost"))
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, network, locales)
    pages = {
        "parents first": [index, network, meeting],
        "children first": [meeting, network, index],
        "meeting only": [meeting],
    }[order]
    for page in pages:
        with django_capture_on_commit_callbacks(execute=True):
            publish(swedish(page, locales))
        assert_tree_is_sound()
    if order != "meeting only":
        response = Client().get(
            swedish(meeting, locales).get_url_parts()[2], HTTP_HOST="dk.localhost"
        )
        assert response.status_code == 200


# --- the tree check ---------------------------------------------------------------------


def test_check_tree_names_the_page_with_a_wrong_child_count_and_fixes_it(danish):
    _index, network, _meeting = danish
    call_command("check_tree", stdout=StringIO())
    assert check_page_tree(databases=["default"]) == []

    Page.objects.filter(pk=network.pk).update(numchild=0)
    with pytest.raises(CommandError) as refused:
        call_command("check_tree", stdout=StringIO())
    assert "Klimanetværket" in str(refused.value)
    assert "number of children" in str(refused.value)
    [error] = check_page_tree(databases=["default"])
    assert error.id == "cms.E030" and error.level == checks.ERROR
    assert check_page_tree(databases=None) == []  # plain `check` leaves the database alone

    call_command("check_tree", "--fix", stdout=StringIO())
    assert Page.objects.get(pk=network.pk).numchild == 1


# --- finding 6: synchronised facts reach live translations ------------------------------


@pytest.fixture
@indexed_once
def translated(danish, locales):
    """The Danish pages translated into Swedish by code, live."""
    index, network, meeting = danish
    translate(index, "sv", title="Nätverk")
    translate(network, "sv", title="Klimatnätverket", lead="Om klimat.")
    swedish_meeting, _changed = translate(meeting, "sv", title="Första mötet")
    assert swedish_meeting.live
    return meeting, swedish(meeting, locales)


def move_to_half_past_nine(meeting):
    meeting = Page.objects.get(pk=meeting.pk).specific
    meeting.start = local(2030, 3, 5, 9, 30)
    meeting.save_revision().publish()


def test_a_corrected_time_reaches_the_live_translation_on_source_publish(translated):
    meeting, swedish_meeting = translated
    sequence = swedish_meeting.calendar_sequence

    move_to_half_past_nine(meeting)

    swedish_meeting = Page.objects.get(pk=swedish_meeting.pk).specific
    assert swedish_meeting.start == local(2030, 3, 5, 9, 30)
    assert swedish_meeting.title == "Första mötet"  # the translated text is untouched
    assert swedish_meeting.live and not swedish_meeting.has_unpublished_changes
    live = swedish_meeting.live_revision.as_object()
    assert live.start == local(2030, 3, 5, 9, 30)
    # Calendars learn of the change (a new iCalendar SEQUENCE).
    assert swedish_meeting.calendar_sequence == sequence + 1
    page = Client().get(swedish_meeting.get_url_parts()[2], HTTP_HOST="dk.localhost")
    assert page.status_code == 200
    text = page.content.decode()
    assert "9:30" in text or "9.30" in text
    assert "10:00" not in text and "10.00" not in text


def test_publishing_an_older_draft_of_the_translation_keeps_the_corrected_time(translated):
    meeting, swedish_meeting = translated
    # A translator's draft, saved while the meeting was still at 10:00.
    draft = Page.objects.get(pk=swedish_meeting.pk).specific
    draft.title = "Första mötet (utkast)"
    revision = draft.save_revision()

    move_to_half_past_nine(meeting)
    # The pending draft shows the new time in the editor too.
    latest = Page.objects.get(pk=swedish_meeting.pk).specific.get_latest_revision_as_object()
    assert latest.start == local(2030, 3, 5, 9, 30)

    revision.refresh_from_db()
    revision.publish()
    swedish_meeting = Page.objects.get(pk=swedish_meeting.pk).specific
    assert swedish_meeting.title == "Första mötet (utkast)"
    assert swedish_meeting.start == local(2030, 3, 5, 9, 30)


def test_a_draft_translation_is_not_published_by_a_source_publish(danish, locales):
    index, network, meeting = danish
    translate(index, "sv", title="Nätverk")
    translate(network, "sv", title="Klimatnätverket")
    swedish_meeting, _changed = translate(meeting, "sv", title="Första mötet", publish=False)
    assert not Page.objects.get(pk=swedish_meeting.pk).live

    move_to_half_past_nine(meeting)

    swedish_meeting = Page.objects.get(pk=swedish_meeting.pk).specific
    assert swedish_meeting.live is False
    assert swedish_meeting.start == local(2030, 3, 5, 10, 0)  # it gets the time when published


def test_the_publish_hook_asks_one_query_of_a_page_nobody_translated(translated, danish):
    """Every publish runs the receiver (plugins/translation/synced_fields.py): one query
    tells whether the page is a source, a translation or neither (it took two for a page
    nobody translated, three for a source), then only what a source or translation needs."""
    from plugins.translation.synced_fields import published

    meeting, swedish_meeting = translated
    network = danish[1]
    untranslated = publish(
        MeetingPageFactory(
            parent=Page.objects.get(pk=network.pk),
            title="Andet møde",
            slug="moede-2",
            start=local(2030, 4, 5, 10, 0),
            end=local(2030, 4, 5, 13, 0),
        )
    )
    cases = {
        "neither": (untranslated, 1),
        "source": (meeting, 2),
        "translation": (swedish_meeting, 2),
    }
    counted = {}
    for name, (page, _budget) in cases.items():
        page = Page.objects.get(pk=page.pk).specific
        revision = page.live_revision
        with CaptureQueriesContext(connection) as captured:
            published(type(page), instance=page, revision=revision)
        counted[name] = len(captured)
    assert counted == {name: budget for name, (_page, budget) in cases.items()}


def test_check_tree_reports_a_live_alias_in_another_language_and_makes_it_a_draft(
    danish, home, locales
):
    """A database from before the drafts-only rule can hold the Danish index, live, under
    /sv/ as an alias; check_tree names it and --fix makes it a draft translation."""
    from wagtail_localize.models import Translation, TranslationSource

    index, _network, _meeting = danish
    alias = index.copy_for_translation(locales["sv"], alias=True)  # wagtail-localize's way
    assert alias.live and alias.alias_of_id == index.pk
    assert Client().get(alias.url, HTTP_HOST="dk.localhost").status_code == 200
    with pytest.raises(CommandError, match=r"live aliases of a page in another language.*Netværk"):
        call_command("check_tree", stdout=StringIO())
    assert [message.id for message in check_page_tree(databases=["default"])] == ["cms.W031"]

    out = StringIO()
    call_command("check_tree", "--fix", stdout=out)
    assert "Fixing" in out.getvalue()
    page = Page.objects.get(pk=alias.pk)
    assert page.alias_of_id is None and not page.live
    assert Client().get(alias.url, HTTP_HOST="dk.localhost").status_code == 404
    source = TranslationSource.objects.get_for_instance(index)
    assert Translation.objects.filter(source=source, target_locale=locales["sv"]).exists()
    call_command("check_tree", stdout=StringIO())  # no problem left
