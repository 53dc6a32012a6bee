from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class ExampleConfig(PluginConfig):
    """Declares every hook of the contract, each with the smallest thing that proves it."""

    name = "tingsted_example"
    label = "tingsted_example"
    verbose_name = _("Example plugin")

    page_models = ["tingsted_example.ExamplePage"]
    snippet_models = ["tingsted_example.ExampleNote"]
    home_page_types = ["tingsted_example.ExamplePage"]
    urls = "tingsted_example.urls"
    api_routers = "tingsted_example.api.routers"
    api_v2_endpoints = "tingsted_example.api.v2_endpoints"
    feeds = "tingsted_example.feeds.feeds"
    demo_content = "tingsted_example.demo.build"
    erase_personal_data = "tingsted_example.erasure.erase_personal_data"
    preload = "tingsted_example.preload.declarations"
    bench_data = "tingsted_example.bench.build"
    bench_endpoints = "tingsted_example.bench.endpoints"
    # Its demo pages sit beside the people plugin's; mostly here to prove the check.
    requires = ["people"]
