"""wagtail-localize's admin views check the page and the locale (plugins/translation/guards.py).

A translator or editor gets a refusal (403, or Wagtail's redirect with a message) where the
page or the locale is not theirs, and nothing changes; "Publish" by someone who may not
publish the translation leaves a draft, never a live page.
"""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import TranslationSource

from cms.i18n.localize import translate
from tests.factories.translation import child_page
from tests.translation.conftest import HOST, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish_source_with_danish_target(home, roles):
    """A page of the Swedish site and its Danish translation (a Danish target page)."""
    source = child_page(home("sv"), title="Årsmöte", intro="Välkommen.")
    target, _changed = translate(source, "da", title="Årsmøde", intro="Velkommen.")
    return source, Page.objects.get(pk=target.pk)


@pytest.fixture
def danish_source_with_draft_swedish_target(home, roles):
    """A Danish page whose Swedish translation is not live, and a later change to the source."""
    source = child_page(home("da"), title="Budget", intro="Første udkast.")
    target, _changed = translate(source, "sv", title="Budget", intro="Första utkastet.")
    Page.objects.get(pk=target.pk).specific.unpublish()
    source = type(source).objects.get(pk=source.pk)
    source.intro = "Andet udkast."
    source.save_revision().publish()
    return source, Page.objects.get(pk=target.pk)


def test_swedish_translator_cannot_submit_sync_or_edit_a_danish_target(
    swedish_source_with_danish_target, user_in, client
):
    source, target = swedish_source_with_danish_target
    translation_source = TranslationSource.objects.get_for_instance(source.specific)
    client.force_login(user_in("translators-sv"))
    before = target.get_latest_revision().pk
    assert refused(client.get(f"/admin/pages/{target.pk}/edit/", **HOST))
    assert refused(client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"}, **HOST))
    assert refused(client.get(f"/admin/localize/submit/page/{source.pk}/", **HOST))
    assert refused(
        client.post(
            f"/admin/localize/update/{translation_source.pk}/",
            {"publish_translations": "on"},
            **HOST,
        )
    )
    assert Page.objects.get(pk=target.pk).get_latest_revision().pk == before


def test_editor_cannot_submit_or_sync_another_sites_page(
    swedish_source_with_danish_target, user_in, client
):
    source, _target = swedish_source_with_danish_target
    translation_source = TranslationSource.objects.get_for_instance(source.specific)
    client.force_login(user_in("editors-dk.localhost"))
    assert refused(client.get(f"/admin/localize/submit/page/{source.pk}/", **HOST))
    assert refused(client.get(f"/admin/localize/update/{translation_source.pk}/", **HOST))
    response = client.post(
        f"/admin/localize/update/{translation_source.pk}/", {"publish_translations": "on"}, **HOST
    )
    assert refused(response)


def test_sync_with_publish_immediately_by_an_editor_leaves_a_draft(
    danish_source_with_draft_swedish_target, user_in, client, django_capture_on_commit_callbacks
):
    source, target = danish_source_with_draft_swedish_target
    translation_source = TranslationSource.objects.get_for_instance(source.specific)
    editor = user_in("editors-dk.localhost")
    client.force_login(editor)
    # (wagtail-localize publishes on commit: run those callbacks, as a real request would.)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/update/{translation_source.pk}/",
            {"publish_translations": "on"},
            **HOST,
        )
    assert response.status_code == 302 and not refused(response)
    target = Page.objects.get(pk=target.pk)
    assert target.live is False
    assert not PageLogEntry.objects.filter(
        page=target, action="wagtail.publish", user=editor
    ).exists()


def test_submitting_a_live_page_for_translation_publishes_nothing(
    home, roles, user_in, client, locales, django_capture_on_commit_callbacks
):
    """The finding: "Translate this page" put the translation live, in the source language,
    under an editor with no publish permission. It is a draft until a reviewer publishes."""
    source = child_page(home("da"), title="Byudviklingsnetværket", intro="Om byrum.")
    editor = user_in("editors-dk.localhost")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{source.pk}/",
            {"locales": [locales["sv"].pk]},
            **HOST,
        )
    assert response.status_code == 302 and not refused(response)
    target = Page.objects.get(translation_key=source.translation_key, locale=locales["sv"])
    assert target.live is False
    assert not PageLogEntry.objects.filter(action="wagtail.publish", user=editor).exists()
    anonymous = client.__class__().get(target.url, HTTP_HOST="dk.localhost")
    assert anonymous.status_code == 404


def test_sync_with_publish_immediately_by_a_reviewer_publishes(
    danish_source_with_draft_swedish_target,
    user_in,
    client,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TINGSTED_TRANSLATION_REVIEW_LOCALES = []
    source, target = danish_source_with_draft_swedish_target
    translation_source = TranslationSource.objects.get_for_instance(source.specific)
    client.force_login(user_in("reviewers"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/update/{translation_source.pk}/",
            {"publish_translations": "on"},
            **HOST,
        )
    assert response.status_code == 302 and not refused(response)
    assert Page.objects.get(pk=target.pk).live is True


def test_publish_in_the_edit_translation_view_by_a_translator_publishes_nothing(
    danish_source_with_draft_swedish_target, user_in, client
):
    _source, target = danish_source_with_draft_swedish_target
    translator = user_in("translators-sv")
    client.force_login(translator)
    assert client.get(f"/admin/pages/{target.pk}/edit/", **HOST).status_code == 200
    response = client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"}, **HOST)
    assert refused(response)
    assert Page.objects.get(pk=target.pk).live is False
    assert not PageLogEntry.objects.filter(
        page=target, action="wagtail.publish", user=translator
    ).exists()
