"""The translation status overview: pages and snippets against locales, with exports."""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Site

from cms.public import csv_response, xlsx_response
from cms.public import plugin_registry as registry
from plugins.translation import status
from plugins.translation.permissions import translatable_snippet_models

PER_PAGE = 50
PERMISSION = "tingsted_translation.view_translation_status"


def _type_choices() -> list[tuple[str, str]]:
    """Page types and snippets grouped by the plugin that declares them."""
    choices: list[tuple[str, str]] = [("", gettext_lazy("All types"))]
    for plugin in registry:
        for model in plugin.page_models:
            choices.append(
                (
                    f"page:{model._meta.label_lower}",
                    f"{plugin.verbose_name}: {capfirst(model._meta.verbose_name)}",
                )
            )
    snippet_labels = {model._meta.label_lower for model in translatable_snippet_models()}
    for plugin in registry:
        for model in plugin.snippet_models:
            if model._meta.label_lower in snippet_labels:
                choices.append(
                    (
                        f"snippet:{model._meta.label_lower}",
                        f"{plugin.verbose_name}: {capfirst(model._meta.verbose_name_plural)}",
                    )
                )
    return choices


class StatusFilterForm(forms.Form):
    site = forms.ModelChoiceField(
        label=gettext_lazy("Site"),
        queryset=Site.objects.order_by("hostname"),
        required=False,
        empty_label=gettext_lazy("All sites"),
        help_text=gettext_lazy("Pages of one site (snippets are shared by all sites)."),
    )
    type = forms.ChoiceField(
        label=gettext_lazy("Type"),
        required=False,
        help_text=gettext_lazy("A page type or snippet, by plugin. Snippets are listed alone."),
    )
    locale = forms.ModelChoiceField(
        label=gettext_lazy("Locale"),
        queryset=Locale.objects.order_by("language_code"),
        to_field_name="language_code",
        required=False,
        empty_label=gettext_lazy("All locales"),
        help_text=gettext_lazy("Show one language only."),
    )
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        required=False,
        choices=[("", gettext_lazy("Any state"))]
        + [(state, status.STATE_LABELS[state]) for state in status.STATES],
        help_text=gettext_lazy("Rows with at least one translation in this state."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = _type_choices()


def _model_for(value: str):
    from django.apps import apps

    kind, _sep, label = value.partition(":")
    try:
        return kind, apps.get_model(label)
    except (LookupError, ValueError):
        return kind, None


def build_rows(form: StatusFilterForm, *, paginate: int | None, page_number: str | None, user=None):
    """(rows, locales, paginator page or None) for the filters in ``form``, listing only the
    pages ``user`` may see (:func:`status.visible_source_pages`)."""
    data = form.cleaned_data if form.is_valid() else {}
    locale = data.get("locale")
    locales = [locale] if locale else list(Locale.objects.order_by("language_code"))
    all_locales = list(Locale.objects.order_by("language_code"))
    wanted_state = data.get("state") or ""
    kind, model = _model_for(data.get("type") or "")

    if kind == "snippet" and model is not None:
        queryset = status.source_snippets(model)

        def rows_for(items):
            return status.snippet_rows(model, items, all_locales, user)
    else:
        roots = status.site_roots()
        content_type_ids = (
            [ContentType.objects.get_for_model(model).pk] if model is not None else None
        )
        site = data.get("site")
        queryset = status.visible_source_pages(
            status.source_pages(
                roots=roots, site_id=site.pk if site else None, content_type_ids=content_type_ids
            ),
            user,
        ).select_related("locale")

        def rows_for(items):
            return status.page_rows(items, all_locales, roots, user)

    codes = {item.language_code for item in locales}

    def matches(row) -> bool:
        return any(cell.state == wanted_state for code, cell in row.cells.items() if code in codes)

    if wanted_state:
        rows = [row for row in rows_for(queryset) if matches(row)]
        if paginate is None:
            return rows, locales, None
        page = Paginator(rows, paginate).get_page(page_number)
        return list(page.object_list), locales, page
    if paginate is None:
        return rows_for(queryset), locales, None
    page = Paginator(queryset, paginate).get_page(page_number)
    return rows_for(page.object_list), locales, page


def _table(rows, locales) -> list[list[str]]:
    header = [_("Title"), _("Type"), _("Site"), _("Source locale")]
    header += [locale.language_code for locale in locales]
    table = [header]
    for row in rows:
        line = [row.title, row.type_label, row.site, row.source_locale]
        line += [row.cells[locale.language_code].label for locale in locales]
        table.append(line)
    return table


def _csv(rows, locales) -> HttpResponse:
    return csv_response(_table(rows, locales), "translation-status")


def _xlsx(rows, locales) -> HttpResponse:
    return xlsx_response(_table(rows, locales), "translation-status", _("Translation status"))


def status_overview(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = StatusFilterForm(request.GET or None)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        rows, locales, _page = build_rows(form, paginate=None, page_number=None, user=request.user)
        return _csv(rows, locales) if export == "csv" else _xlsx(rows, locales)
    rows, locales, page = build_rows(
        form, paginate=PER_PAGE, page_number=request.GET.get("p"), user=request.user
    )
    for row in rows:
        row.ordered_cells = [row.cells[locale.language_code] for locale in locales]
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    return render(
        request,
        "tingsted_translation/status.html",
        {
            "form": form,
            "rows": rows,
            "locales": locales,
            "page_obj": page,
            "query": query.urlencode(),
            "states": [(state, status.STATE_LABELS[state]) for state in status.STATES],
            "header_title": _("Translation status"),
        },
    )
