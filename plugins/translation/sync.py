"""Sync translations with their source, keeping every string that is still valid.

wagtail-localize keys a translated string by its source text and its place in the content,
so re-extracting a changed source keeps the translations of unchanged text and leaves only
new or changed text untranslated; :func:`sync_translations` reports which.

What it adds: a translation can be kept as a draft for review instead of going live with
its source (asked for by wagtail-localize's users). For locales listed in
``TINGSTED_TRANSLATION_REVIEW_LOCALES`` the synced translation is saved as a new revision
only (the live page is untouched) and the page's translation review workflow is started,
so a reviewer approves it before it is published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    Translation,
    TranslationLog,
    TranslationSource,
)

from cms.public import save_target


def review_required(locale: Locale) -> bool:
    """Whether syncing into ``locale`` keeps the result as a draft for review."""
    wanted = getattr(settings, "TINGSTED_TRANSLATION_REVIEW_LOCALES", [])
    return "*" in wanted or locale.language_code in wanted


@dataclass
class LocaleSync:
    locale: str
    #: "published", "draft for review" or "draft" (a draft without a workflow to start).
    outcome: str
    #: Source texts that have no translation in this locale after the sync.
    untranslated: list[str] = field(default_factory=list)


@dataclass
class SyncResult:
    source_changed: bool
    locales: list[LocaleSync] = field(default_factory=list)


@transaction.atomic
def sync_translations(instance, *, user: Any = None, publish: bool = True) -> SyncResult:
    """Re-extract ``instance`` and update every enabled translation of it.

    ``publish=False`` saves every translation as a draft; otherwise each locale follows
    :func:`review_required`, and a translation ``user`` may not publish is kept as a
    draft for review too (an editor's sync goes to the reviewers).
    """
    if isinstance(instance, Page):
        instance = instance.specific
    before = TranslationSource.objects.get_for_instance_or_none(instance)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    changed = before is None or before.last_updated_at != source.last_updated_at
    result = SyncResult(source_changed=changed)
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        outcome = save_synced(translation, instance, user=user, publish=publish)
        result.locales.append(
            LocaleSync(
                locale=translation.target_locale.language_code,
                outcome=outcome,
                untranslated=untranslated_texts(translation),
            )
        )
    return result


def may_publish_directly(user: Any, translation: Translation) -> bool:
    """Whether a sync by ``user`` may publish ``translation`` (no review required)."""
    return not review_required(translation.target_locale) and _may_publish(user, translation)


def save_synced(translation: Translation, instance, *, user: Any, publish: bool) -> str:
    """Write one re-extracted translation: published where ``publish`` is asked and allowed
    (:func:`may_publish_directly`), else a draft sent for review (see
    :func:`save_for_review`). Every sync path (the API, the admin's *Sync* form) ends here."""
    as_draft = not publish or not may_publish_directly(user, translation)
    if as_draft and isinstance(instance, DraftStateMixin):
        return save_for_review(translation, user=user, complete_only=True)
    save_target(translation, publish=True, user=user)
    return "published"


def _may_publish(user: Any, translation: Translation) -> bool:
    """Whether ``user`` may publish the target (no user: a command, which may)."""
    if user is None:
        return True
    try:
        target = translation.get_target_instance()
    except Exception:
        return False
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    from wagtail.permissions import policy_registry

    return policy_registry.get(target).user_has_permission_for_instance(user, "publish", target)


def untranslated_texts(translation: Translation) -> list[str]:
    return list(
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .order_by("order")
        .values_list("string__data", flat=True)
    )


def save_for_review(
    translation: Translation, *, user: Any = None, complete_only: bool = False
) -> str:
    """Save the synced translation as a revision and start its review workflow.

    wagtail-localize's own ``save_target(publish=False)`` writes the new content into the
    page row, which is what a live page serves: the draft would be live at once. A
    revision alone leaves the live content alone until a reviewer publishes it.

    ``complete_only`` (a sync): a translation with text still untranslated is saved as a
    draft without starting the review, since its translator has work left and submits it
    for review when done ("draft").
    """
    target = save_draft(translation, user=user)
    if complete_only and untranslated_texts(translation):
        return "draft"
    return "draft for review" if start_review(target, user=user) else "draft"


def save_draft(translation: Translation, *, user: Any = None):
    """A new revision of the target from the translation, leaving the live content alone."""
    source = translation.source
    locale = translation.target_locale
    try:
        target = source.get_translated_instance(locale)
    except Exception:
        save_target(translation, publish=False, user=user)
        target = source.get_translated_instance(locale)
    else:
        draft = source.get_ephemeral_translated_instance(locale, fallback=True)
        if isinstance(draft, Page):
            # As wagtail-localize's save_target does: a translated slug made valid.
            draft.slug = find_available_slug(
                draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.id
            )
        revision = draft.save_revision(user=user, log_action=True)
        TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    if isinstance(target, Page):
        target = target.specific
    return target


def start_review(target, *, user: Any = None) -> bool:
    """Put the latest revision of ``target`` in its review workflow; False without one.

    A workflow waiting for changes (a reviewer asked for them) is resumed, one in progress
    is restarted with the new revision, else the page's workflow is started.
    """
    workflow = target.get_workflow() if hasattr(target, "get_workflow") else None
    if workflow is None or not workflow.active:
        return False
    state = target.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return True
    if state is not None:
        state.cancel(user=user)
    target.refresh_from_db()
    workflow.start(target, user)
    return True
