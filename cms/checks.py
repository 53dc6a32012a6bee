"""System checks that validate every installed plugin against the contract.

Messages are module-level constants so tests compare against them, as Django's own
check tests do. Each says how to fix the problem.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import AppConfig
from django.core import checks
from django.db.models import Model
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.module_loading import import_string
from wagtail import blocks as wagtail_blocks
from wagtail.fields import StreamField

from cms.contract import Plugin

E001 = "Plugin '{plugin}' declares a hook that does not resolve: {error}."
E001_HINT = "Fix the dotted path in the plugin's AppConfig; it must name an existing object."
E002 = "Page type {model} of plugin '{plugin}' has no api_fields."
E002_HINT = (
    "Add `api_fields = [APIField('field'), ...]` to the model so the headless API exposes it "
    "(an empty list is allowed when the page has nothing beyond its title)."
)
E003 = "Page type {model} of plugin '{plugin}' has no template '{template}'."
E003_HINT = "Create the template in templates/<plugin>/ or set `template` on the model."
E004 = "Plugin '{plugin}' defines page types but no demo content."
E004_HINT = "Set `demo_content = 'yourapp.demo.build'` on the AppConfig (see docs/plugins.md)."
E005 = "Page type {model} is declared by more than one plugin: {plugins}."
E005_HINT = "Declare each page type in the page_models of the plugin that defines it, only."
E006 = "Page type {model} of plugin '{plugin}' does not subclass cms.models.TingstedPage."
E006_HINT = (
    "Inherit from cms.models.TingstedPage instead of wagtail.models.Page, so the page's URL "
    "uses its own site's language prefixes."
)
E007 = "Block '{path}' in {model}.{field} returns a bare id through the API ({block_class})."
E007_HINT = (
    "Use the shared blocks (blocks.media.ImageBlock, blocks.links.CallToActionBlock, "
    "blocks.media.AttachmentListBlock) or override get_api_representation so consumers get "
    "URLs and titles, not ids."
)
E008 = "Page type {model} of plugin '{plugin}' cannot be created anywhere."
E008_HINT = (
    "List it in the plugin's home_page_types, or give it parent_page_types that name a page "
    "type editors can create."
)

E010 = "Plugin '{plugin}' requires the plugin '{required}', which is not installed."
E010_HINT = (
    "Add the required plugin to INSTALLED_APPS (or install its package), or remove '{plugin}'."
)
E011 = "Plugin '{plugin}' declares a preload that cannot be used: {error}."
E011_HINT = "Return BulkModel and PageLoader objects naming installed models (docs/plugins.md)."
E020 = "The cache '{alias}' ({backend}) is kept by each app process to itself, and DEBUG is off."
E020_HINT = (
    "Set CACHE_URL to a Redis server shared by every process (redis://host:6379/0): with a "
    "per-process cache, rate limits count per process and each worker remembers its own "
    "answers (docs/deploy.md, 'Cache')."
)
E021 = "The media bucket '{bucket}' (STORAGES['{alias}']) cannot be used: {error}"
E021_HINT = (
    "Check AWS_STORAGE_BUCKET_NAME, the key pair (AWS_S3_ACCESS_KEY_ID, "
    "AWS_S3_SECRET_ACCESS_KEY) and AWS_S3_REGION_NAME or AWS_S3_ENDPOINT_URL; the bucket must "
    "exist and the key may read and write it (docs/deploy.md, 'Media and object storage')."
)

#: Wagtail's chooser blocks return ids from get_api_representation; a consumer would have
#: to make a second request per reference.
ID_ONLY_BLOCKS = (
    "wagtail.images.blocks.ImageChooserBlock",
    "wagtail.documents.blocks.DocumentChooserBlock",
    "wagtail.blocks.field_block.PageChooserBlock",
    "wagtail.snippets.blocks.SnippetChooserBlock",
)


def check_plugins(
    app_configs: Iterable[AppConfig] | None = None, **kwargs
) -> list[checks.CheckMessage]:
    """The registered system check: every installed plugin, plus duplicates across them."""
    from cms.plugins import registry

    plugins = list(registry)
    if app_configs is not None:
        labels = {config.label for config in app_configs}
        plugins = [plugin for plugin in plugins if plugin.label in labels]
    errors: list[checks.CheckMessage] = []
    errors += check_duplicate_page_models(list(registry))
    installed = {plugin.label for plugin in registry}
    for plugin in plugins:
        errors += check_plugin(plugin)
        errors += check_requirements(plugin, installed)
        errors += check_preload(plugin)
    return errors


def check_requirements(plugin: Plugin, installed: set[str]) -> list[checks.CheckMessage]:
    """cms.E010 for every plugin ``plugin`` requires that is not installed."""
    return [
        checks.Error(
            E010.format(plugin=plugin.label, required=required),
            hint=E010_HINT.format(plugin=plugin.label),
            id="cms.E010",
        )
        for required in plugin.requires
        if required not in installed
    ]


def check_preload(plugin: Plugin) -> list[checks.CheckMessage]:
    """cms.E011 when a plugin's preload declarations name no installed model."""
    from django.apps import apps

    from cms.contract import BulkModel, PageLoader

    if plugin.preload is None:
        return []
    problems = []
    try:
        declarations = list(plugin.preload())
    except Exception as exc:  # a plugin's bug: report it, do not crash start-up
        problems.append(f"calling it raised {exc!r}")
        declarations = []
    for declaration in declarations:
        if isinstance(declaration, BulkModel):
            name = declaration.model
        elif isinstance(declaration, PageLoader):
            name = declaration.page_model
        else:
            problems.append(f"{declaration!r} is neither a BulkModel nor a PageLoader")
            continue
        try:
            apps.get_model(name)
        except (LookupError, ValueError):
            problems.append(f"'{name}' is not an installed model")
    return [
        checks.Error(E011.format(plugin=plugin.label, error=problem), hint=E011_HINT, id="cms.E011")
        for problem in problems
    ]


def check_duplicate_page_models(plugins: Iterable[Plugin]) -> list[checks.CheckMessage]:
    """cms.E005 for every page type more than one plugin declares."""
    owners: dict[type, list[str]] = {}
    for plugin in plugins:
        for model in plugin.page_models:
            owners.setdefault(model, []).append(plugin.label)
    return [
        checks.Error(
            E005.format(model=model._meta.label, plugins=", ".join(labels)),
            hint=E005_HINT,
            obj=model,
            id="cms.E005",
        )
        for model, labels in owners.items()
        if len(labels) > 1
    ]


def check_plugin(plugin: Plugin) -> list[checks.CheckMessage]:
    """Validate one plugin's declaration: hooks, page types, templates and blocks."""
    from cms.models import TingstedPage

    errors = [
        checks.Error(E001.format(plugin=plugin.label, error=error), hint=E001_HINT, id="cms.E001")
        for error in plugin.errors
    ]
    if plugin.page_models and plugin.demo_content is None:
        errors.append(checks.Error(E004.format(plugin=plugin.label), hint=E004_HINT, id="cms.E004"))
    home_types = {*plugin.home_page_types, *(m for p in _all_plugins() for m in p.home_page_types)}
    for model in plugin.page_models:
        label = model._meta.label
        if getattr(model, "api_fields", None) is None:
            errors.append(
                checks.Error(
                    E002.format(model=label, plugin=plugin.label),
                    hint=E002_HINT,
                    obj=model,
                    id="cms.E002",
                )
            )
        # The class attribute Wagtail's PageBase fills in, not get_template(): checks run
        # before the database exists, and instantiating a page queries content types.
        template = getattr(model, "template", None) if not model._meta.abstract else None
        if template and not _template_exists(template):
            errors.append(
                checks.Error(
                    E003.format(model=label, plugin=plugin.label, template=template),
                    hint=E003_HINT,
                    obj=model,
                    id="cms.E003",
                )
            )
        if not issubclass(model, TingstedPage):
            errors.append(
                checks.Error(
                    E006.format(model=label, plugin=plugin.label),
                    hint=E006_HINT,
                    obj=model,
                    id="cms.E006",
                )
            )
        if (
            label != "cms.HomePage"
            and getattr(model, "is_creatable", True)
            and not _creatable_somewhere(model, home_types)
        ):
            errors.append(
                checks.Error(
                    E008.format(model=label, plugin=plugin.label),
                    hint=E008_HINT,
                    obj=model,
                    id="cms.E008",
                )
            )
        errors += check_stream_blocks(model)
    return errors


def check_stream_blocks(model: type[Model]) -> list[checks.CheckMessage]:
    """cms.E007 for every chooser block in the model's StreamFields that returns a bare id."""
    errors = []
    for field in model._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for path, block in _walk_blocks(field.stream_block, field.name):
            dotted = f"{type(block).__module__}.{type(block).__qualname__}"
            if isinstance(block, _id_only_blocks()) and not _overrides_api(block):
                errors.append(
                    checks.Error(
                        E007.format(
                            path=path, model=model._meta.label, field=field.name, block_class=dotted
                        ),
                        hint=E007_HINT,
                        obj=model,
                        id="cms.E007",
                    )
                )
    return errors


def _walk_blocks(block, path):
    """Yield (path, block) for every leaf reachable from ``block``.

    A struct, list or stream defined outside Wagtail that overrides get_api_representation
    takes charge of its children's output, so we do not descend into it.
    """
    if isinstance(block, wagtail_blocks.BaseStructBlock | wagtail_blocks.BaseStreamBlock):
        if _overrides_api(block):
            return
        for name, child in block.child_blocks.items():
            yield from _walk_blocks(child, f"{path}.{name}")
    elif isinstance(block, wagtail_blocks.ListBlock):
        if _overrides_api(block):
            return
        yield from _walk_blocks(block.child_block, f"{path}.item")
    else:
        yield path, block


def _overrides_api(block) -> bool:
    for cls in type(block).__mro__:
        if cls.__module__.startswith("wagtail."):
            return False
        if "get_api_representation" in cls.__dict__:
            return True
    return False


def _id_only_blocks() -> tuple[type, ...]:
    # Subclasses count too, unless they override get_api_representation themselves.
    return tuple(import_string(path) for path in ID_ONLY_BLOCKS)


def _creatable_somewhere(model, home_types: set[type]) -> bool:
    """Whether an editor can add ``model`` under some page type that can itself exist.

    Both sides must agree, as in Wagtail: the parent lists the child among its subpage
    types and the child lists the parent among its parent types. Home pages exist on every
    site (bootstrap creates them); they accept the plugins' ``home_page_types``.
    """
    from cms.models import HomePage

    try:
        parents = model.clean_parent_page_models()
    except (LookupError, ValueError):
        return False  # Wagtail's own checks report the bad parent_page_types.
    for parent in parents:
        if parent is HomePage:
            if model in home_types:
                return True
        elif parent.is_creatable and model in parent.clean_subpage_models():
            return True
    return False


def _template_exists(name: str) -> bool:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


def _all_plugins():
    from cms.plugins import registry

    return list(registry)


def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """cms.E020 (deployment check): a production cache that every process shares.

    The generation itself is safe without one (cms.generation keeps it in the database
    then), but rate limits and the response cache are not.
    """
    from django.conf import settings

    from cms.generation import NOT_SHARED_BACKENDS

    if settings.DEBUG:
        return []
    aliases = dict.fromkeys(
        [
            "default",
            getattr(settings, "TINGSTED_API_CACHE", "default"),
            getattr(settings, "RATELIMIT_USE_CACHE", "default"),
        ]
    )
    errors = []
    for alias in aliases:
        backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
        try:
            backend_class = import_string(backend)
        except ImportError:
            continue  # Django's own cache checks report it.
        if issubclass(backend_class, NOT_SHARED_BACKENDS):
            errors.append(
                checks.Error(
                    E020.format(alias=alias, backend=backend), hint=E020_HINT, id="cms.E020"
                )
            )
    return errors


def check_media_bucket(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """cms.E021 (deployment check): with MEDIA_STORAGE=s3, the bucket answers to the
    configured credentials, so a wrong name or key fails ``check --deploy`` rather than the
    first upload. One short request per bucket, no retries."""
    from botocore.config import Config
    from django.conf import settings
    from django.core.files.storage import storages

    from cms.storage import S3_BACKEND

    errors, seen = [], set()
    for alias, options in settings.STORAGES.items():
        if options.get("BACKEND") != S3_BACKEND:
            continue
        storage = storages[alias]
        place = (storage.bucket_name, storage.endpoint_url, storage.access_key)
        if place in seen:
            continue
        seen.add(place)
        config = storage.client_config.merge(
            Config(connect_timeout=3, read_timeout=5, retries={"total_max_attempts": 1})
        )
        try:
            client = storage._create_session().client(
                "s3",
                region_name=storage.region_name,
                use_ssl=storage.use_ssl,
                endpoint_url=storage.endpoint_url,
                config=config,
                verify=storage.verify,
            )
            client.head_bucket(Bucket=storage.bucket_name)
        except Exception as error:  # botocore's errors, and no credentials at all
            errors.append(
                checks.Error(
                    E021.format(bucket=storage.bucket_name, alias=alias, error=error),
                    hint=E021_HINT,
                    id="cms.E021",
                )
            )
    return errors
