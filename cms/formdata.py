"""Form data a widget cannot read is an error under its field, not a server error.

Wagtail's editor posts a StreamField as ``<name>-count`` and numbered blocks, rich text as
Draftail's JSON, and a chosen object as its id. A post that does not hold what the editor's
own scripts write (an interrupted upload, a browser extension, a hand-edited request, a
client built against an older form) made Wagtail's widgets raise while they read it:
``int('x')`` for a count, ``KeyError`` for a block the count promises, ``JSONDecodeError``
for rich text, a chooser's ``objects.get(pk='x')`` while the form is shown again. Each was
a 500, in the page editor and every snippet form.

Here the form reads such a field as empty, remembers that it could not read it, and the
field's cleaning turns that into a validation error: the editor sees the form again with a
message under the field, and nothing is saved (an invalid form saves no revision), so the
stored content is as it was. The cause is logged, so a widget that breaks on data its own
scripts write still shows up as a fault.

The places: Django's ``BaseForm._widget_data_value`` (where every bound field reads its
data) and ``Field._clean_bound_field`` (where a bound field is cleaned); modelcluster's
``BaseTransientModelFormSet._construct_form``, which reads an inline row's id with no guard
(an unreadable id makes the list refuse to save, with a message above it); and Wagtail's
``BaseChooser.get_instance``, which looked a refused choice up again to show it. All are
internals, so checked at start-up like Wagtail's in cms/compat.py.
"""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseTransientModelFormSet
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks.base import BlockWidget

from cms.compat import _require

logger = logging.getLogger(__name__)

#: What a widget raises on data it was not made to read. Anything else is a fault of ours
#: or Wagtail's and still answers 500.
UNREADABLE = (
    ValueError,  # int('x'), json.JSONDecodeError
    KeyError,  # a block the count promises is not in the post
    TypeError,
    AttributeError,  # JSON of the wrong shape: 'int' object has no attribute 'get'
    OverflowError,
    IndexError,
)

MESSAGE = _(
    "This field's data could not be read, so nothing was saved. Reload the page and enter it again."
)

ROW_MESSAGE = _(
    "A row of this list could not be read, so nothing was saved. Reload the page and "
    "enter it again."
)

#: The attribute on a bound form naming the fields whose data it could not read (on a
#: formset: that a row's id could not be read).
_FIELDS = "_tingsted_unreadable"

_installed = False


def _placeholder(widget: forms.Widget) -> Any:
    """An empty value the widget can show again: a StreamField's default, else nothing."""
    if isinstance(widget, BlockWidget):
        return widget.block_def.get_default()
    return None


def install() -> None:
    """Patch the places a posted form is read and cleaned (see the module)."""
    global _installed
    if _installed:
        return
    _installed = True
    read = _require(forms.BaseForm, "_widget_data_value")
    clean_field = _require(forms.Field, "_clean_bound_field")
    get_instance = _require(BaseChooser, "get_instance")
    construct_row = _require(BaseTransientModelFormSet, "_construct_form")
    clean_rows = _require(BaseTransientModelFormSet, "clean")

    def _widget_data_value(form: forms.BaseForm, widget: forms.Widget, html_name: str) -> Any:
        try:
            return read(form, widget, html_name)
        except UNREADABLE:
            unreadable = form.__dict__.setdefault(_FIELDS, set())
            if html_name not in unreadable:
                unreadable.add(html_name)
                logger.warning(
                    "%s could not read %r from the posted form",
                    type(widget).__name__,
                    html_name,
                    exc_info=True,
                )
            return _placeholder(widget)

    def _clean_bound_field(field: forms.Field, bound_field: Any) -> Any:
        def unread() -> bool:
            # Known only once cleaning has read the data.
            return bound_field.html_name in bound_field.form.__dict__.get(_FIELDS, ())

        try:
            value = clean_field(field, bound_field)
        except ValidationError:
            if not unread():
                raise
            value = None
        if unread():
            raise ValidationError(MESSAGE, code="unreadable")
        return value

    def tolerant_get_instance(chooser: BaseChooser, value: Any) -> Any:
        # The form has already refused the value ("Select a valid choice"); showing the
        # form again must not look a non-number up as an id.
        try:
            return get_instance(chooser, value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None

    def _construct_form(formset: BaseTransientModelFormSet, i: int, **kwargs: Any) -> Any:
        # modelcluster reads an existing row's id with the key's to_python and no guard
        # (Django's own formsets treat an unreadable id as tampering and go on).
        try:
            return construct_row(formset, i, **kwargs)
        except (ValidationError, KeyError):
            formset.__dict__[_FIELDS] = True
            logger.warning(
                "%s could not read row %d's id from the posted form",
                type(formset).__name__,
                i,
                exc_info=True,
            )
            kwargs["instance"] = formset.model()
            return forms.BaseFormSet._construct_form(formset, i, **kwargs)

    def clean_formset(formset: BaseTransientModelFormSet) -> None:
        if formset.__dict__.get(_FIELDS):
            raise ValidationError(ROW_MESSAGE, code="unreadable")
        return clean_rows(formset)

    forms.BaseForm._widget_data_value = _widget_data_value
    forms.Field._clean_bound_field = _clean_bound_field
    BaseChooser.get_instance = tolerant_get_instance
    BaseTransientModelFormSet._construct_form = _construct_form
    BaseTransientModelFormSet.clean = clean_formset
