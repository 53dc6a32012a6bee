"""Admin forms: agenda rules shown beside the field of the item that breaks them."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class MinutesPageForm(WagtailAdminPageForm):
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
            if not form.is_valid() or formset._should_delete_form(form):
                continue
            if not form.instance.pk and not form.has_changed():
                continue
            forms.append(form)
            rows.append(_Row(form.cleaned_data))
        status = cleaned_data.get("document_status")
        for index, field, message in minutes_errors(status, rows):
            forms[index].add_error(field, message)
        return cleaned_data


class _Row:
    """A formset row's cleaned data with the attributes the rules read."""

    def __init__(self, data: dict):
        self.number = data.get("number") or ""
        self.is_closed = bool(data.get("is_closed"))
        self.decision_outcome = data.get("decision_outcome") or ""
