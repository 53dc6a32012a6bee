"""What a plugin may use of the core: the one module plugins import from ``cms``.

Everything a plugin needs of the core is named here (``from cms.public import TingstedPage,
PluginConfig, …``); every other ``cms`` module is the core's own and may change without
notice. The import contract in ``.importlinter`` holds Tingsted's plugins to it, and
docs/plugins.md lists the names.

Names are looked up when first used (PEP 562), so importing this module from a plugin's
models imports nothing the app registry is not ready for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

#: Public name -> the core module that defines it.
EXPORTS: dict[str, str] = {
    # The plugin contract (cms/contract.py, docs/plugins.md).
    "PluginConfig": "cms.contract",
    "FeedLink": "cms.contract",
    "BulkModel": "cms.contract",
    "PageLoader": "cms.contract",
    "ErasureReport": "cms.contract",
    # The page base class every page type subclasses, and the base of its admin form.
    "TingstedPage": "cms.models",
    "TingstedPageForm": "cms.models",
    # Demo content: the context a plugin's demo builder gets, and translating into it.
    "DemoContext": "cms.demo",
    "DemoSite": "cms.demo",
    "translate": "cms.translation.localize",
    # Sites, languages and what rendered pages remember per content generation.
    "site_time_zone": "cms.sites",
    "PAGES": "cms.memo",
    "active_locale": "cms.memo",
    "host_key": "cms.memo",
    "bump_generation": "cms.generation",
    # Who may see what (docs/access.md).
    "public_pages": "cms.visibility",
    "is_shareable": "cms.visibility",
    "web_principal": "cms.visibility",
    "machine_principal": "cms.visibility",
    "can_see_closed": "cms.visibility",
    # One of each: structured data, search text, spreadsheets, rate limits.
    "to_script": "cms.jsonld",
    "plain_words": "cms.search_text",
    "SafeSpreadsheetExportMixin": "cms.exports",
    "rate_limit": "cms.ratelimits",
}

__all__ = sorted(EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module = EXPORTS[name]
    except KeyError:
        raise AttributeError(f"cms.public has no '{name}' (see cms.public.EXPORTS)") from None
    source_name = "check" if name == "rate_limit" else name
    value = getattr(import_module(module), source_name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # for type checkers and editors; the names above are lazy at run time
    # ruff: noqa: F401
    from cms.contract import BulkModel, ErasureReport, FeedLink, PageLoader, PluginConfig
    from cms.demo import DemoContext, DemoSite
    from cms.exports import SafeSpreadsheetExportMixin
    from cms.generation import bump_generation
    from cms.jsonld import to_script
    from cms.memo import PAGES, active_locale, host_key
    from cms.models import TingstedPage, TingstedPageForm
    from cms.ratelimits import check as rate_limit
    from cms.search_text import plain_words
    from cms.sites import site_time_zone
    from cms.translation.localize import translate
    from cms.visibility import (
        can_see_closed,
        is_shareable,
        machine_principal,
        public_pages,
        web_principal,
    )
