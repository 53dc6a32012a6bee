"""Settings helpers for translation, importable from cms/settings.py (no Django imports)."""

from __future__ import annotations

from typing import Any

DEEPL_CLASS = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
OFFLINE_CLASS = "cms.i18n.machine.OfflineTranslator"


def machine_translator_setting(
    deepl_api_key: str = "", *, offline: bool = True, formality: str = ""
) -> dict[str, Any] | None:
    """The value for ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``.

    DeepL with ``deepl_api_key``; otherwise the offline translator, or none at all when
    ``offline`` is False (production without a key: no "Machine translate" button).
    """
    if deepl_api_key:
        options: dict[str, Any] = {"AUTH_KEY": deepl_api_key}
        if formality:
            options["FORMALITY"] = formality
        return {"CLASS": DEEPL_CLASS, "OPTIONS": options}
    if offline:
        return {"CLASS": OFFLINE_CLASS, "OPTIONS": {}}
    return None
