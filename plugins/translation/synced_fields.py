"""Locked synchronised fields reach live translations when the source is published.

A meeting's time, status and venue, a network's fee: fields declared
``SynchronizedField(..., overridable=False)`` are facts, not text. wagtail-localize copies
them into a translation only when the translation itself is saved (a sync, a translator's
publish), so after the Danish meeting moved from 10:00 to 09:30 the Swedish page kept
showing 10:00 until somebody happened to publish it (issue 15, finding 6).

Two ``page_published`` receivers close that gap, whatever the review settings say (they
hold back translated *text*; these fields are not translated and translators cannot change
them):

- :func:`source_published`: the source page was published. Every live wagtail-localize
  translation of it gets the source's locked column values at once: in the live page row,
  in its live revision and in any newer draft revision (so neither a pending draft nor
  *revert to live* brings the old time back). Then ``page_published`` is sent for the
  translation, as for any change visitors see: caches, CDN purge, webhooks and the
  iCalendar ``SEQUENCE`` follow. No new revision is published, so a translation waiting in
  review stays in review.
- :func:`translation_published`: a translation was published (a reviewer approving an
  older draft). It gets the live source's locked values the same way, so publishing a
  draft never brings back a time the source has already corrected.

Only columns of the page row are copied (dates, times, status, choices, numbers, links to
one snippet or page); chosen lists (a blog post's authors, categories) follow with the next
sync, as wagtail-localize does.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from modelcluster.models import get_field_value
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource


def locked_fields(model: type[models.Model]) -> list[models.Field]:
    """The page row's columns ``model`` declares as locked synchronised fields."""
    found = []
    for declared in get_translatable_fields(model):
        if not isinstance(declared, SynchronizedField) or declared.overridable:
            continue
        field = declared.get_field(model)
        if getattr(field, "concrete", False) and not field.many_to_many:
            found.append(field)
    return found


def copy_locked_fields(source: Page, target: Page) -> list[str]:
    """Write ``source``'s locked column values into ``target``'s live row and revisions.

    ``target`` is changed in memory too. Returns the names of the fields that changed.
    """
    fields = [
        field
        for field in locked_fields(type(target))
        if field.value_from_object(source) != field.value_from_object(target)
    ]
    if not fields:
        return []
    for field in fields:
        setattr(target, field.attname, field.value_from_object(source))
    target.save(update_fields=[field.attname for field in fields], clean=False)

    values = {field.name: get_field_value(field, source) for field in fields}
    revisions = target.revisions.all()
    if target.live_revision_id is not None:
        revisions = revisions.filter(pk__gte=target.live_revision_id)
    else:
        revisions = revisions.filter(pk=target.latest_revision_id)
    for revision in revisions:
        revision.content = {**revision.content, **values}
        revision.save(update_fields=["content"])
    return [field.name for field in fields]


def _source_of(page: Page) -> TranslationSource | None:
    """The wagtail-localize source ``page`` (a translation) was made from, if any."""
    translations = Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    ).exclude(source__locale_id=page.locale_id)
    translation = translations.select_related("source").first()
    return translation.source if translation else None


def source_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    """``page_published``: give the live translations of ``instance`` its locked values."""
    from wagtail.signals import page_published

    if not locked_fields(type(instance)):
        return
    locales = Translation.objects.filter(
        source__object_id=instance.translation_key,
        source__locale_id=instance.locale_id,
        enabled=True,
    ).values_list("target_locale_id", flat=True)
    targets = (
        type(instance)
        ._default_manager.filter(
            translation_key=instance.translation_key,
            locale_id__in=list(locales),
            alias_of__isnull=True,
            live=True,
        )
        .order_by("path")
    )
    for target in targets:
        if copy_locked_fields(instance, target):
            page_published.send(sender=type(target), instance=target, revision=target.live_revision)


def translation_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    """``page_published``: a translation gets the locked values of its live source."""
    if not locked_fields(type(instance)):
        return
    source = _source_of(instance)
    if source is None:
        return
    live_source = (
        type(instance)
        ._default_manager.filter(
            translation_key=instance.translation_key, locale_id=source.locale_id, live=True
        )
        .first()
    )
    if live_source is not None:
        copy_locked_fields(live_source, instance)


def published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """The ``page_published`` receiver: a page is a source, a translation, or neither."""
    if not isinstance(instance, Page):
        return
    translation_published(sender, instance, **kwargs)
    source_published(sender, instance, **kwargs)


def connect() -> None:
    from wagtail.signals import page_published

    page_published.connect(published, dispatch_uid="tingsted_translation_synced_fields")
