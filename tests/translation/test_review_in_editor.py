"""Review of translations in wagtail-localize's editor, and every sync path review-aware
(issue 15 findings 3 and 4).

The Swedish translator submits the translation for review from the translation editor;
the reviewer finds the task, requests changes with a comment, the translator sees the
comment and resubmits, the reviewer approves, and only then is the translation live. The
*Sync* form (page menu, status overview, snippet listing) offers *Publish immediately*
only to users who may publish, and sends synced translations to review.
"""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.i18n.localize import translate
from tests.factories.translation import child_page
from tests.translation.conftest import HOST, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(home, roles):
    """A Danish page with a live Swedish translation (in the Translation review workflow)."""
    source = child_page(home("da"), title="Årsmøde", intro="Velkommen til årsmødet.")
    target, _changed = translate(source, "sv", title="Årsmöte", intro="Välkommen till årsmötet.")
    return source, Page.objects.get(pk=target.pk).specific


def _retranslate(text: str, new: str) -> None:
    """The translator changes one text in the editor (wagtail-localize stores it at once)."""
    StringTranslation.objects.filter(data=text).update(data=new)


def _live(page):
    return Page.objects.get(pk=page.pk).specific


def test_translator_submits_reviewer_requests_changes_then_approves(
    translated, user_in, client, django_capture_on_commit_callbacks
):
    _source, target = translated
    translator = user_in("translators-sv")
    reviewer = user_in("reviewers")
    edit = f"/admin/pages/{target.pk}/edit/"
    assert target.get_workflow().name == "Translation review"

    client.force_login(translator)
    page = client.get(edit, **HOST).content.decode()
    assert 'name="action-submit"' in page
    assert 'data-review-state="not_submitted"' in page

    _retranslate("Välkommen till årsmötet.", "Varmt välkommen till årsmötet.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, {"action-submit": "1"}, **HOST)
    assert response.status_code == 302 and response.url == edit
    target = _live(target)
    assert target.intro == "Välkommen till årsmötet."  # the live page waits for review
    assert target.get_latest_revision_as_object().intro == "Varmt välkommen till årsmötet."
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [reviewer.email] in [message.to for message in mail.outbox]
    # Submitted: the translator may not submit again while it waits.
    assert 'name="action-submit"' not in client.get(edit, **HOST).content.decode()

    # The reviewer sees the task on the dashboard and approve / request changes in the editor.
    client.force_login(reviewer)
    assert target.title in client.get("/admin/", **HOST).content.decode()
    page = client.get(edit, **HOST).content.decode()
    assert 'data-workflow-action-name="approve"' in page
    assert 'data-workflow-action-name="reject"' in page
    task_state = target.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{target.pk}/reject/{task_state.pk}/",
        {"comment": "Skriv 'årsmöte' med litet å i rubriken.", "next": edit},
        **HOST,
    )
    assert response.status_code == 302
    target = _live(target)
    assert target.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert target.intro == "Välkommen till årsmötet."

    # The translator sees the comment and resubmits.
    client.force_login(translator)
    page = client.get(edit, **HOST).content.decode()
    assert "Skriv &#x27;årsmöte&#x27; med litet å i rubriken." in page
    assert 'data-review-state="changes_requested"' in page
    assert 'name="action-submit"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, {"action-submit": "1"}, **HOST)
    target = _live(target)
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The reviewer approves: now it is live.
    client.force_login(reviewer)
    task_state = target.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{target.pk}/approve/{task_state.pk}/",
            {"comment": "", "next": edit},
            **HOST,
        )
    target = _live(target)
    assert target.intro == "Varmt välkommen till årsmötet."
    assert target.current_workflow_state is None
    assert PageLogEntry.objects.filter(page=target, action="wagtail.publish").exists()


def test_a_translator_of_another_language_cannot_submit(translated, user_in, client):
    _source, target = translated
    client.force_login(user_in("translators-nb"))
    response = client.post(f"/admin/pages/{target.pk}/edit/", {"action-submit": "1"}, **HOST)
    assert refused(response)
    assert _live(target).current_workflow_state is None


# --- the Sync form (finding 3) ----------------------------------------------------------


@pytest.fixture
def changed_source(translated):
    """The editor republished the source: its translations are to be synced."""
    source, target = translated
    source = Page.objects.get(pk=source.pk).specific
    source.save_revision().publish()
    return source, target, TranslationSource.objects.get_for_instance(source)


def test_the_sync_form_offers_publish_immediately_only_to_who_may_publish(
    changed_source, user_in, client, settings
):
    settings.TINGSTED_TRANSLATION_REVIEW_LOCALES = []
    _source, _target, translation_source = changed_source
    url = f"/admin/localize/update/{translation_source.pk}/"
    client.force_login(user_in("editors-dk.localhost"))
    page = client.get(url, **HOST).content.decode()
    assert 'name="publish_translations"' not in page
    assert "tingsted-sync-review-note" in page
    client.force_login(user_in("reviewers"))
    assert 'name="publish_translations"' in client.get(url, **HOST).content.decode()


def test_a_sync_by_an_editor_sends_the_translation_to_review(
    changed_source, user_in, client, django_capture_on_commit_callbacks
):
    _source, target, translation_source = changed_source
    editor = user_in("editors-dk.localhost")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/update/{translation_source.pk}/", {}, **HOST)
    assert response.status_code == 302 and not refused(response)
    target = _live(target)
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert target.current_workflow_state.workflow.name == "Translation review"
    assert not PageLogEntry.objects.filter(action="wagtail.publish", user=editor).exists()


def test_a_sync_leaves_an_unfinished_translation_with_its_translator(
    translated, user_in, client, django_capture_on_commit_callbacks
):
    source, target = translated
    source = Page.objects.get(pk=source.pk).specific
    source.intro = "Velkommen til det nye årsmøde."
    source.save_revision().publish()
    translation_source = TranslationSource.objects.get_for_instance(source)
    client.force_login(user_in("editors-dk.localhost"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/update/{translation_source.pk}/", {}, **HOST)
    target = _live(target)
    assert target.current_workflow_state is None
    assert target.intro == "Välkommen till årsmötet."


def test_a_machine_translated_slug_is_made_valid_on_submit(translated, user_in, client):
    """The offline machine translator writes "[MT sv] ..." into the slug segment too."""
    source, target = translated
    translation_source = TranslationSource.objects.get_for_instance(source.specific)
    slug = translation_source.stringsegment_set.get(context__path="slug")
    StringTranslation.objects.filter(translation_of=slug.string, locale=target.locale).update(
        data="[MT sv] årsmøde"
    )
    client.force_login(user_in("translators-sv"))
    edit = f"/admin/pages/{target.pk}/edit/"
    response = client.post(edit, {"action-submit": "1"}, follow=True, **HOST)
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    revision = _live(target).get_latest_revision_as_object()
    assert revision.slug and "[" not in revision.slug and " " not in revision.slug
