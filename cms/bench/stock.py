"""What makes the stock contender stock: Wagtail's own API serialisation of our tables.

The stock server (cms.bench.stock_settings) has to serve the project's page models, and
those carry the project's API layer:

* their ``api_fields``: the ``translations`` field every page type gets
  (:class:`api.pages.APIPageMixin`, read through the visibility rule), plugin serialisers
  (venues, people, organisations) and computed properties;
* their StreamField blocks' representations, which preload and resolve references through
  the request-scoped loader (cms/loading.py, blocks/representation.py);
* the pages' URL routing per site language (``TingstedPage.get_url_parts``).

A team on stock Wagtail with the same tables would list the same columns and blocks with
Wagtail's own serialisers, and that is what the stock process serves. At start-up (the first
app's ready(), before Wagtail's API v3 builds its schemas from ``api_fields``):

* every model's ``api_fields`` is reduced to its database fields, without serialisers;
* every block class and page class of the project answers the methods Wagtail's APIs call
  (:data:`STOCK_METHODS`) with the implementation of its nearest Wagtail ancestor.

Only the stock server runs this; it changes the classes of that process and no other.
tests/bench/test_stock.py records every function a stock request runs and finds none of the
project's.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from wagtail.api import APIField
from wagtail.blocks import Block
from wagtail.fields import StreamField
from wagtail.models import Page

#: Per Wagtail base class, the methods its APIs call that the project overrides.
STOCK_METHODS: dict[type, tuple[str, ...]] = {
    Block: ("get_api_representation", "bulk_to_python"),
    Page: ("get_url_parts", "get_site", "_get_site_root_paths"),
}


def stock_api_fields(model) -> list[APIField]:
    """``model.api_fields`` as stock Wagtail serialises them: database fields, no serialiser."""
    fields = []
    for field in getattr(model, "api_fields", None) or ():
        name = field.name if isinstance(field, APIField) else field
        try:
            column = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # a property or a method: the project's code, not a column
        # ``venue_id`` (ours gives the id, the venue in a map) is the ``venue`` relation.
        fields.append(APIField(column.name))
    return fields


def is_wagtail(cls: type) -> bool:
    return cls.__module__.split(".", 1)[0] in {"wagtail", "builtins"}


def use_wagtail_methods(cls: type, names: tuple[str, ...]) -> None:
    """Give ``cls`` its nearest Wagtail ancestor's ``names`` where the project overrides them."""
    for name in names:
        owner = next((k for k in cls.__mro__ if name in k.__dict__), None)
        if owner is None or is_wagtail(owner):
            continue
        stock = next(k for k in cls.__mro__ if is_wagtail(k) and name in k.__dict__)
        setattr(cls, name, stock.__dict__[name])


def stream_block_classes() -> Iterator[type[Block]]:
    """Every block class used in a StreamField of an installed model, nested ones too."""
    seen: set[int] = set()
    pending: list[Block] = [
        field.stream_block
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    ]
    while pending:
        block = pending.pop()
        if id(block) in seen:
            continue
        seen.add(id(block))
        yield type(block)
        pending += getattr(block, "child_blocks", {}).values()
        if getattr(block, "child_block", None) is not None:
            pending.append(block.child_block)


def use_stock_wagtail() -> None:
    """Wagtail's own API serialisation for every model and block of the project."""
    for model in apps.get_models():
        if getattr(model, "api_fields", None) is not None:
            model.api_fields = stock_api_fields(model)
    classes = {*stream_block_classes(), *apps.get_models()}
    for cls in classes:
        for base, names in STOCK_METHODS.items():
            if issubclass(cls, base) and not is_wagtail(cls):
                use_wagtail_methods(cls, names)
