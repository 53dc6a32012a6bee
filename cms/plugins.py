"""Plugin discovery and the registry of installed plugins.

Discovery has two doors, both ending in Django's app registry:

* an app listed in ``INSTALLED_APPS`` whose ``AppConfig`` subclasses
  :class:`cms.contract.PluginConfig`;
* a pip-installed package that names its app in the ``tingsted.plugins`` entry-point
  group; ``cms/settings.py`` appends those to ``INSTALLED_APPS``, so installing the
  package is all it takes.

This module is imported by the settings, so it must not import Django models at the top.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wagtail.models import Page

    from cms.contract import Plugin

ENTRY_POINT_GROUP = "tingsted.plugins"


def discover_entry_point_plugins() -> list[str]:
    """Return the app paths that installed distributions declare as Tingsted plugins."""
    return sorted({entry_point.value for entry_point in entry_points(group=ENTRY_POINT_GROUP)})


class PluginRegistry:
    """The plugins registered by their ``AppConfig.ready()``, in INSTALLED_APPS order."""

    def __init__(self) -> None:
        self._plugins: dict[str, Plugin] = {}

    def register(self, plugin: Plugin) -> None:
        # Django refuses duplicate app labels before we get here, so a label seen twice
        # means ready() ran twice (tests re-running it): the newer declaration wins.
        self._plugins[plugin.label] = plugin

    def unregister(self, label: str) -> None:
        self._plugins.pop(label, None)

    def __iter__(self):
        return iter(list(self._plugins.values()))

    def __len__(self) -> int:
        return len(self._plugins)

    def get(self, label: str) -> Plugin | None:
        return self._plugins.get(label)

    def page_models(self) -> list[type[Page]]:
        return [model for plugin in self for model in plugin.page_models]

    def home_page_types(self) -> list[type[Page]]:
        return [model for plugin in self for model in plugin.home_page_types]

    def plugin_for_model(self, model: type) -> Plugin | None:
        for plugin in self:
            if model in plugin.page_models or model in plugin.snippet_models:
                return plugin
        return None


#: The one registry of the running process.
registry = PluginRegistry()
