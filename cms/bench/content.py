"""Valid content for any StreamField and any page model, derived from their definitions.

A plugin that has not written its own ``bench_data`` builder still gets realistic pages:
:func:`stream_data` walks a StreamBlock's child blocks and produces the raw JSON an editor's
save would store (text of the right length, chosen images, documents, pages and snippets in
the page's locale); :func:`fill_page_fields` does the same for a model's own fields.

Blocks that would call out to the network when rendered (oEmbed) are left out: a benchmark
must not measure a third party, and this machine has no network.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any, Protocol

from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

if TYPE_CHECKING:
    import random

    from cms.bench.text import Text


class ContentPool(Protocol):
    """What the fillers need from :class:`cms.bench.data.BenchContext`."""

    rng: random.Random
    text: Text

    def pick(self, model: type[models.Model], locale_id: int | None) -> int | None:
        """The pk of an existing object of ``model`` (in ``locale_id`` if translatable)."""


#: Block classes never generated: they fetch from other sites when rendered.
SKIPPED_BLOCK_NAMES = ("EmbedBlock",)


def _skipped(block: blocks.Block) -> bool:
    return any(cls.__name__ in SKIPPED_BLOCK_NAMES for cls in type(block).__mro__)


def usable_child_blocks(stream_block: blocks.StreamBlock) -> list[str]:
    return [name for name, block in stream_block.child_blocks.items() if not _skipped(block)]


def stream_data(
    stream_block: blocks.StreamBlock,
    count: int,
    pool: ContentPool,
    language: str,
    locale_id: int | None,
) -> list[dict[str, Any]]:
    """``count`` blocks of the stream's types in turn, as stored raw JSON."""
    names = usable_child_blocks(stream_block)
    data = []
    for index in range(count if names else 0):
        name = names[index % len(names)]
        value = block_value(stream_block.child_blocks[name], pool, language, locale_id)
        data.append({"type": name, "value": value, "id": str(uuid.uuid4())})
    return data


def block_value(
    block: blocks.Block,
    pool: ContentPool,
    language: str,
    locale_id: int | None,
    *,
    nested: bool = False,
    position: int = 0,
):
    """A raw (JSON-ready) value for one block, built from its definition.

    Inside a struct, text is shorter (a session's description is not an article) and
    dates and times count up in declaration order, so an end comes after its start.
    """
    text = pool.text
    if isinstance(block, blocks.StreamBlock):
        return stream_data(block, 3, pool, language, locale_id)
    if isinstance(block, blocks.StructBlock):
        # A block an editor fills one of several ways (a speaker chosen from the register,
        # or typed in) declares them; one is filled, the rest left as an editor leaves them.
        alternatives = getattr(block, "alternatives", None)
        filled = set(pool.rng.choice(alternatives)) if alternatives else None
        return {
            name: block_value(child, pool, language, locale_id, nested=True, position=index)
            if filled is None or name in filled
            else child.get_prep_value(child.get_default())
            for index, (name, child) in enumerate(block.child_blocks.items())
            if not _skipped(child)
        }
    if isinstance(block, blocks.ListBlock):
        values: list = []
        for _attempt in range(6):
            value = block_value(block.child_block, pool, language, locale_id, nested=True)
            # Lists of chosen objects often refuse the same one twice (attachments).
            if value not in values:
                values.append(value)
            if len(values) == 2:
                break
        return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]
    if isinstance(block, blocks.RichTextBlock):
        if nested:
            return f"<p>{text.paragraph(language, sentences=2)}</p>"
        return text.html(language, paragraphs=2)
    if isinstance(block, blocks.ChooserBlock):
        model = block.model_class
        if issubclass(model, Page):
            # An optional page link usually has an address alternative (call to action),
            # and a block's clean() may refuse both at once.
            return pool.pick(model, None) if block.required else None
        return pool.pick(model, locale_id)
    if isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
        choices = [value for value, _label in block.field.choices if value]
        chosen = choices[0] if choices else ""
        return [chosen] if isinstance(block, blocks.MultipleChoiceBlock) else chosen
    if isinstance(block, blocks.URLBlock):
        return f"https://example.org/{'-'.join(text.words('en', 2))}"
    if isinstance(block, blocks.EmailBlock):
        return "contact@example.org"
    if isinstance(block, blocks.BooleanBlock):
        return False
    if isinstance(block, blocks.IntegerBlock | blocks.FloatBlock | blocks.DecimalBlock):
        return 1
    if isinstance(block, blocks.DateTimeBlock):
        moment = timezone.now().replace(minute=0, second=0, microsecond=0)
        return (moment + dt.timedelta(hours=position)).isoformat()
    if isinstance(block, blocks.DateBlock):
        return (timezone.localdate() + dt.timedelta(days=position)).isoformat()
    if isinstance(block, blocks.TimeBlock):
        return f"{9 + position % 12:02d}:00:00"
    if isinstance(block, blocks.TextBlock):
        return text.paragraph(language, sentences=1 if nested else 2)
    if isinstance(block, blocks.CharBlock):
        max_length = getattr(block.field, "max_length", None) or 120
        labelled = text.labelled(block.name, language)
        if labelled is not None:
            return labelled[:max_length]
        return text.sentence(language, words=6, max_length=max_length)
    default = block.get_default()
    return block.get_prep_value(default)


# --- model fields -------------------------------------------------------------------------

#: Fields every page has; :class:`cms.bench.tree.BulkTree` and the builder set them.
PAGE_FIELDS = {f.name for f in Page._meta.get_fields()}


def fill_page_fields(
    page: Page,
    pool: ContentPool,
    language: str,
    *,
    blocks_per_stream: int = 6,
    when: dt.datetime | None = None,
) -> Page:
    """Fill the fields ``page``'s own model adds to Page, the way an editor would.

    Required fields get a value of their type; the first StreamField gets
    ``blocks_per_stream`` blocks and any later one two; rich text gets paragraphs; foreign
    keys to images and snippets are filled even when optional (they are what makes an API list do more queries per item), foreign keys
    to pages only when required. Dates and times count up from ``when`` in declaration
    order, so an ``end`` declared after ``start`` comes after it.
    """
    when = when or timezone.now()
    step = 0
    for model_field in type(page)._meta.concrete_fields:
        if model_field.name in PAGE_FIELDS or model_field.primary_key:
            continue
        value = field_value(model_field, page, pool, language, blocks_per_stream, when, step)
        if isinstance(model_field, models.DateField | models.TimeField):
            step += 1
        if isinstance(model_field, StreamField):
            # The page's main stream gets the full count; further streams (attachments,
            # related links) are shorter, as editors fill them.
            blocks_per_stream = min(blocks_per_stream, 2)
        if value is not _KEEP:
            setattr(page, model_field.attname, value)
    return page


_KEEP = object()


def field_value(
    model_field: models.Field,
    obj: models.Model,
    pool: ContentPool,
    language: str,
    blocks_per_stream: int,
    when: dt.datetime,
    step: int,
    page_model: type[Page] = Page,
):
    """A value for one concrete field, or ``_KEEP`` to leave the model's default.

    ``page_model`` narrows a required link to any page: a "related post" row under a blog
    post links to another post, not to a home page.
    """
    text = pool.text
    locale_id = getattr(obj, "locale_id", None)
    required = not (model_field.null or model_field.blank or model_field.has_default())
    if isinstance(model_field, StreamField):
        raw = stream_data(model_field.stream_block, blocks_per_stream, pool, language, locale_id)
        return model_field.stream_block.to_python(raw)
    if isinstance(model_field, RichTextField):
        return text.html(language, paragraphs=3)
    if isinstance(model_field, models.ForeignKey):
        target = model_field.related_model
        if issubclass(target, Page):
            # Only when required, and of the type asked for (a related post is a post).
            wanted = page_model if target is Page else target
            return pool.pick(wanted, None) if required else _KEEP
        if target._meta.label in ("wagtailcore.Locale", "contenttypes.ContentType"):
            return _KEEP
        picked = pool.pick(target, locale_id)
        return picked if picked is not None or not required else _KEEP
    if model_field.choices:
        return model_field.choices[0][0] if required else _KEEP
    if isinstance(model_field, models.DateTimeField):
        return when + dt.timedelta(hours=2 * step) if required else _KEEP
    if isinstance(model_field, models.DateField):
        return (when + dt.timedelta(days=step)).date() if required else _KEEP
    if isinstance(model_field, models.TimeField):
        return dt.time(9 + step % 8, 0) if required else _KEEP
    # Text is filled even when optional: editors write introductions and summaries, and
    # their bytes belong in the measurement.
    if isinstance(model_field, models.URLField):
        return "https://example.org/"
    if isinstance(model_field, models.EmailField):
        return "contact@example.org"
    if isinstance(model_field, models.SlugField):
        return "-".join(text.words("en", 3)) if required else _KEEP
    if isinstance(model_field, models.TextField):
        return text.paragraph(language, sentences=3)
    if isinstance(model_field, models.CharField):
        max_length = model_field.max_length or 100
        labelled = text.labelled(model_field.name, language)
        if labelled is not None:
            return labelled[:max_length]
        return text.sentence(language, words=5, max_length=max_length)
    if not required:
        return _KEEP
    if isinstance(model_field, models.BooleanField):
        return False
    if isinstance(model_field, models.IntegerField | models.FloatField | models.DecimalField):
        return 1
    if isinstance(model_field, models.UUIDField):
        return uuid.uuid4()
    return _KEEP


def fill_object_fields(
    obj: models.Model, pool: ContentPool, language: str, page_model: type[Page] = Page
) -> models.Model:
    """Fill an orderable child (session, agenda item) like :func:`fill_page_fields`."""
    when = timezone.now()
    step = 0
    for model_field in type(obj)._meta.concrete_fields:
        if model_field.primary_key or (
            model_field.is_relation and model_field.remote_field.parent_link
        ):
            continue
        if getattr(model_field, "attname", None) and getattr(obj, model_field.attname, None):
            continue
        value = field_value(model_field, obj, pool, language, 3, when, step, page_model)
        if isinstance(model_field, models.DateField | models.TimeField):
            step += 1
        if value is not _KEEP:
            setattr(obj, model_field.attname, value)
    return obj
