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

import functools
from typing import Any

from django.db import models
from django.db.models import Q
from modelcluster.models import get_field_value
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation


@functools.cache
def locked_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The page row's columns ``model`` declares as locked synchronised fields.

    Remembered per model: the declarations are the class's own (``translatable_fields``,
    ``override_translatable_fields``) and its model fields, fixed once the app registry is
    ready, and wagtail-localize walks every field of the model to derive them, on every
    publish of every page otherwise.
    """
    found = []
    for declared in get_translatable_fields(model):
        if not isinstance(declared, SynchronizedField) or declared.overridable:
            continue
        field = declared.get_field(model)
        if getattr(field, "concrete", False) and not field.many_to_many:
            found.append(field)
    return tuple(found)


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


def _translations(page: Page) -> list[tuple[int, int, int]]:
    """``(pk, source locale, target locale)`` of the enabled wagtail-localize translations
    that have ``page`` as their source or as their target, in one query."""
    return list(
        Translation.objects.filter(source__object_id=page.translation_key, enabled=True)
        .filter(Q(source__locale_id=page.locale_id) | Q(target_locale_id=page.locale_id))
        .order_by("pk")
        .values_list("pk", "source__locale_id", "target_locale_id")
    )


def source_published(
    sender: Any, instance: Page, translations: list[tuple[int, int, int]], **kwargs: Any
) -> None:
    """Give the live translations of ``instance`` its locked values."""
    from wagtail.signals import page_published

    locales = [target for _pk, source, target in translations if source == instance.locale_id]
    if not locales:
        return
    targets = (
        type(instance)
        ._default_manager.filter(
            translation_key=instance.translation_key,
            locale_id__in=locales,
            alias_of__isnull=True,
            live=True,
        )
        .order_by("path")
    )
    for target in targets:
        if copy_locked_fields(instance, target):
            page_published.send(sender=type(target), instance=target, revision=target.live_revision)


def translation_published(
    sender: Any, instance: Page, translations: list[tuple[int, int, int]], **kwargs: Any
) -> None:
    """``instance`` (a translation) gets the locked values of its live source."""
    sources = [
        source
        for _pk, source, target in translations
        if target == instance.locale_id and source != instance.locale_id
    ]
    if not sources:
        return
    live_source = (
        type(instance)
        ._default_manager.filter(
            translation_key=instance.translation_key, locale_id=sources[0], live=True
        )
        .first()
    )
    if live_source is not None:
        copy_locked_fields(live_source, instance)


def published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """The ``page_published`` receiver: a page is a source, a translation, or neither.

    One query finds out which (a page of a type with no locked field, none): the
    translations it is the source or the target of.
    """
    if not isinstance(instance, Page) or not locked_fields(type(instance)):
        return
    translations = _translations(instance)
    if not translations:
        return
    translation_published(sender, instance, translations, **kwargs)
    source_published(sender, instance, translations, **kwargs)


def connect() -> None:
    from wagtail.signals import page_published

    page_published.connect(published, dispatch_uid="tingsted_translation_synced_fields")
