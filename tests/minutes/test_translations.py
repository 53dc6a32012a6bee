"""Translations of a meeting carry the source's closed items and view restrictions."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import TranslationSource

from plugins.minutes.models import AgendaItem, MinutesPage
from tests.minutes.conftest import assert_no_secret

pytestmark = pytest.mark.django_db


def translate(page, language: str):
    locale = Locale.objects.get(language_code=language)
    council = page.get_parent().specific
    if council.get_translation_or_none(locale) is None:
        council.copy_for_translation(locale).save_revision().publish()
    translated = page.copy_for_translation(locale)
    translated.save_revision().publish()
    return translated.specific


def test_translation_keeps_closed_items_closed(setup, client):
    english = translate(setup.meeting, "en")
    items = list(english.agenda_items.all())
    assert [item.is_closed for item in items] == [False, True, False]
    assert all(item.locale.language_code == "en" for item in items)
    html = client.get(english.get_url(), HTTP_HOST="dk.localhost").content.decode()
    assert "Closed item" in html
    assert_no_secret(html)


def test_a_translation_cannot_open_a_closed_item():
    fields = {field.field_name: field for field in get_translatable_fields(AgendaItem)}
    assert fields["is_closed"].is_synchronized(AgendaItem()) is True
    assert fields["is_closed"].is_overridable(AgendaItem()) is False


def test_localize_sync_closes_an_item_in_the_translation_too(setup):
    # wagtail-localize's own workflow: create the translation from a TranslationSource,
    # then close an item in the source and sync; the translation follows.
    english_locale = Locale.objects.get(language_code="en")
    council_source, _created = TranslationSource.get_or_create_from_instance(setup.council)
    council_source.create_or_update_translation(english_locale, fallback=True)
    source, _created = TranslationSource.get_or_create_from_instance(setup.meeting)
    source.create_or_update_translation(english_locale, fallback=True)
    english = setup.meeting.get_translation(english_locale).specific
    assert [item.is_closed for item in english.agenda_items.all()] == [
        False,
        True,
        False,
    ]

    meeting = MinutesPage.objects.get(pk=setup.meeting.pk)
    third = meeting.agenda_items.get(number="3")
    third.is_closed = True
    third.save()
    source.update_from_db()
    source.create_or_update_translation(english_locale, fallback=True)
    english = MinutesPage.objects.get(pk=english.pk)
    assert [item.is_closed for item in english.agenda_items.all()] == [
        False,
        True,
        True,
    ]


def test_new_translation_copies_view_restrictions(setup):
    restriction = PageViewRestriction.objects.create(
        page=setup.meeting, restriction_type=PageViewRestriction.LOGIN
    )
    assert restriction.pk
    english = translate(setup.meeting, "en")
    assert list(english.view_restrictions.values_list("restriction_type", flat=True)) == [
        PageViewRestriction.LOGIN
    ]


def test_restriction_changes_reach_existing_translations(setup, client):
    english = translate(setup.meeting, "en")
    assert client.get(english.get_url(), HTTP_HOST="dk.localhost").status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=setup.meeting, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert english.view_restrictions.get().password == "secret"
    response = client.get(english.get_url(), HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    assert "Nomination of a member" not in response.content.decode()  # the password form

    restriction.delete()
    assert not english.view_restrictions.exists()


def test_deleting_a_translation_keeps_the_source_restricted(setup):
    PageViewRestriction.objects.create(
        page=setup.meeting, restriction_type=PageViewRestriction.LOGIN
    )
    english = translate(setup.meeting, "en")
    english.delete()
    assert setup.meeting.view_restrictions.count() == 1


def test_publishing_an_unrestricted_translation_restores_the_restriction(setup):
    english = translate(setup.meeting, "en")
    PageViewRestriction.objects.create(
        page=setup.meeting, restriction_type=PageViewRestriction.LOGIN
    )
    # Bypass the mirror (as a raw SQL import might) and check publishing repairs it.
    restrictions = PageViewRestriction.objects.filter(page=english)
    restrictions.model.groups.through.objects.filter(pageviewrestriction__page=english).delete()
    restrictions._raw_delete(using="default")
    assert not english.view_restrictions.exists()
    english.save_revision().publish()
    assert english.view_restrictions.count() == 1


def test_agenda_text_still_in_the_source_language_is_marked(setup, client):
    """English minutes showed the Danish agenda under lang="en" unmarked (issue 17)."""
    english = translate(setup.meeting, "en")
    first = english.agenda_items.get(number="1")
    first.title = "Action plan, translated"
    first.save()
    html = client.get(english.get_url(), HTTP_HOST="dk.localhost").content.decode()
    assert "Action plan, translated</h3>" in html  # translated: not marked
    third = AgendaItem.objects.get(page=setup.meeting, number="3")
    assert f'<span lang="da">{third.title}</span></h3>' in html
    first_item = html.split("Action plan, translated")[1].split("</article>")[0]
    assert '<div class="item-summary" lang="da">' in first_item  # its summary is not yet
    danish = client.get(setup.meeting.get_url(), HTTP_HOST="dk.localhost").content.decode()
    assert 'lang="da">' not in danish.split("<main")[1]  # the source marks nothing
