"""What moves the content generation (cms/generation.py): every change a page or answer shows.

The kernel's memos (sites and locales in cms/sites.py, view restrictions, menus) and the
API's response cache are all kept per generation, so whatever changes what a visitor may
see or what a page shows bumps it here, with or without the API app installed: a page
published, unpublished, moved, deleted or translated; a site, locale, collection, image,
document or snippet saved or deleted; a view restriction or its groups changed.

The API adds what it does on top (CDN purges, webhooks) in api/signals.py.
"""

from __future__ import annotations

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from cms.generation import bump_generation


def watched_models() -> tuple[type, ...]:
    """Models whose rows change what pages and answers show (besides pages themselves)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Locale,
        PageViewRestriction,
        Site,
    )
    from wagtail.snippets.models import get_snippet_models

    return (
        get_image_model(),
        get_document_model(),
        Site,
        Locale,
        Collection,
        PageViewRestriction,
        CollectionViewRestriction,
        *get_snippet_models(),
    )


def _row_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, watched_models()):
        bump_generation()


def _page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_generation()


def _restriction_groups_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump_generation()


def _page_changed(sender, instance, **kwargs) -> None:
    bump_generation()


def _translated(sender, source_obj, target_obj, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(target_obj, Page):
        bump_generation()


def _migrated(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if using == DEFAULT_DB_ALIAS:
        bump_generation()


def connect() -> None:
    """Connect the handlers (CmsConfig.ready); safe to call twice."""
    from wagtail.models import CollectionViewRestriction, PageViewRestriction

    post_save.connect(_row_changed, dispatch_uid="tingsted_generation_saved")
    post_delete.connect(_row_changed, dispatch_uid="tingsted_generation_deleted")
    post_delete.connect(_page_deleted, dispatch_uid="tingsted_generation_page_deleted")
    for restriction in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            _restriction_groups_changed,
            sender=restriction.groups.through,
            dispatch_uid=f"tingsted_generation_groups_{restriction.__name__}",
        )
    page_published.connect(_page_changed, dispatch_uid="tingsted_generation_published")
    page_unpublished.connect(_page_changed, dispatch_uid="tingsted_generation_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="tingsted_generation_moved")
    copy_for_translation_done.connect(_translated, dispatch_uid="tingsted_generation_translated")
    # A release runs migrate (docs/deploy.md): answers and pages stored by the old code, in
    # its API's shapes and its templates' markup, are not served by the new code.
    # Sent once per app with models: the core's, once per migrate.
    post_migrate.connect(
        _migrated, sender=apps.get_app_config("cms"), dispatch_uid="tingsted_generation_migrated"
    )
