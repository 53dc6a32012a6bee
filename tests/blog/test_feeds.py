"""RSS and Atom feeds: parse, right items, language and absolute URLs on the page's own site."""

from __future__ import annotations

import datetime

import feedparser
import pytest

from tests.factories.blog import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    NewsPageFactory,
)
from tests.factories.cms import ImageFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(blog):
    older = BlogPostPageFactory(
        parent=blog,
        title="Ældre indlæg",
        slug="aeldre",
        date=datetime.date(2025, 2, 1),
        tags=["bolig"],
        authors=[PersonFactory(name="Ane Forfatter", locale=blog.locale)],
    )
    newer = BlogPostPageFactory(
        parent=blog,
        title="Nyt indlæg",
        slug="nyt",
        date=datetime.date(2025, 3, 1),
        hero_image=ImageFactory(),
    )
    BlogPostPageFactory(parent=blog, title="Kladde", slug="kladde", live=False)
    return older, newer


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_parses_with_live_items_newest_first_on_the_sites_own_host(host_client, posts, kind):
    response = host_client.get("da", f"/blog/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert [entry.title for entry in feed.entries] == ["Nyt indlæg", "Ældre indlæg"]
    assert [entry.link for entry in feed.entries] == [
        "http://dk.localhost/blog/nyt/",
        "http://dk.localhost/blog/aeldre/",
    ]
    assert feed.feed.link == "http://dk.localhost/blog/"
    if kind == "rss":
        assert feed.feed.language == "da"
        assert feed.entries[0].published_parsed[:3] == (2025, 3, 1)
    else:
        assert 'xml:lang="da"' in response.content.decode()
        # Atom items carry when they were last changed as well as when they were published.
        assert "<updated>2025-06-01T09:00:00+00:00</updated>" in response.content.decode()
        assert feed.entries[0].published_parsed[:3] == (2025, 3, 1)
    assert feed.entries[1].author == "Ane Forfatter"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_hero_image_is_an_enclosure_with_length_and_type(host_client, posts, kind):
    feed = feedparser.parse(host_client.get("da", f"/blog/feed/{kind}/").content)
    enclosures = feed.entries[0].enclosures
    assert len(enclosures) == 1
    assert enclosures[0].href.startswith("http://dk.localhost/media/images/")
    assert int(enclosures[0].length) > 0
    assert enclosures[0].type.startswith("image/")
    assert feed.entries[1].enclosures == []


def test_tag_feed_has_only_the_tagged_posts(host_client, posts):
    feed = feedparser.parse(host_client.get("da", "/blog/feed/rss/?tag=bolig").content)
    assert [entry.title for entry in feed.entries] == ["Ældre indlæg"]
    assert feed.feed.link == "http://dk.localhost/blog/?tag=bolig"


def test_translation_has_its_own_feed_in_its_language_under_its_prefix(host_client, blog, locales):
    english = BlogIndexPageFactory(
        parent=blog.get_parent().get_translation(locales["en"]), title="Blog", slug="blog"
    )
    BlogPostPageFactory(parent=english, title="English post", slug="english")
    BlogPostPageFactory(parent=blog, title="Dansk indlæg")
    feed = feedparser.parse(host_client.get("da", "/en/blog/feed/rss/").content)
    assert feed.feed.language == "en"
    assert [entry.link for entry in feed.entries] == ["http://dk.localhost/en/blog/english/"]


def test_news_feed_lists_articles(host_client, news):
    NewsPageFactory(parent=news, title="Konference i november", slug="konference")
    feed = feedparser.parse(host_client.get("da", "/nyheder/feed/atom/").content)
    assert [entry.link for entry in feed.entries] == ["http://dk.localhost/nyheder/konference/"]


def test_every_page_head_advertises_the_feeds_of_its_site_and_language(host_client, blog, news):
    body = host_client.get("da", "/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Blog (RSS)" '
        'href="http://dk.localhost/blog/feed/rss/">' in body
    )
    assert 'href="http://dk.localhost/nyheder/feed/atom/"' in body
    assert "/blog/feed/" not in host_client.get("sv", "/").content.decode()
    assert "/blog/feed/" not in host_client.get("da", "/en/").content.decode()


def test_feed_links_are_remembered_until_content_changes(host_client, blog, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.blog import NewsIndexPageFactory

    host_client.get("da", "/")
    with CaptureQueriesContext(connection) as remembered:
        host_client.get("da", "/")
    assert not any("blog_blogindexpage" in query["sql"] for query in remembered.captured_queries)
    press = NewsIndexPageFactory(parent=home("da"), title="Presse", slug="presse", live=False)
    press.save_revision().publish()  # what an editor does: publishing renews the links
    assert (
        'href="http://dk.localhost/presse/feed/rss/"' in host_client.get("da", "/").content.decode()
    )


def test_filtered_index_advertises_the_filtered_feed(host_client, posts):
    body = host_client.get("da", "/blog/?tag=bolig").content.decode()
    assert 'href="http://dk.localhost/blog/feed/rss/?tag=bolig"' in body


def test_feed_of_an_unpublished_blog_is_not_found(host_client, blog, posts):
    blog.unpublish()
    assert host_client.get("da", "/blog/feed/rss/").status_code == 404


def test_every_atom_entry_has_an_author(host_client, posts):
    """RFC 4287: an entry without authors takes the feed's; the feed had none."""
    response = host_client.get("da", "/blog/feed/atom/")
    feed = feedparser.parse(response.content)
    assert feed.feed.author  # the site's name
    body = response.content.decode()
    head = body[: body.index("<entry>")]
    assert "<author><name>" in head


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_reader_polling_again_gets_a_304(host_client, client, posts, kind, admin_user):
    first = host_client.get("da", f"/blog/feed/{kind}/")
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["ETag"]
    again = host_client.get("da", f"/blog/feed/{kind}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    client.force_login(admin_user)  # a session's answer is never shared
    assert host_client.get("da", f"/blog/feed/{kind}/")["Cache-Control"] == "private, no-store"
