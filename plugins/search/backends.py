"""Wagtail's database search backend, with PostgreSQL stemming in each page's own language.

Wagtail 8 delegates search to ``modelsearch``. Its PostgreSQL backend builds every
``tsvector`` and ``tsquery`` with one text search configuration (``SEARCH_CONFIG``, default:
the database's ``default_text_search_config``), so a Danish site would be stemmed as English.
This backend keeps everything else and changes only which configuration is used:

* **indexing**: an object with a locale (pages, translatable snippets) is indexed with the
  configuration of its language (``danish`` for da, ``swedish`` for sv, ``norwegian`` for nb
  and nn, ...), other objects with ``SEARCH_CONFIG``;
* **querying**: a search over a translatable model is parsed with the configuration of the
  active language (the site search activates the page's language), other models with
  ``SEARCH_CONFIG``.

On SQLite and MySQL it is exactly Wagtail's database backend. Settings:
``{"BACKEND": "plugins.search.backends", "LANGUAGE_CONFIGS": {"fi": "finnish"}}``
adds to (or overrides) :data:`LANGUAGE_CONFIGS`. See docs/search.md.
"""

from __future__ import annotations

import copy
import functools

from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

#: Language code -> PostgreSQL text search configuration (all ship with PostgreSQL).
#: Languages without one (Icelandic, Faroese) fall back to "simple": no stemming, but exact
#: words still match.
LANGUAGE_CONFIGS = {
    "da": "danish",
    "sv": "swedish",
    "nb": "norwegian",
    "nn": "norwegian",
    "no": "norwegian",
    "fi": "finnish",
    "en": "english",
    "de": "german",
    "fr": "french",
    "nl": "dutch",
    "es": "spanish",
}
FALLBACK_CONFIG = "simple"


# Wagtail looks the factory up by this name.
def SearchBackend(params):
    if connection.vendor == "postgresql":
        return postgres_backend_class()(params)
    return DatabaseSearchBackend(params)


def _postgres_classes():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )

    return PostgresIndex, PostgresSearchBackend, PostgresSearchQueryCompiler, PostgresSearchResults


def _is_translatable(model) -> bool:
    return any(field.name == "locale" for field in model._meta.concrete_fields)


@functools.cache
def postgres_backend_class():
    """The PostgreSQL backend class, defined on first use: its base classes import
    django.contrib.postgres, which SQLite deployments need not load."""
    PostgresIndex, PostgresSearchBackend, PostgresSearchQueryCompiler, _results = (
        _postgres_classes()
    )
    from wagtail.models import Locale

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            objs = list(objs)
            if not objs or not _is_translatable(model):
                return super().add_items(model, objs)
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            groups: dict[str, list] = {}
            for obj in objs:
                config = self.backend.config_for(languages.get(obj.locale_id))
                groups.setdefault(config, []).append(obj)
            for config, group in groups.items():
                # The parent class reads the configuration from self.backend; give it a
                # shallow copy per language rather than mutating shared state.
                backend = copy.copy(self.backend)
                backend.config = config
                index = copy.copy(self)
                index.backend = backend
                PostgresIndex.add_items(index, model, group)

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            if _is_translatable(self.queryset.model):
                return backend.config_for(translation.get_language())
            return backend.config

    class LanguageAutocompleteCompiler(PostgresSearchBackend.autocomplete_query_compiler_class):
        pass

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        index_class = LanguageIndex

        def __init__(self, params):
            super().__init__(params)
            self.language_configs = {**LANGUAGE_CONFIGS, **params.get("LANGUAGE_CONFIGS", {})}

        def config_for(self, language: str | None) -> str:
            if not language:
                return self.config or FALLBACK_CONFIG
            language = language.lower()
            return (
                self.language_configs.get(language)
                or self.language_configs.get(language.split("-")[0])
                or FALLBACK_CONFIG
            )

    return LanguagePostgresSearchBackend
