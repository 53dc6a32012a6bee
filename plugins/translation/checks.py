"""System check: every translatable page type and snippet decides its fields explicitly."""

from __future__ import annotations

from django.core import checks

W001 = (
    "{model} is translatable but does not declare override_translatable_fields, so "
    "wagtail-localize guesses which fields are translated and which are synchronized."
)
W001_HINT = (
    "Declare override_translatable_fields = [TranslatableField(...), "
    "SynchronizedField(..., overridable=False), ...] on the model (see docs/translation.md)."
)


def check_translatable_fields(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from plugins.translation.fields import content_models, decisions_for

    messages = []
    for model in content_models():
        if not decisions_for(model).declared:
            messages.append(
                checks.Warning(
                    W001.format(model=model._meta.label),
                    hint=W001_HINT,
                    obj=model,
                    id="tingsted_translation.W001",
                )
            )
    return messages
