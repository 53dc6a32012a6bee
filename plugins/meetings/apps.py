from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class MeetingsConfig(PluginConfig):
    """Meetings and conferences: status, programme of sessions, iCalendar and Event data."""

    name = "plugins.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    page_models = ["meetings.MeetingPage", "meetings.EventIndexPage"]
    home_page_types = ["meetings.EventIndexPage"]
    urls = "plugins.meetings.urls"
    api_routers = "plugins.meetings.api.routers"
    feeds = "plugins.meetings.feeds.feeds"
    demo_content = "plugins.meetings.demo.build"
    requires = ["people"]
    preload = "plugins.meetings.preload.declarations"
    bench_endpoints = "plugins.meetings.bench.endpoints"

    def ready(self) -> None:
        super().ready()
        from wagtail.signals import page_published

        from plugins.meetings.models import count_publish

        page_published.connect(count_publish, dispatch_uid="meetings.count_publish")
