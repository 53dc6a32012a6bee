"""Admin forms: agenda rules shown beside the field of the item that breaks them, and closed
items kept from editors who may not read them."""

from __future__ import annotations

from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils.translation import gettext as _

from cms.public import TingstedPageForm

#: Form fields of an agenda item row that are machinery, not content.
_FORMSET_FIELDS = ("id", DELETION_FIELD_NAME, ORDERING_FIELD_NAME)


class MinutesPageForm(TingstedPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from plugins.minutes.access import can_see_closed_items

        #: Rows of stored closed items whose content this user may not see.
        self.withheld_forms = []
        formset = self.formsets.get("agenda_items")
        if formset is None or can_see_closed_items(self.for_user):
            return
        for form in formset.forms:
            # ``form.instance`` is the stored item the row's id points to (from the server's
            # copy of the page, never from the posted data); a new row has no pk.
            if form.instance.pk and form.instance.is_closed:
                withhold_closed_content(form)
                self.withheld_forms.append(form)

    def clean(self):
        cleaned_data = super().clean()
        from plugins.minutes.validation import minutes_errors

        formset = self.formsets.get("agenda_items")
        if formset is None:
            return cleaned_data
        forms, rows = [], []
        for form in formset.forms:
            # Rows with their own errors already say so; deleted and untouched extra rows
            # are not part of the agenda.
            if not form.is_valid():
                continue
            if formset._should_delete_form(form):
                if form in self.withheld_forms:
                    self.add_error(
                        None,
                        _(
                            "Item %(number)s is a closed item: only people allowed to see "
                            "closed items can remove it."
                        )
                        % {"number": form.instance.number},
                    )
                continue
            if not form.instance.pk and not form.has_changed():
                continue
            forms.append(form)
            rows.append(_Row(form.cleaned_data, form.instance))
        status = cleaned_data.get("document_status")
        for index, field, message in minutes_errors(status, rows):
            forms[index].add_error(field if field in forms[index].fields else None, message)
        return cleaned_data


def withhold_closed_content(form) -> None:
    """Take everything but a closed item's public fields out of its row.

    Removed fields are neither shown nor read from the posted data, so saving the page
    keeps the stored values (the form's instance is the stored item). The nested formsets
    (participants, attachments) are removed too and so keep their stored rows. The "closed"
    box stays visible but locked: unticking it would publish the content.
    """
    from plugins.minutes.panels import CLOSED_ITEM_PUBLIC_FIELDS

    for name in list(form.fields):
        if name not in CLOSED_ITEM_PUBLIC_FIELDS and name not in _FORMSET_FIELDS:
            del form.fields[name]
    if "is_closed" in form.fields:
        form.fields["is_closed"].disabled = True
        form.fields["is_closed"].help_text = _(
            "The content of this closed item is hidden: you are not allowed to see closed "
            "items. Saving the page keeps it unchanged."
        )
    form.formsets = {}


class _Row:
    """A formset row's cleaned data with the attributes the rules read (the stored item's
    values for fields the row does not carry)."""

    def __init__(self, data: dict, instance=None):
        def value(name):
            if name in data:
                return data.get(name)
            return getattr(instance, name, None)

        self.number = value("number") or ""
        self.is_closed = bool(value("is_closed"))
        self.decision_outcome = value("decision_outcome") or ""
