"""Typed StreamField and rich text for Wagtail's API v3, generated from block definitions.

Wagtail's read-schema generator types every StreamField as ``list[Any]``, so a consumer
generating a client from /api/v3/openapi.json learns nothing about a page body. Its
extension point is ``read_generator.register_field_schema(field_class, func)``: we register
:func:`typed_stream_field` for StreamField (and :func:`absolute_rich_text_field` for
RichTextField) before Wagtail builds its page schemas, so every page type of every plugin
gets typed output without declaring anything.

The type of one block's output comes from, in order:

1. the block's own ``get_api_schema()``: a type (usually a pydantic model) describing what
   its ``get_api_representation`` returns. Blocks that reshape their value (images as
   renditions, people as objects) must declare one; see ``blocks/`` for examples;
2. :func:`register_block_schema`, for block classes we cannot edit;
3. derivation: a StreamBlock is a list of ``{"type", "value", "id"}`` items discriminated by
   ``type``; a StructBlock or ListBlock that keeps Wagtail's representation is built from its
   children; field blocks map to JSON types;
4. otherwise (a custom representation without a declared schema) the value is left untyped
   (``{}``), which is honest rather than wrong; the ``tingsted_api.W001`` check lists them.

The generated type only documents: values are served exactly as the block returns them
(see :class:`Documented`), so a schema mistake can never turn a page into an error. The test
suite validates real responses against the published schema instead.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union

from django.utils import translation
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model
from pydantic_core import core_schema
from wagtail import blocks

#: Block classes whose output is typed by a function of the block instance.
_REGISTERED: dict[type[blocks.Block], Callable[[blocks.Block], Any]] = {}
#: Models built so far, by the block structure they describe, so one block class used in
#: several page types gives one OpenAPI component.
_BUILT: dict[tuple, Any] = {}
#: Component names taken, by the structure that took them.
_NAMES: dict[str, tuple] = {}
#: Blocks found with a custom representation and no schema: (block class path, where).
UNTYPED: set[tuple[str, str]] = set()


class Documented:
    """Serve a value as it is, but describe it as ``annotation`` in the JSON schema.

    Used as ``Annotated[Any, Documented(T)]``. The schema of ``T`` is built self-contained
    (with its own definitions) so pydantic registers its models as OpenAPI components.
    """

    def __init__(self, annotation: Any):
        self.annotation = annotation
        self._schema = TypeAdapter(annotation).core_schema

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.any_schema()

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict:
        return handler(self._schema)


def register_block_schema(block_class: type[blocks.Block], schema: Callable[[blocks.Block], Any]):
    """Type the output of ``block_class`` (and subclasses) with ``schema(block)``."""
    _REGISTERED[block_class] = schema
    _BUILT.clear()


def _class_path(block: blocks.Block) -> str:
    return f"{type(block).__module__}.{type(block).__qualname__}"


def _overrides(block: blocks.Block, base: type) -> bool:
    return type(block).get_api_representation is not base.get_api_representation


def _optional(annotation: Any, block: blocks.Block) -> Any:
    return annotation if _required(block) else annotation | None


def _choices(block: blocks.ChoiceBlock) -> list[str]:
    values = []
    for value, label in block.field.choices:
        if isinstance(label, list | tuple):  # an option group
            values += [str(inner) for inner, _label in label]
        else:
            values.append(str(value))
    return [value for value in values if value != ""]


def _field_schema(block: blocks.FieldBlock) -> Any:
    if isinstance(block, blocks.MultipleChoiceBlock):
        return list[str]
    if isinstance(block, blocks.ChoiceBlock):
        choices = _choices(block)
        if choices:
            annotation = Literal[tuple(choices)]
            return annotation if _required(block) else annotation | Literal[""] | None
        return _optional(str, block)
    simple = [
        (blocks.BooleanBlock, bool),
        (blocks.IntegerBlock, int),
        (blocks.FloatBlock, float),
        (blocks.DecimalBlock, float),
        (blocks.DateTimeBlock, datetime.datetime),
        (blocks.DateBlock, datetime.date),
        (blocks.TimeBlock, datetime.time),
    ]
    for block_class, annotation in simple:
        if isinstance(block, block_class):
            return (
                annotation if block_class is blocks.BooleanBlock else _optional(annotation, block)
            )
    if isinstance(block, blocks.ChooserBlock):
        # Wagtail's choosers give the chosen object's id (cms.E007 keeps them out of
        # Tingsted's own streams, but a third-party block may still use one).
        return _optional(int, block)
    return _optional(str, block)


def _unique_name(name: str, signature: tuple) -> str:
    candidate, number = name, 1
    while candidate in _NAMES and _NAMES[candidate] != signature:
        number += 1
        candidate = f"{name}{number}"
    _NAMES[candidate] = signature
    return candidate


def _required(block: blocks.Block) -> bool:
    # A chooser's `required` builds its form field, and a snippet chooser's widget refuses
    # a model whose snippet registration (in wagtail_hooks) has not run yet; the schemas
    # are built at start-up, before that. The constructor argument says the same.
    if isinstance(block, blocks.ChooserBlock):
        return bool(block._required)
    return block.required


def _signature(block: blocks.Block) -> tuple:
    children = ()
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        children = tuple((name, _signature(child)) for name, child in block.child_blocks.items())
    elif isinstance(block, blocks.ListBlock):
        children = (("item", _signature(block.child_block)),)
    elif isinstance(block, blocks.ChoiceBlock):
        children = tuple(_choices(block))
    return (_class_path(block), _required(block), children)


def _model_name(block: blocks.Block, hint: str) -> str:
    if type(block) in (blocks.StructBlock, blocks.StreamBlock):
        # An anonymous block defined inline: name it by where it sits.
        return "".join(part.title() for part in hint.replace(".", "_").split("_")) + "Block"
    return type(block).__name__


def block_schema(block: blocks.Block, where: str = "") -> Any:
    """The type of ``block.get_api_representation(value)``, for the OpenAPI schema."""
    key = _signature(block)
    if key in _BUILT:
        return _BUILT[key]
    _BUILT[key] = schema = _build(block, where or block.name or "block")
    return schema


def _build(block: blocks.Block, where: str) -> Any:
    declared = getattr(block, "get_api_schema", None)
    if callable(declared):
        return declared()
    for cls in type(block).__mro__:
        if cls in _REGISTERED:
            return _REGISTERED[cls](block)

    if isinstance(block, blocks.StreamBlock):
        if _overrides(block, blocks.StreamBlock):
            return _untyped(block, where)
        return list[stream_item_union(block, where)]
    if isinstance(block, blocks.StructBlock):
        if _overrides(block, blocks.StructBlock):
            return _untyped(block, where)
        fields = {
            name: (block_schema(child, f"{where}.{name}"), ...)
            for name, child in block.child_blocks.items()
        }
        name = _unique_name(_model_name(block, where), _signature(block))
        return create_model(name, __config__=ConfigDict(title=name), **fields)
    if isinstance(block, blocks.ListBlock):
        if _overrides(block, blocks.ListBlock):
            return _untyped(block, where)
        return list[block_schema(block.child_block, f"{where}.item")]
    if isinstance(block, blocks.StaticBlock):
        return None
    if isinstance(block, blocks.RichTextBlock) and not _overrides(block, blocks.RichTextBlock):
        return str
    if isinstance(block, blocks.FieldBlock):
        if _overrides(block, blocks.FieldBlock) and not _is_wagtail_block(block):
            return _untyped(block, where)
        return _field_schema(block)
    return _untyped(block, where)


def _is_wagtail_block(block: blocks.Block) -> bool:
    return type(block).__module__.startswith("wagtail.")


def _untyped(block: blocks.Block, where: str) -> Any:
    UNTYPED.add((_class_path(block), where))
    return Annotated[Any, Field(description="Not typed: the block declares no get_api_schema().")]


def stream_item_union(block: blocks.StreamBlock, where: str) -> Any:
    """One ``{"type", "value", "id"}`` model per child block, discriminated by ``type``."""
    prefix = _model_name(block, where)
    items = []
    for name, child in block.child_blocks.items():
        item_name = _unique_name(
            f"{prefix}_{name}", (_signature(block)[0], name, _signature(child))
        )
        items.append(
            create_model(
                item_name,
                __config__=ConfigDict(title=item_name),
                __doc__=str(child.meta.label or name),
                type=(Literal[name], ...),
                value=(block_schema(child, f"{where}.{name}"), ...),
                id=(str | None, ...),
            )
        )
    if len(items) == 1:
        return items[0]
    return Annotated[Union[tuple(items)], Field(discriminator="type")]  # noqa: UP007


def stream_field_type(stream_block: blocks.StreamBlock, where: str) -> Any:
    """The annotation of a StreamField in a read schema: served as-is, documented typed."""
    return Annotated[list[Any], Documented(block_schema(stream_block, where))]


def page_language(obj: Any) -> str | None:
    """The language a page's (or snippet's) references are resolved in: its own."""
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None)


def stream_representation(obj: Any, field_name: str, context: dict | None) -> list:
    """A StreamField's API output, with people and other snippets in the page's language."""
    from cms.loading import ensure_preloaded

    # API v3 resolves a page's fields one by one after its view has returned: preload the
    # page's references on the first stream read, inside the request's scope.
    ensure_preloaded(obj)
    value = getattr(obj, field_name)
    language = page_language(obj) or translation.get_language()
    with translation.override(language):
        return value.stream_block.get_api_representation(value, context)


# --- Wagtail read-generator hooks ------------------------------------------------------------


def typed_stream_field(generator: Any, field: Any) -> tuple:
    field_name = field.name

    def resolve(obj: Any, context: dict) -> list:
        return stream_representation(obj, field_name, context)

    where = f"{field.model._meta.object_name}.{field_name}"
    return stream_field_type(field.stream_block, where), [], staticmethod(resolve)


def absolute_rich_text_field(generator: Any, field: Any) -> tuple:
    """Rich text as HTML with public, absolute URLs (unless ?rich_text_format= says otherwise)."""
    from wagtail.api.v3.schemas.generators.read import rich_text_schema

    from api.fields import rich_text_output

    annotation, default, _wagtail_resolve = rich_text_schema(generator, field)
    field_name = field.name

    def resolve(obj: Any, context: dict) -> str | None:
        return rich_text_output(getattr(obj, field_name), context, features=field.features)

    return annotation, default, staticmethod(resolve)


def install() -> None:
    """Register the typed fields on Wagtail's read-schema generator (api/apps.py says when)."""
    from django.db.models import CharField
    from wagtail.fields import RichTextField, StreamField

    from api.types import choice_field_schema
    from cms import compat

    compat.register_v3_field_schema(CharField, choice_field_schema)
    compat.register_v3_field_schema(StreamField, typed_stream_field)
    compat.register_v3_field_schema(RichTextField, absolute_rich_text_field)


def json_schema_of(annotation: Any) -> dict:
    """A standalone JSON schema (with $defs) for a block type, for tests and docs."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.model_json_schema(mode="serialization")
    return TypeAdapter(annotation).json_schema(mode="serialization")


__all__ = [
    "Documented",
    "block_schema",
    "install",
    "register_block_schema",
    "stream_field_type",
    "stream_item_union",
]
