"""Review of translated pages in wagtail-localize's translation editor.

wagtail-localize's editor (which replaces Wagtail's page editor for a translation) has no
workflow actions of its own: its footer offers *Publish in <language>* to users who may
publish, and nothing that submits the translation for review. This module adds them, for
pages in a review workflow (``manage.py setup_roles`` assigns *Translation review* to every
home page translation, so every translated page is in it):

- a user who may edit the translation *submits it for review* (``action-submit``, the name
  of Wagtail's own *Submit for moderation* button): the translation is saved as a new
  revision, the live page is left as it is, and the workflow starts (or resumes, after a
  reviewer asked for changes);
- a reviewer of the current task sees *Approve and publish* and *Request changes*, with a
  comment; they post to Wagtail's own workflow action view, which checks the task's group;
- the translator sees the reviewer's comment when changes were asked for.

The panel is rendered by ``{% translation_review_panel %}`` in the editor's template
(``templates/wagtail_localize/admin/edit_translation.html``), the submit action is handled
by the ``before_edit_page`` hook in ``wagtail_hooks.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import Translation

from plugins.translation.sync import save_draft, start_review, untranslated_texts

SUBMIT_ACTION = "action-submit"


def translation_of(page: Page) -> Translation | None:
    """wagtail-localize's (enabled) translation whose target is ``page``, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def review_workflow(page: Page):
    workflow = page.get_workflow()
    return workflow if workflow is not None and workflow.active else None


def may_submit(page: Page, user: Any) -> bool:
    """Whether ``user`` may submit the translation ``page`` for review now."""
    if review_workflow(page) is None:
        return False
    if not page.permissions_for_user(user).can_edit():
        return False
    state = page.current_workflow_state
    return state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES


def submit(translation: Translation, page: Page, user: Any) -> list[str]:
    """Save the translation as a revision and put it in review; the untranslated texts."""
    target = save_draft(translation, user=user)
    start_review(target, user=user)
    return untranslated_texts(translation)


@dataclass
class ReviewPanel:
    page: Page
    workflow: Any
    state: WorkflowState | None
    task_state: TaskState | None
    #: The last rejection (changes requested): its comment and who asked.
    rejection: TaskState | None
    may_submit: bool
    #: (action name, label, url) of the reviewer's workflow actions.
    actions: list[tuple[str, str, str]]
    preview_url: str
    edit_url: str

    @property
    def awaiting_review(self) -> bool:
        return self.state is not None and self.state.status == WorkflowState.STATUS_IN_PROGRESS

    @property
    def changes_requested(self) -> bool:
        return self.state is not None and self.state.status == WorkflowState.STATUS_NEEDS_CHANGES


def panel(page: Page, user: Any) -> ReviewPanel | None:
    """What the translation editor shows about review for ``page`` to ``user``."""
    if not isinstance(page, Page):
        return None
    workflow = review_workflow(page)
    state = page.current_workflow_state
    if workflow is None and state is None:
        return None
    task_state = None
    actions: list[tuple[str, str, str]] = []
    preview_url = ""
    rejection = None
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        if task_state is not None:
            task_state = task_state.specific
            task = task_state.task.specific
            seen = set()
            for name, label, _needs_form in task.get_actions(page, user):
                if name in seen:  # "Approve" and "Approve with comment": one button
                    continue
                seen.add(name)
                actions.append(
                    (
                        name,
                        str(label),
                        reverse(
                            "wagtailadmin_pages:workflow_action",
                            args=[page.pk, name, task_state.pk],
                        ),
                    )
                )
            if actions:
                preview_url = reverse(
                    "wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk]
                )
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejection = (
            TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
            .select_related("finished_by")
            .order_by("-finished_at", "-pk")
            .first()
        )
    return ReviewPanel(
        page=page,
        workflow=workflow or (state.workflow if state is not None else None),
        state=state,
        task_state=task_state,
        rejection=rejection,
        may_submit=may_submit(page, user),
        actions=actions,
        preview_url=preview_url,
        edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
    )
