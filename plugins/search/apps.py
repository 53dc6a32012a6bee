from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class SearchConfig(PluginConfig):
    """Site search: one page per site and language that searches every plugin's pages."""

    name = "plugins.search"
    label = "tingsted_search"
    verbose_name = _("Site search")

    urls = "plugins.search.urls"
