"""Which fields of each translatable model are translated and which are synchronized.

The decision is wagtail-localize's: each model may declare ``override_translatable_fields``
(``TranslatableField`` / ``SynchronizedField``) and wagtail-localize derives the rest from
field types. This module reads the result back for the documentation, the system check
and ``manage.py translation_fields``, so docs/translation.md lists what the code does.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from wagtail.models import get_translatable_models
from wagtail_localize.fields import get_translatable_fields

#: Page fields wagtail-localize handles itself and editors never see as content.
_INTERNAL = {"translation_key", "locale", "live", "has_unpublished_changes", "draft_title"}


@dataclass(frozen=True)
class FieldDecision:
    name: str
    label: str
    #: "translated", "synchronized" (the translator may override it) or "locked"
    #: (synchronized, never overridable: changing it in the source is the only way).
    kind: str


@dataclass(frozen=True)
class ModelDecisions:
    model: type[models.Model]
    declared: bool
    fields: tuple[FieldDecision, ...]

    @property
    def label(self) -> str:
        return self.model._meta.label

    def names(self, kind: str) -> list[str]:
        return [field.name for field in self.fields if field.kind == kind]


def decisions_for(model: type[models.Model]) -> ModelDecisions:
    found = []
    for translatable_field in get_translatable_fields(model):
        name = translatable_field.field_name
        if name in _INTERNAL:
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:
            label = name
        else:
            label = str(getattr(field, "verbose_name", name))
        if translatable_field.is_translated(model):
            kind = "translated"
        elif getattr(translatable_field, "overridable", True):
            kind = "synchronized"
        else:
            kind = "locked"
        found.append(FieldDecision(name=name, label=label, kind=kind))
    declared = any("override_translatable_fields" in vars(cls) for cls in model.__mro__)
    return ModelDecisions(model=model, declared=declared, fields=tuple(found))


def content_models() -> list[type[models.Model]]:
    """Translatable pages and snippets of Tingsted and its plugins (not Wagtail's own)."""
    from cms.public import plugin_registry as registry

    plugin_models = {
        model for plugin in registry for model in (*plugin.page_models, *plugin.snippet_models)
    }
    return sorted(
        (
            model
            for model in get_translatable_models(include_subclasses=True)
            if model in plugin_models
        ),
        key=lambda model: model._meta.label,
    )


def markdown_table(models_to_list: list[type[models.Model]] | None = None) -> str:
    """The per-model field table that docs/translation.md includes."""
    lines = []
    for model in content_models() if models_to_list is None else models_to_list:
        decisions = decisions_for(model)
        lines.append(f"### {model._meta.verbose_name.capitalize()} (`{decisions.label}`)")
        lines.append("")
        for kind, title in (
            ("translated", "Translated"),
            ("locked", "Synchronized, locked"),
            ("synchronized", "Synchronized, overridable"),
        ):
            names = decisions.names(kind)
            if names:
                lines.append(f"- {title}: " + ", ".join(f"`{name}`" for name in names))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
