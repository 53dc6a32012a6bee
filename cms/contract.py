"""The plugin contract: everything a Tingsted plugin can declare, in one place.

A plugin is a Django app whose ``AppConfig`` subclasses :class:`PluginConfig`. It declares
its hooks as class attributes holding dotted paths, so nothing is imported before Django's
app registry is ready; ``ready()`` resolves them into a frozen :class:`Plugin` and registers
it with :data:`cms.plugins.registry`. Nothing registers as an import side effect.

Tingsted's own plugins (people, networks, meetings, blog, minutes, search, the translation
workflow, and the core ``cms`` app) use exactly this contract. If one of them needs a back door, the contract lacks a hook.

``PluginConfig`` sets ``default = False`` and its subclasses get ``default = True``, so a
plugin's ``apps.py`` may import the base class and Django still picks the plugin's own
config when the app is listed by module path (or found through an entry point).

Every hook below has a section in ``docs/plugins.md`` and a ``test_hook_<name>`` test, and
every convention (:data:`CONVENTIONS`: what a plugin does the Wagtail or Django way instead
of declaring it) a section and a ``test_convention_<name>`` test;
``tests/cms/test_contract_docs.py`` fails when one is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest
    from ninja import Router
    from wagtail.models import Locale, Page, Site

    from cms.bench.data import BenchContext
    from cms.bench.endpoints import Endpoint as BenchEndpoint
    from cms.demo import DemoContext


@dataclass(frozen=True)
class FeedLink:
    """A feed a plugin offers for a site and language, advertised in every page's head."""

    title: str
    url: str
    #: ``application/rss+xml``, ``application/atom+xml`` or ``text/calendar``.
    content_type: str


@dataclass(frozen=True)
class ErasureReport:
    """What a plugin erased (or, in a dry run, would erase) of one person's data."""

    #: ``app_label.ModelName`` of the rows concerned, e.g. ``networks.InterestSubmission``.
    model: str
    #: What happens to them, e.g. "deleted" or "e-mail address cleared".
    action: str
    count: int


@dataclass(frozen=True)
class BulkModel:
    """A model the request-scoped loader fetches in bulk for a whole list (people, venues).

    Every reference to it from a page's StreamField (through a chooser that reads the
    preload) or from a foreign key in ``api_fields`` is then fetched once per response,
    in the languages in play, instead of once per item.
    """

    #: ``app_label.ModelName``.
    model: str
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    #: Foreign keys whose targets are preloaded too (they must be bulk models themselves).
    follow: tuple[str, ...] = ()
    #: Foreign keys to images: their renditions are fetched with everything else's.
    images: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageLoader:
    """Code that attaches, in bulk, what only its plugin knows how to fetch for a list of
    pages of one type (a meeting's network, a post's related posts).

    ``load(pages, preload, fields)`` gets the pages of ``page_model`` (or a subclass) in the
    list, the preload (``preload.want(model, ids)`` asks for bulk models' rows), and the
    field names being served (None for all).
    """

    #: ``app_label.ModelName`` of the page type.
    page_model: str
    load: Callable[[list, Any, set[str] | None], None]


@dataclass(frozen=True)
class Plugin:
    """What one installed plugin adds to Tingsted, resolved from its :class:`PluginConfig`."""

    label: str
    verbose_name: str
    #: The app's Python path (``plugins.networks``), shown by ``manage.py plugins``.
    module: str
    page_models: tuple[type[Page], ...] = ()
    snippet_models: tuple[type[Model], ...] = ()
    home_page_types: tuple[type[Page], ...] = ()
    urls: str | None = None
    api_routers: Callable[[], Sequence[tuple[str, Router]]] | None = None
    api_v2_endpoints: Callable[[], Sequence[tuple[str, Any]]] | None = None
    feeds: Callable[[HttpRequest, Site, Locale], Sequence[FeedLink]] | None = None
    demo_content: Callable[[DemoContext], None] | None = None
    erase_personal_data: Callable[[str, bool], Sequence[ErasureReport]] | None = None
    preload: Callable[[], Sequence[BulkModel | PageLoader]] | None = None
    requires: tuple[str, ...] = ()
    # --- benchmark hooks (see "Benchmark hooks" below) ---
    bench_data: Callable[[BenchContext], None] | None = None
    bench_endpoints: Callable[[], Sequence[BenchEndpoint]] | None = None
    #: Problems found while resolving the declaration; reported by the system checks
    #: instead of crashing start-up, so ``manage.py check`` can say how to fix them.
    errors: tuple[str, ...] = field(default=(), compare=False)


#: The hooks a plugin may declare, with the signature each dotted path must resolve to.
#: This is the list the documentation test walks.
HOOKS: dict[str, str] = {
    "page_models": "Sequence[str]: 'app_label.ModelName' of every page type the plugin defines.",
    "snippet_models": "Sequence[str]: 'app_label.ModelName' of every snippet the plugin defines.",
    "home_page_types": "Sequence[str]: page types an editor may add directly under a site's "
    "home page; every other page type must name its own parent_page_types.",
    "urls": "str: dotted path of a URLconf module mounted on every site, inside the language "
    "prefix (so '/en/calendar.ics' and '/calendar.ics' both work).",
    "api_routers": "str: dotted path of a callable () -> [(prefix, ninja.Router)]; each router "
    "is added to Wagtail's API v3 at /api/v3/<prefix>.",
    "api_v2_endpoints": "str: dotted path of a callable () -> [(name, endpoint class)]; each is "
    "registered on API v2 at /api/v2/<name>/.",
    "feeds": "str: dotted path of a callable (request, site, locale) -> [FeedLink]; the feeds "
    "are advertised with <link rel=alternate> in every page's head.",
    "demo_content": "str: dotted path of a callable (DemoContext) -> None that builds the "
    "plugin's demo pages on every site in every locale, idempotently.",
    "erase_personal_data": "str: dotted path of a callable (email, dry_run) -> [ErasureReport]; "
    "removes every trace of that e-mail address from the plugin's models (or, with dry_run, "
    "only counts them). Run by `manage.py erase_personal_data`.",
    "preload": "str: dotted path of a callable () -> [BulkModel | PageLoader]: the models "
    "the request-scoped loader fetches in bulk for lists of pages, and the page types whose "
    "lists the plugin completes in bulk itself.",
    "requires": "Sequence[str]: labels of the plugins this one needs (e.g. 'people'); a system "
    "check (cms.E010) names any that is not installed.",
}


# --- Benchmark hooks ------------------------------------------------------------------------
# ``make bench`` (cms/bench/, docs/benchmarks.md) is a tool beside the runtime: production
# does not install it. Its hooks resolve like the others (a typo is cms.E001), so the modules
# they name must import nothing of cms.bench at module level; the harness hands a builder its
# BenchContext, and an endpoints function imports ``cms.public.BenchEndpoint`` when called.

BENCH_HOOKS: dict[str, str] = {
    "bench_data": "str: dotted path of a callable (BenchContext) -> None that adds the plugin's "
    "share of the benchmark dataset in bulk (context.page_share(label) pages with "
    "context.tree, snippets it owns); plugins without one get generic pages of their "
    "page_models.",
    "bench_endpoints": "str: dotted path of a callable () -> [BenchEndpoint]: addresses "
    "`make bench` measures besides the built-in ones; an endpoint with a built-in's key "
    "replaces it.",
}
HOOKS.update(BENCH_HOOKS)


# --- Conventions ----------------------------------------------------------------------------
# Extension points a plugin uses by following a convention of Wagtail or Django instead of
# declaring a hook on its AppConfig. Each has a section in docs/plugins.md and a
# ``test_convention_<name>`` test, which tests/cms/test_contract_docs.py checks as it checks
# the hooks.

CONVENTIONS: dict[str, str] = {
    "search_summary": "A page type's search_summary() is the plain text shown under it in "
    "site search results. TingstedPage's returns the editor's search description, else the "
    "text of the field named by the class attribute search_summary_field (a text or rich text "
    "field); a page type sets search_summary_field or overrides the method.",
    "template_tags": "A plugin's template tags and filters live in its own library, "
    "<plugin>/templatetags/<plugin>_tags.py, loaded with {% load <plugin>_tags %}; the core's "
    "libraries (tingsted, l10n_tags, structured_data) name no plugin.",
}


class PluginConfig(AppConfig):
    """Base ``AppConfig`` for Tingsted plugins.

    Subclass it in the plugin's ``apps.py`` and set the hooks you need (see :data:`HOOKS`).
    Plugins are discovered through Django's app registry: add the app to INSTALLED_APPS,
    or let a pip-installed package add itself through the ``tingsted.plugins`` entry-point
    group (the entry point's value is the app's module path).
    """

    default_auto_field = "django.db.models.BigAutoField"

    #: Django picks the AppConfig of ``apps.py`` automatically only when the module holds
    #: exactly one subclass marked as default. A plugin's ``apps.py`` imports this base
    #: class too, so the base opts out and every subclass opts back in (see
    #: ``__init_subclass__``); without this Django silently falls back to a plain AppConfig
    #: and the plugin is never registered.
    default = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "default" not in cls.__dict__:
            cls.default = True

    page_models: Sequence[str] = ()
    snippet_models: Sequence[str] = ()
    home_page_types: Sequence[str] = ()
    urls: str | None = None
    api_routers: str | None = None
    api_v2_endpoints: str | None = None
    feeds: str | None = None
    demo_content: str | None = None
    erase_personal_data: str | None = None
    preload: str | None = None
    requires: Sequence[str] = ()
    # Benchmark hooks (BENCH_HOOKS).
    bench_data: str | None = None
    bench_endpoints: str | None = None

    def ready(self) -> None:
        from django.apps import apps as global_apps

        from cms.plugins import registry

        if self.apps is not global_apps:
            # An isolated app registry (django.test.utils.isolate_apps) runs ready() again;
            # the process-wide registry and the API must only see the real one.
            return
        # Registering is all: the API reads the registry when its URLs load (its routers,
        # api/v3.py), never while the apps are loading.
        registry.register(self.build_plugin())

    def build_plugin(self) -> Plugin:
        """Resolve the dotted paths of the hooks into a :class:`Plugin`."""
        errors: list[str] = []

        def models(names: Sequence[str]) -> tuple[type[Model], ...]:
            found = []
            for name in names:
                try:
                    found.append(self.apps.get_model(name))
                except (LookupError, ValueError):
                    errors.append(f"'{name}' is not an installed model")
            return tuple(found)

        def callable_at(hook: str) -> Callable | None:
            path = getattr(self, hook)
            if not path:
                return None
            try:
                target = import_string(path)
            except ImportError as exc:
                errors.append(f"{hook} = '{path}' cannot be imported ({exc})")
                return None
            if not callable(target):
                errors.append(f"{hook} = '{path}' is not callable")
                return None
            return target

        def urlconf() -> str | None:
            # Imported now so a typo is a check error, not a 500 on every page later.
            if not self.urls:
                return None
            try:
                module = import_module(self.urls)
            except ImportError as exc:
                errors.append(f"urls = '{self.urls}' cannot be imported ({exc})")
                return None
            if not hasattr(module, "urlpatterns"):
                errors.append(f"urls = '{self.urls}' has no urlpatterns")
                return None
            return self.urls

        return Plugin(
            label=self.label,
            verbose_name=str(self.verbose_name),
            module=self.name,
            page_models=models(self.page_models),
            snippet_models=models(self.snippet_models),
            home_page_types=models(self.home_page_types),
            urls=urlconf(),
            api_routers=callable_at("api_routers"),
            api_v2_endpoints=callable_at("api_v2_endpoints"),
            feeds=callable_at("feeds"),
            demo_content=callable_at("demo_content"),
            erase_personal_data=callable_at("erase_personal_data"),
            preload=callable_at("preload"),
            requires=tuple(self.requires),
            bench_data=callable_at("bench_data"),
            bench_endpoints=callable_at("bench_endpoints"),
            errors=tuple(errors),
        )
