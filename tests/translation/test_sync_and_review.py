"""Sync without loss, review before publish, and the two review workflows."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.i18n.localize import translate
from plugins.translation.sync import sync_translations
from tests.factories.auth import UserFactory
from tests.factories.translation import child_page

pytestmark = pytest.mark.django_db

BODY_DA = [
    ("text", "<p>Netværket mødes fire gange om året.</p><p>Alle kommuner kan deltage.</p>"),
]
BODY_SV = [
    ("text", "<p>Nätverket träffas fyra gånger om året.</p><p>Alla kommuner kan delta.</p>"),
]


@pytest.fixture
def translated(home):
    page = child_page(home("da"), title="Om netværket", intro="Kort om os.", body=BODY_DA)
    swedish, _changed = translate(
        page, "sv", title="Om nätverket", intro="Kort om oss.", body=BODY_SV
    )
    return page, swedish


def test_translate_goes_through_wagtail_localize(translated):
    page, swedish = translated
    source = TranslationSource.objects.get_for_instance(page)
    assert Translation.objects.filter(source=source, target_locale=swedish.locale).exists()
    swedish = Page.objects.get(pk=swedish.pk).specific
    assert swedish.live
    assert swedish.intro == "Kort om oss."
    assert "Alla kommuner kan delta." in str(swedish.body)


def test_sync_keeps_unchanged_translations_and_marks_only_changed_text(translated):
    page, swedish = translated
    page = Page.objects.get(pk=page.pk).specific
    page.body = [
        {
            "type": "text",
            "value": "<p>Netværket mødes seks gange om året.</p><p>Alle kommuner kan deltage.</p>",
            "id": page.body[0].id,
        }
    ]
    page.save_revision().publish()

    result = sync_translations(Page.objects.get(pk=page.pk))

    assert result.source_changed
    [swedish_sync] = result.locales
    assert swedish_sync.untranslated == ["Netværket mødes seks gange om året."]
    swedish = Page.objects.get(pk=swedish.pk).specific
    body = str(swedish.body)
    # Unchanged text keeps its translation; the changed sentence waits, in the source text.
    assert "Alla kommuner kan delta." in body
    assert "Netværket mødes seks gange om året." in body
    assert swedish.intro == "Kort om oss."
    assert StringTranslation.objects.filter(data="Nätverket träffas fyra gånger om året.").exists()


def test_review_locale_keeps_synced_translation_as_draft_until_approved(
    translated, settings, roles
):
    settings.TINGSTED_TRANSLATION_REVIEW_LOCALES = ["sv"]
    reviewer = UserFactory(username="granskare", groups=["reviewers"])
    page, swedish = translated
    page = Page.objects.get(pk=page.pk).specific
    page.intro = "Kort om os og vores arbejde."
    page.save_revision().publish()
    StringTranslation.objects.create(
        translation_of=_string_after_sync(page),
        locale=swedish.locale,
        context=_context(page, "intro"),
        data="Kort om oss och vårt arbete.",
        translation_type="manual",
    )

    mail.outbox.clear()
    result = sync_translations(Page.objects.get(pk=page.pk))

    assert result.locales[0].outcome == "draft for review"
    swedish = Page.objects.get(pk=swedish.pk).specific
    assert swedish.intro == "Kort om oss."  # the live page is unchanged
    assert swedish.get_latest_revision_as_object().intro == "Kort om oss och vårt arbete."
    assert swedish.workflow_in_progress
    assert swedish.get_workflow().name == "Translation review"
    assert [reviewer.email] in [message.to for message in mail.outbox]

    swedish.current_workflow_task_state.approve(user=reviewer)
    swedish = Page.objects.get(pk=swedish.pk).specific
    assert swedish.intro == "Kort om oss och vårt arbete."
    assert not swedish.has_unpublished_changes


def _string_after_sync(page):
    source, _changed = TranslationSource.update_or_create_from_instance(page)
    return source.stringsegment_set.get(context__path="intro").string


def _context(page, path):
    source = TranslationSource.objects.get_for_instance(page)
    return source.stringsegment_set.get(context__path=path).context


def test_editorial_review_workflow_publishes_source_on_approval(home, roles):
    reviewer = UserFactory(username="redaktør-godkender", groups=["reviewers"])
    editor = UserFactory(username="redaktør", groups=["editors-dk.localhost"])
    page = child_page(home("da"), title="Referater", intro="Alle referater.")
    assert not page.permissions_for_user(editor).can_publish()
    assert page.get_workflow().name == "Editorial review"

    page.intro = "Alle referater fra byrådet."
    page.save_revision(user=editor)
    mail.outbox.clear()
    page.get_workflow().start(page, editor)
    assert [reviewer.email] in [message.to for message in mail.outbox]

    page = Page.objects.get(pk=page.pk).specific
    assert page.intro == "Alle referater."
    page.current_workflow_task_state.reject(user=reviewer)
    page = Page.objects.get(pk=page.pk).specific
    assert page.intro == "Alle referater."

    # The editor resubmits; the reviewer approves, which publishes.
    page.current_workflow_state.resume(user=editor)
    page = Page.objects.get(pk=page.pk).specific
    page.current_workflow_task_state.approve(user=reviewer)
    page = Page.objects.get(pk=page.pk).specific
    assert page.intro == "Alle referater fra byrådet."
