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
    # The installed plugins (what they declare), e.g. to list their page types and snippets.
    "plugin_registry": "cms.plugins",
    # The page base class every page type subclasses, and the base of its admin form.
    "TingstedPage": "cms.models",
    "TingstedPageForm": "cms.models",
    # The core's generic page of text (terms, privacy, about), for plugins to link to and
    # their demos to create.
    "ContentPage": "cms.models",
    # The base of a plugin's child rows an editor orders (InlinePanel): saved without a sort
    # order, a row goes after its siblings, on every database (cms/rows.py).
    "OrderedRow": "cms.rows",
    "numbering_migration": "cms.rows",
    # Demo content: the context a plugin's demo builder gets (its helpers find, create and
    # translate; docs/plugins.md "Demo content"), and the core's welcome text.
    "DemoContext": "cms.demo",
    "DemoSite": "cms.demo",
    "DemoContentMissing": "cms.demo",
    "HOME_WELCOME": "cms.demo",
    # Creating translations through wagtail-localize (cms/i18n/localize.py).
    "translate": "cms.i18n.localize",
    "save_target": "cms.i18n.localize",
    "record_strings": "cms.i18n.localize",
    # A machine translator that gave no translations, with the reason for the translator.
    "MachineTranslationFailed": "cms.i18n.machine",
    # A name typed in a block (a speaker, an organisation): never offered for translation.
    "ProperNameBlock": "cms.i18n.names",
    # Sites, languages and what rendered pages remember per content generation.
    "site_time_zone": "cms.sites",
    "site_language": "cms.sites",
    "active_locale": "cms.sites",
    "all_locales": "cms.sites",
    "in_own_language": "cms.sites",
    "PAGES": "cms.memo",
    "host_key": "cms.memo",
    "bump_generation": "cms.generation",
    # What a rendered page shows that changes with the date, not the content (cms/pagecache.py).
    "answer_valid_until": "cms.pagecache",
    # The request-scoped loader: rows pages show, fetched in bulk and localised (docs/plugins.md).
    "request_scope": "cms.loading",
    "localized": "cms.loading",
    "localize": "cms.loading",
    "ensure_preloaded": "cms.loading",
    "PreloadedChooserMixin": "cms.loading",
    # An image's renditions, or None when its original file is missing: the answer goes on
    # without it and is not cached (cms/renditions.py).
    "renditions_of": "cms.renditions",
    "rendition_of": "cms.renditions",
    # Who may see what (docs/access.md).
    "public_pages": "cms.visibility",
    "editable_pages": "cms.visibility",
    "is_shareable": "cms.visibility",
    "web_principal": "cms.visibility",
    "machine_principal": "cms.visibility",
    "can_see_closed": "cms.visibility",
    # One of each: structured data, search text, spreadsheets, rate limits.
    "to_script": "cms.jsonld",
    "plain_words": "cms.search_text",
    # Rich text as plain text that keeps paragraphs and lists (calendars, JSON-LD, summaries).
    "plain_text": "cms.text",
    # Dates and times as each language writes them, in the site's time zone (cms/formatting.py,
    # docs/translation.md); machine fields stay ISO 8601.
    "format_date": "cms.formatting",
    "format_time": "cms.formatting",
    "format_datetime": "cms.formatting",
    "format_time_range": "cms.formatting",
    "format_date_range": "cms.formatting",
    "format_datetime_range": "cms.formatting",
    "SafeSpreadsheetExportMixin": "cms.exports",
    "csv_response": "cms.exports",
    "xlsx_response": "cms.exports",
    "conditional_response": "cms.conditional",
    "rate_limit": "cms.ratelimits",
    # The benchmark harness (the bench_data and bench_endpoints hooks). It is not installed
    # in production: import these only inside the functions `make bench` calls.
    "BenchContext": "cms.bench.data",
    "BenchEndpoint": "cms.bench.endpoints",
}

#: Public names that differ from the name in the defining module.
_SOURCE_NAMES = {"rate_limit": "check", "plugin_registry": "registry", "BenchEndpoint": "Endpoint"}

__all__ = sorted(EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module = EXPORTS[name]
    except KeyError:
        raise AttributeError(f"cms.public has no '{name}' (see cms.public.EXPORTS)") from None
    source_name = _SOURCE_NAMES.get(name, name)
    value = getattr(import_module(module), source_name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # for type checkers and editors; the names above are lazy at run time
    # ruff: noqa: F401
    from cms.bench.data import BenchContext
    from cms.bench.endpoints import Endpoint as BenchEndpoint
    from cms.conditional import conditional_response
    from cms.contract import BulkModel, ErasureReport, FeedLink, PageLoader, PluginConfig
    from cms.demo import HOME_WELCOME, DemoContentMissing, DemoContext, DemoSite
    from cms.exports import SafeSpreadsheetExportMixin, csv_response, xlsx_response
    from cms.formatting import (
        format_date,
        format_date_range,
        format_datetime,
        format_datetime_range,
        format_time,
        format_time_range,
    )
    from cms.generation import bump_generation
    from cms.i18n.localize import record_strings, save_target, translate
    from cms.i18n.machine import MachineTranslationFailed
    from cms.i18n.names import ProperNameBlock
    from cms.jsonld import to_script
    from cms.loading import (
        PreloadedChooserMixin,
        ensure_preloaded,
        localize,
        localized,
        request_scope,
    )
    from cms.memo import PAGES, host_key
    from cms.models import ContentPage, TingstedPage, TingstedPageForm
    from cms.pagecache import answer_valid_until
    from cms.plugins import registry as plugin_registry
    from cms.ratelimits import check as rate_limit
    from cms.renditions import rendition_of, renditions_of
    from cms.rows import OrderedRow, numbering_migration
    from cms.search_text import plain_words
    from cms.sites import (
        active_locale,
        all_locales,
        in_own_language,
        site_language,
        site_time_zone,
    )
    from cms.text import plain_text
    from cms.visibility import (
        can_see_closed,
        editable_pages,
        is_shareable,
        machine_principal,
        public_pages,
        web_principal,
    )
