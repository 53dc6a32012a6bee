"""A page's view restrictions belong to all its translations.

A restriction added to, changed on or removed from any translation is mirrored to all its
translations at once; a new translation starts with its source's restrictions; and on
publish a translation with none takes those of a translation that has them. So a private
page is never public in one language only, on any page type, and every channel that asks
Wagtail (rendered pages, sitemaps, search, the APIs) or cms/visibility.py sees the same.
"""

from __future__ import annotations

import threading

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done, page_published

_state = threading.local()


def mirroring() -> bool:
    """Whether the restrictions being saved now are copies this module is making."""
    return getattr(_state, "busy", False)


def copy_restrictions(source: Page, targets) -> None:
    """Make every target's view restrictions an exact copy of ``source``'s."""
    if getattr(_state, "busy", False):
        return
    _state.busy = True
    try:
        restrictions = list(source.view_restrictions.prefetch_related("groups"))
        for target in targets:
            target.view_restrictions.all().delete()
            for restriction in restrictions:
                copy = PageViewRestriction.objects.create(
                    page=target,
                    restriction_type=restriction.restriction_type,
                    password=restriction.password,
                )
                copy.groups.set(restriction.groups.all())
    finally:
        _state.busy = False


def mirror(page: Page) -> None:
    if page is None:
        return
    copy_restrictions(page, page.get_translations(inclusive=False))


def _restriction_saved(sender, instance: PageViewRestriction, **kwargs) -> None:
    if getattr(_state, "busy", False):
        return
    mirror(instance.page)


def _page_deleting(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        if not hasattr(_state, "deleting"):
            _state.deleting = set()
        _state.deleting.add(instance.pk)


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        getattr(_state, "deleting", set()).discard(instance.pk)


def _restriction_deleted(sender, instance: PageViewRestriction, **kwargs) -> None:
    if getattr(_state, "busy", False):
        return
    # Deleting one translation deletes its restrictions with it; that must not lift the
    # restrictions of the translations that remain.
    if instance.page_id in getattr(_state, "deleting", set()):
        return
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return
    mirror(page)


def _groups_changed(sender, instance, action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, PageViewRestriction
    ):
        _restriction_saved(sender, instance)


def _translation_created(sender, source_obj, target_obj, **kwargs) -> None:
    if isinstance(source_obj, Page):
        copy_restrictions(source_obj, [target_obj])


def _published(sender, instance: Page, **kwargs) -> None:
    if instance.view_restrictions.exists():
        return
    restricted = (
        Page.objects.filter(
            translation_key=instance.translation_key, view_restrictions__isnull=False
        )
        .exclude(pk=instance.pk)
        .first()
    )
    if restricted is not None:
        copy_restrictions(restricted, [instance])


def mirror_all() -> int:
    """Mirror every existing restriction to the translations that lack it; how many pages
    gained one (for data written before mirroring covered every page type)."""
    changed = 0
    for restriction in PageViewRestriction.objects.select_related("page"):
        missing = (
            Page.objects.filter(translation_key=restriction.page.translation_key)
            .exclude(pk=restriction.page_id)
            .filter(view_restrictions__isnull=True)
        )
        targets = list(missing)
        if targets:
            copy_restrictions(restriction.page, targets)
            changed += len(targets)
    return changed


def connect() -> None:
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="cms-pvr")
    post_delete.connect(
        _restriction_deleted, sender=PageViewRestriction, dispatch_uid="cms-pvr-del"
    )
    m2m_changed.connect(
        _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="cms-pvr-groups"
    )
    pre_delete.connect(_page_deleting, dispatch_uid="cms-restrictions-page-deleting")
    post_delete.connect(_page_deleted, dispatch_uid="cms-restrictions-page-deleted")
    copy_for_translation_done.connect(
        _translation_created, dispatch_uid="cms-restrictions-translation"
    )
    page_published.connect(_published, dispatch_uid="cms-restrictions-published")
