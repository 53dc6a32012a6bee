"""Settings helpers for translation, importable from cms/settings.py (no Django imports)."""

from __future__ import annotations

from typing import Any

#: wagtail-localize's DeepL translator with DeepL's refusals told apart (cms/i18n/machine.py).
DEEPL_CLASS = "cms.i18n.machine.DeepLTranslator"
OFFLINE_CLASS = "cms.i18n.machine.OfflineTranslator"


def machine_translator_setting(
    deepl_api_key: str = "",
    *,
    offline: bool = True,
    formality: str = "",
    api_url: str = "",
    timeout: int | None = None,
) -> dict[str, Any] | None:
    """The value for ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``.

    DeepL with ``deepl_api_key``; otherwise the offline translator, or none at all when
    ``offline`` is False (production without a key: no "Machine translate" button).
    ``api_url`` replaces DeepL's own address (keys ending ``:fx`` use the free API's);
    ``timeout`` is how many seconds a translator waits for DeepL (wagtail-localize's 30).
    """
    if deepl_api_key:
        options: dict[str, Any] = {"AUTH_KEY": deepl_api_key}
        if formality:
            options["FORMALITY"] = formality
        if api_url:
            options["API_URL"] = api_url
        if timeout:
            options["TIMEOUT"] = timeout
        return {"CLASS": DEEPL_CLASS, "OPTIONS": options}
    if offline:
        return {"CLASS": OFFLINE_CLASS, "OPTIONS": {}}
    return None
