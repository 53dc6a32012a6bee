"""Signal handlers: purge a CDN in front, log changes for the sync feed and send webhooks
when content changes.

The content generation (and so the response cache) is moved by the kernel, cms/invalidation.py,
for the same events; these handlers only add what the API does on top.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from api import changelog
from api.events import dispatch
from api.models import SyncEntry
from api.purge import purge_access_change, purge_api_urls, purge_usage


def snippet_saved_or_deleted(sender, instance, **kwargs) -> None:
    """A snippet changes the pages that show it: purge their addresses."""
    from wagtail.snippets.models import get_snippet_models

    if isinstance(instance, tuple(get_snippet_models())):
        purge_usage(instance)
        changelog.record_usage(instance)
    elif isinstance(instance, changelog.media_models()):
        changelog.record_usage(instance)


def page_created(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A page created live without a publish (a script, an import, a copy kept live): the
    sync feed hears of it as of a publish, and answers cached before are dropped."""
    from wagtail.models import Page

    if created and not raw and isinstance(instance, Page) and instance.live:
        from cms.generation import bump_generation

        changelog.record_page(instance)
        bump_generation()


def restriction_groups_changed(sender, instance, action, **kwargs) -> None:
    """A view restriction's groups decide who reads what: purge when they change."""
    if action in ("post_add", "post_remove", "post_clear"):
        restriction_changed(sender, instance)


def restriction_changed(sender, instance, **kwargs) -> None:
    """Who may see a page changed: purge its addresses from a CDN in front, at once."""
    page = getattr(instance, "page", None)
    if page is not None:
        purge_access_change(page)
        from cms.restrictions import mirroring

        if not mirroring():  # the subtree's translations are logged with it
            lifted = kwargs.get("signal") is post_delete
            kind = SyncEntry.Kind.UPSERT if lifted else SyncEntry.Kind.TOMBSTONE
            changelog.record_subtree(page, kind)


#: At most this many pages' events for one new restriction.
MAX_ACCESS_EVENTS = 500


def restriction_added(sender, instance, created=False, **kwargs) -> None:
    """A live page made private is gone for consuming sites: tell them to drop it.

    Once the change commits (when cms.restrictions has given the translations their copy),
    an id-only ``page.unpublished`` marked restricted goes out for the page, every live page
    under it and their translations. A restriction on a draft (a new translation copying its
    source's) hides nothing that was public. Lifting a restriction sends nothing: consumers
    hear of the page again when it is next published.
    """
    from django.db import transaction

    from cms.restrictions import mirroring

    if not created or mirroring() or not instance.page.live:
        return
    page_id = instance.page_id
    transaction.on_commit(lambda: _announce_gone(page_id))


def _announce_gone(page_id: int) -> None:
    from wagtail.models import Page

    from cms.visibility import is_public

    keys = Page.objects.filter(pk=page_id).values("path", "depth").first()
    if keys is None:
        return
    subtree = Page.objects.filter(path__startswith=keys["path"], depth__gte=keys["depth"])
    affected = Page.objects.filter(translation_key__in=subtree.values("translation_key")).live()
    for page in affected.specific()[:MAX_ACCESS_EVENTS]:
        if not is_public(page):
            _webhook("page.unpublished", page)


def _webhook(event: str, page) -> None:
    dispatch(event, page)


def published(sender, instance, **kwargs) -> None:
    purge_api_urls(instance)
    changelog.record_page(instance)  # before the webhook, whose cursor points at it
    _webhook("page.published", instance)


def unpublished(sender, instance, **kwargs) -> None:
    purge_api_urls(instance)
    changelog.record_page(instance, SyncEntry.Kind.TOMBSTONE)
    _webhook("page.unpublished", instance)


def before_delete(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    # Only the specific row (the base Page row is deleted too): one event per page.
    # Only live pages: consumers already heard "page.unpublished" for the others, and a
    # page never published was never theirs to know about.
    specific = isinstance(instance, Page) and type(instance) is instance.specific_class
    if specific and instance.live:
        changelog.record_page(instance, SyncEntry.Kind.TOMBSTONE)
        _webhook("page.deleted", instance)
        purge_api_urls(instance)  # before the row goes: its site is found from its path


def moving(sender, instance, **kwargs) -> None:
    # Logged where the subtree was, so the feed of the site it leaves hears of it too.
    changelog.record_subtree(instance)


def moved(sender, instance, **kwargs) -> None:
    purge_api_urls(instance)
    changelog.record_subtree(instance)  # addresses and breadcrumbs under it changed


def translated(sender, source_obj, target_obj, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(target_obj, Page):
        _webhook("page.translated", target_obj)


def connect() -> None:
    post_save.connect(snippet_saved_or_deleted, dispatch_uid="tingsted_api_saved")
    post_delete.connect(snippet_saved_or_deleted, dispatch_uid="tingsted_api_deleted")
    from wagtail.models import CollectionViewRestriction, PageViewRestriction

    for restriction in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            restriction_groups_changed,
            sender=restriction.groups.through,
            dispatch_uid=f"tingsted_api_groups_{restriction.__name__}",
        )
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="tingsted_api_pvr_saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="tingsted_api_pvr_deleted"
    )
    post_save.connect(
        restriction_added, sender=PageViewRestriction, dispatch_uid="tingsted_api_pvr_added"
    )
    pre_delete.connect(before_delete, dispatch_uid="tingsted_api_page_before_delete")
    post_save.connect(page_created, dispatch_uid="tingsted_api_page_created")
    pre_page_move.connect(moving, dispatch_uid="tingsted_api_moving")
    page_published.connect(published, dispatch_uid="tingsted_api_published")
    page_unpublished.connect(unpublished, dispatch_uid="tingsted_api_unpublished")
    post_page_move.connect(moved, dispatch_uid="tingsted_api_moved")
    copy_for_translation_done.connect(translated, dispatch_uid="tingsted_api_translated")
