"""Wagtail's database search backend, with PostgreSQL stemming in each page's own language.

Wagtail 8 delegates search to ``modelsearch``. Its PostgreSQL backend builds every
``tsvector`` and ``tsquery`` with one text search configuration (``SEARCH_CONFIG``, default:
the database's ``default_text_search_config``), so a Danish site would be stemmed as English.
This backend keeps everything else and changes only which configuration is used:

* **indexing**: an object with a locale (pages, translatable snippets) is indexed with the
  configuration of its language (``danish`` for da, ``swedish`` for sv, ``norwegian`` for nb
  and nn, ...), other objects with ``SEARCH_CONFIG``;
* **querying**: a search over a translatable model is parsed with the configuration of the
  language of the one locale it is filtered to (the API's ``?locale=``), else of the active
  language (the site search activates the page's language), other models with
  ``SEARCH_CONFIG``;
* **speed**: the words are matched through a GIN index on the entries' whole document (the
  migration ``0001_search_document_index``), and only the matches within the searched
  pages are ranked (:meth:`LanguageQueryCompiler.search`).

On SQLite and MySQL it is exactly Wagtail's database backend. Settings:
``{"BACKEND": "plugins.search.backends", "LANGUAGE_CONFIGS": {"fi": "finnish"}}``
adds to (or overrides) :data:`LANGUAGE_CONFIGS`. See docs/search.md.
"""

from __future__ import annotations

import copy
import functools

from django.db import connection
from django.db.models import F, FloatField, Func, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce
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


#: The function the search document's GIN index is built on (migration 0001): ``title || body``.
DOCUMENT_FUNCTION = "tingsted_search_document"


def _is_translatable(model) -> bool:
    return any(field.name == "locale" for field in model._meta.concrete_fields)


def filtered_language(queryset) -> str | None:
    """The language code of the one locale ``queryset`` is filtered to, if it is.

    An API search with ``?locale=en`` on the Danish site searches English pages, stemmed
    with the English configuration: parsed as Danish (the site's language), "meetings"
    would not find them. Read from the queryset's own filter (``.filter(locale=…)``, which
    Wagtail's locale filters apply before the search), AND-ed at the top, not negated.
    """
    from django.db.models.expressions import Col
    from django.db.models.lookups import Exact
    from django.db.models.sql.where import AND, WhereNode

    from cms.public import all_locales

    nodes = [queryset.query.where]
    while nodes:
        node = nodes.pop()
        if isinstance(node, WhereNode):
            if node.connector == AND and not node.negated:
                nodes.extend(node.children)
            continue
        if (
            isinstance(node, Exact)
            and isinstance(node.lhs, Col)
            and node.lhs.target.attname == "locale_id"
            and issubclass(queryset.model, node.lhs.target.model)
        ):
            locale_pk = getattr(node.rhs, "pk", node.rhs)
            for code, locale in all_locales().items():
                if locale.pk == locale_pk:
                    return code
    return None


def _has_own_content_type(model) -> bool:
    """Whether each row says its own type (Wagtail pages), the type it is indexed under."""
    from wagtail.models import Page

    return issubclass(model, Page)


@functools.cache
def postgres_backend_class():
    """The PostgreSQL backend class, defined on first use: its base classes import
    django.contrib.postgres, which SQLite deployments need not load."""
    PostgresIndex, PostgresSearchBackend, PostgresSearchQueryCompiler, _results = (
        _postgres_classes()
    )
    from django.contrib.postgres.search import SearchVectorField
    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from modelsearch.query import Fuzzy, MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.models import Locale

    class SearchDocument(Func):
        """An entry's title and body as one vector, as the GIN index holds it."""

        function = DOCUMENT_FUNCTION
        output_field = SearchVectorField()

    class Planned(Subquery):
        """A subquery PostgreSQL runs once and plans by itself: a materialized CTE is not
        merged into the outer query (where it would become an index lookup per row), and
        is read again, not run again, should the planner put it inside a loop (as it does
        when it has no statistics and expects a handful of pages)."""

        template = (
            "(WITH tingsted_matches AS MATERIALIZED (%(subquery)s) SELECT * FROM tingsted_matches)"
        )

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
                language = filtered_language(self.queryset) or translation.get_language()
                return backend.config_for(language)
            return backend.config

        def search(self, config, start, stop, score_field=None, backend=None):
            """Wagtail's search, planned so that PostgreSQL reads the index, not the table.

            Wagtail joins every searched row to its index entry and filters on
            ``title || body @@ query``, which no index covers: each search concatenated
            the vectors of all the site's pages (or of the whole table) before ranking.
            Here the entries that match are found first, through the GIN index on
            ``tingsted_search_document(title, body)``, in a subquery PostgreSQL runs once
            and plans on its own (:class:`Planned`); the searched rows are those among
            them, and each is ranked from its own entry, fetched by its key. Same matches,
            same ranks, same order as Wagtail's.
            """
            search_query = self._document_query(config)
            if search_query is None:
                return super().search(config, start, stop, score_field, backend)
            model = self.queryset.model
            entries = IndexEntry._default_manager.using(self.queryset.db).filter(
                content_type_id__in=get_descendants_content_types_pks(model)
            )
            matches = (
                entries.annotate(_document=SearchDocument(F("title"), F("body")))
                .filter(_document=search_query)
                .values(_object=Cast("object_id", model._meta.pk))
            )
            queryset = self.queryset.filter(pk__in=Planned(matches))
            # The rank, read only where the results are ordered by relevance or scored.
            own_entry = entries.filter(
                object_id=Cast(OuterRef("pk"), IndexEntry._meta.get_field("object_id"))
            )
            if _has_own_content_type(model):
                # A page is indexed under its own (most specific) type: one key to look up
                # instead of one per page type.
                own_entry = own_entry.filter(content_type_id=OuterRef("content_type_id"))
            vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
            rank = own_entry.annotate(_rank=self._build_rank_expression(vectors, config))
            rank_expression = Coalesce(
                Subquery(rank.values("_rank")[:1], output_field=FloatField()),
                Value(0.0),
            )
            return self._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )

        def _document_query(self, config):
            """The tsquery to match with the document index, or None where Wagtail's own
            search applies (all or no rows, fuzzy matching, chosen fields)."""
            if self.fields is not None or isinstance(self.query, (MatchAll, Fuzzy)):
                return None
            if isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll):
                return None
            return self.build_tsquery(self.query, config=config)

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
