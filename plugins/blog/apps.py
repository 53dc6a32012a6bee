from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class BlogConfig(PluginConfig):
    """Blogs and news: index pages, posts, articles, categories, news types and feeds."""

    name = "plugins.blog"
    label = "blog"
    verbose_name = _("Blog and news")

    page_models = ["blog.BlogIndexPage", "blog.BlogPostPage", "blog.NewsIndexPage", "blog.NewsPage"]
    snippet_models = ["blog.BlogCategory", "blog.NewsType"]
    home_page_types = ["blog.BlogIndexPage", "blog.NewsIndexPage"]
    feeds = "plugins.blog.listing.feed_links"
    demo_content = "plugins.blog.demo.build"
    requires = ["people"]
    preload = "plugins.blog.preload.declarations"

    def ready(self) -> None:
        super().ready()
        from wagtail.signals import page_published

        from plugins.blog.signals import fill_publish_date

        page_published.connect(fill_publish_date, dispatch_uid="blog-fill-publish-date")
