"""Create translations the way wagtail-localize does, from text written in code.

The demo (``DemoContext.translate``), the bootstrap of the home pages and the tests write
translated content as field values (``title="..."``, ``body=[("text", "<p>...</p>")]``).
Copying a page and setting those fields (what Wagtail's ``copy_for_translation`` alone
does) gives a page wagtail-localize knows nothing about: no source, no segments, no
translated strings, so the status overview, sync and the translation editor cannot work
on it. :func:`translate` instead records the text as wagtail-localize's translated
strings and lets wagtail-localize build the target page, so the result is exactly what a
translator using the admin would have produced.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypeVar

from django.db import models, transaction
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

T = TypeVar("T", bound=TranslatableMixin)

#: ``tool_name`` on strings this module records, so they are recognisable in the admin.
TOOL_NAME = "Tingsted (written in code)"


def translate(
    source: T,
    locale: Locale | str,
    *,
    publish: bool = True,
    user: Any = None,
    **fields: Any,
) -> tuple[T, bool]:
    """The translation of ``source`` in ``locale``, created or completed through wagtail-localize.

    ``fields`` are translated values; a translatable field left out keeps the source's
    text, as a synchronised field would (recorded as its translation, so the page counts as
    fully translated). Strings that already have a translation are never overwritten, so
    calling this again with the same arguments changes nothing.

    Returns ``(translation, changed)``: ``changed`` is False when nothing had to be done.
    """
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    # From the database: an instance the caller just published may hold stale revision
    # fields, and a stale serialisation would look like a changed source on the next run.
    source = type(source)._default_manager.get(pk=source.pk)
    if isinstance(source, Page):
        source = source.specific

    with transaction.atomic():
        # The source as last extracted: re-extracting a changed source is a sync, which is
        # an editor's decision (sync.sync_translations), not a side effect of translating.
        translation_source, _created = TranslationSource.get_or_create_from_instance(source)
        translation, translation_created = Translation.objects.get_or_create(
            source=translation_source,
            target_locale=locale,
            defaults={"enabled": True},
        )
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])

        recorded = record_strings(translation_source, locale, fields, user=user)
        target = _target_or_none(source, locale)
        last_saved = (
            TranslationLog.objects.filter(source=translation_source, locale=locale)
            .order_by("-created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        up_to_date = last_saved is not None and last_saved >= translation_source.last_updated_at
        if target is not None and not translation_created and not recorded and up_to_date:
            return target, False

        save_target(translation, publish=publish, user=user)
    return _target_or_none(source, locale), True


def save_target(translation: Translation, *, publish: bool, user: Any = None) -> None:
    """Write the translated strings into the target page or snippet.

    wagtail-localize publishes pages in an ``on_commit`` callback; the revision is
    published here instead, so the result is the same inside a test transaction or a
    management command's atomic block.
    """
    source_instance = translation.source.get_source_instance()
    can_draft = isinstance(source_instance, DraftStateMixin)
    translation.save_target(user=user, publish=publish and not can_draft)
    if publish and can_draft:
        target = translation.get_target_instance()
        revision = target.get_latest_revision()
        if revision is not None:
            revision.publish(user=user)


def record_strings(
    translation_source: TranslationSource,
    locale: Locale,
    fields: dict[str, Any],
    *,
    user: Any = None,
) -> int:
    """Store the text of ``fields`` as translations of the source's string segments.

    Segments are matched by their position in the content (field, block, paragraph), so a
    stream written in another language lines up with the source's blocks one by one.
    Segments of fields left out get the source text; segments of a given field that the
    value does not reach (a block more in the source) stay untranslated. Returns how many
    strings were stored.
    """
    segments = list(
        StringSegment.objects.filter(source=translation_source)
        .select_related("string", "context")
        .order_by("order")
    )
    existing = set(
        StringTranslation.objects.filter(
            locale=locale,
            context__object_id=translation_source.object_id,
        ).values_list("translation_of_id", "context_id")
    )
    if all((segment.string_id, segment.context_id) in existing for segment in segments):
        # Every string has its translation already and none is ever overwritten: the
        # common case of a second `make demo`, where extracting the content again was most
        # of the time of translating.
        return 0
    candidate = translation_source.as_instance()
    for name, value in fields.items():
        setattr(candidate, name, value)
    _align_stream_block_ids(translation_source.as_instance(), candidate)
    translated = _strings_by_position(extract_segments(candidate))

    position: dict[str, int] = defaultdict(int)
    stored = 0
    for segment in segments:
        path = segment.context.path
        key = (path, position[path])
        position[path] += 1
        if (segment.string_id, segment.context_id) in existing:
            continue
        if key in translated:
            data = translated[key]
        elif path.split(".", 1)[0] not in fields:
            data = segment.string.data
        else:
            continue
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=TOOL_NAME,
            last_translated_by=user,
        )
        existing.add((segment.string_id, segment.context_id))
        stored += 1
    return stored


def _target_or_none(source: T, locale: Locale) -> T | None:
    if isinstance(source, Page):
        target = (
            Page.objects.filter(
                translation_key=source.translation_key, locale=locale, alias_of__isnull=True
            )
            .specific()
            .first()
        )
        return target
    return source.get_translation_or_none(locale)


def _strings_by_position(segments: list) -> dict[tuple[str, int], str]:
    position: dict[str, int] = defaultdict(int)
    found = {}
    for segment in segments:
        if not isinstance(segment, StringSegmentValue):
            continue
        key = (segment.path, position[segment.path])
        position[segment.path] += 1
        found[key] = segment.string.data
    return found


def _align_stream_block_ids(source: models.Model, candidate: models.Model) -> None:
    """Give the candidate's stream blocks the ids of the source's blocks at the same place.

    Segment paths contain block ids; a stream written in code has fresh ids, so without
    this no translated paragraph would find the source paragraph it translates.
    """
    for field in candidate._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        source_raw = field.get_prep_value(getattr(source, field.name))
        candidate_raw = field.get_prep_value(getattr(candidate, field.name))
        if isinstance(source_raw, str) or isinstance(candidate_raw, str):
            continue
        _align(source_raw, candidate_raw)
        setattr(candidate, field.name, candidate_raw)


def _align(source: Any, candidate: Any) -> None:
    if isinstance(source, list) and isinstance(candidate, list):
        for index, item in enumerate(candidate):
            if index >= len(source):
                break
            original = source[index]
            if (
                isinstance(item, dict)
                and isinstance(original, dict)
                and "value" in item
                and item.get("type") == original.get("type")
            ):
                if original.get("id"):
                    item["id"] = original["id"]
                _align(original.get("value"), item.get("value"))
    elif isinstance(source, dict) and isinstance(candidate, dict):
        for key, value in candidate.items():
            if key in source:
                _align(source[key], value)


def translate_missing_parents(page: Page, locale: Locale) -> list[Page]:
    """Create the missing ancestors of ``page``'s translation into ``locale`` as drafts.

    A translation is created under its parent's translation. When that is missing,
    Wagtail would make it an alias of the source parent, which is live as soon as the
    source is (and goes live again on every publish of the source): the source language
    would be public under the translated language's address before anyone translated it
    (issue 15, finding 1). Here each missing ancestor, from the top down, becomes a
    wagtail-localize translation saved as a draft instead (never live, the source text as
    its placeholder): translators see it in the status overview, and a reviewer publishes
    it when it is translated. Existing translations, aliases included, are kept.

    Returns the draft pages created.
    """
    created = []
    ancestors = page.get_ancestors().filter(depth__gt=1).specific().order_by("path")
    for ancestor in ancestors:
        if Page.objects.filter(translation_key=ancestor.translation_key, locale=locale).exists():
            continue
        source, _created = TranslationSource.get_or_create_from_instance(ancestor)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])
        translation.save_target(publish=False)
        created.append(translation.get_target_instance())
    return created


def alias_to_draft_translation(alias: Page) -> Page:
    """Turn a live alias of a page in another language into an unpublished draft translation.

    wagtail-localize converts an alias it translates into a regular page; unpublishing it
    takes the source language off the translated address until a reviewer publishes the
    translation, which translators now find in the overview like any other.
    """
    source, _created = TranslationSource.get_or_create_from_instance(alias.alias_of.specific)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=alias.locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    translation.save_target(publish=False)
    page = Page.objects.get(pk=alias.pk).specific
    page.unpublish(log_action=True)
    return page
