from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class NetworksConfig(PluginConfig):
    """Policy networks: membership terms, moderators, programme and an interest form."""

    name = "plugins.networks"
    label = "networks"
    verbose_name = _("Networks")

    page_models = ["networks.NetworkIndexPage", "networks.NetworkPage"]
    home_page_types = ["networks.NetworkIndexPage"]
    api_routers = "plugins.networks.api.routers"
    demo_content = "plugins.networks.demo.build"
    erase_personal_data = "plugins.networks.erasure.erase_personal_data"
    # Its programme lists meetings; its moderators and venues are people.
    requires = ["people", "meetings"]
    preload = "plugins.networks.preload.declarations"
    bench_endpoints = "plugins.networks.bench.endpoints"
