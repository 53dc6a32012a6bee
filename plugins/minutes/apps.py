from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class MinutesConfig(PluginConfig):
    """Councils, their meetings' agendas and minutes, closed items, open data exports."""

    name = "plugins.minutes"
    label = "minutes"
    verbose_name = _("Council minutes")

    page_models = ["minutes.CouncilPage", "minutes.MinutesPage"]
    home_page_types = ["minutes.CouncilPage"]
    urls = "plugins.minutes.urls"
    api_routers = "plugins.minutes.api.routers"
    feeds = "plugins.minutes.feeds.feed_links"
    demo_content = "plugins.minutes.demo.build"
    requires = ["people"]
    preload = "plugins.minutes.preload.declarations"
    bench_endpoints = "plugins.minutes.bench.endpoints"

    def ready(self) -> None:
        super().ready()
        from plugins.minutes.documents import register_closed_attachments_policy

        register_closed_attachments_policy()
