"""The blog plugin's demo: a blog and news on every site, in its language and English."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Site

from plugins.blog.models import BlogIndexPage, BlogPostPage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def test_demo_builds_blogs_and_news_everywhere_and_a_second_run_changes_nothing(demo, host_client):
    for site in Site.objects.all():
        home = site.root_page
        for language in {home.locale.language_code, "en"}:
            root = home.get_translation(Locale.objects.get(language_code=language))
            blogs = BlogIndexPage.objects.child_of(root).live()
            news = NewsIndexPage.objects.child_of(root).live()
            assert blogs.count() == 1 and news.count() == 1
            posts = BlogPostPage.objects.child_of(blogs.get()).live()
            assert posts.count() >= 12
            assert posts.filter(authors__person__is_external=True).exists()
            assert posts.values("tagged_items__tag").distinct().count() >= 3
            assert posts.values("categories").distinct().count() >= 3
            assert NewsPage.objects.child_of(news.get()).live().count() >= 6

    for site_language, path in [
        ("da", "/blog/"),
        ("sv", "/bloggen/"),
        ("nb", "/blogg/"),
        ("en", "/blog/"),
        ("nb", "/nyheter/nordic-conference-on-integration/"),
        ("sv", "/en/news/"),
        ("da", "/blog/feed/atom/"),
    ]:
        assert host_client.get(site_language, path).status_code == 200, path

    # The second `build_demo` ran every plugin's builder (the blog's too) and created nothing.
    assert "nothing changed" in demo.second_output
