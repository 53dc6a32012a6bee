from django.utils.translation import gettext_lazy as _

from cms.contract import PluginConfig


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

    def ready(self) -> None:
        super().ready()
        from blocks.prefetch import register_page_hook
        from plugins.minutes import signals
        from plugins.minutes.attachments import register_closed_attachments_policy
        from plugins.minutes.models import MinutesPage
        from plugins.minutes.presentation import preload_minutes

        signals.connect()
        register_closed_attachments_policy()
        register_page_hook(MinutesPage, preload_minutes)
