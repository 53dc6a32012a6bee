"""The blog index: newest first, paginated, filters that combine, bad input never a 500."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories.blog import BlogCategoryFactory, BlogPostPageFactory
from tests.factories.cms import ImageFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'<h2 id="post-\d+"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_posts_are_listed_newest_first_ten_per_page(blog, host_client):
    for day in range(1, 24):
        BlogPostPageFactory(parent=blog, title=f"Post {day:02d}", date=datetime.date(2025, 1, day))
    first = host_client.get("da", "/blog/")
    assert titles(first) == [f"Post {day:02d}" for day in range(23, 13, -1)]
    third = host_client.get("da", "/blog/?page=3")
    assert titles(third) == ["Post 03", "Post 02", "Post 01"]
    assert 'href="?page=2" rel="prev"' in third.content.decode()


def _title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def test_each_page_of_the_list_has_its_own_title(blog, host_client):
    for day in range(1, 24):
        BlogPostPageFactory(parent=blog, title=f"Post {day:02d}", date=datetime.date(2025, 1, day))
    first, second = host_client.get("da", "/blog/"), host_client.get("da", "/blog/?page=2")
    assert "Side" not in _title(first)
    assert _title(second).startswith(f"{blog.title} – Side 2 af 3")


def test_each_item_shows_excerpt_date_authors_owner_and_read_more(blog, locales, host_client):
    guest = PersonFactory(name="Karin Gæst", is_external=True, locale=locales["da"])
    owner = PersonFactory(name="Klara Ansvarlig", locale=locales["da"])
    BlogPostPageFactory(
        parent=blog,
        title="Mentorer virker",
        slug="mentorer",
        excerpt="Fjorten fik job.",
        date=datetime.date(2025, 3, 4),
        authors=[guest],
        page_owner=owner,
    )
    body = host_client.get("da", "/blog/").content.decode()
    assert "Fjorten fik job." in body
    assert '<time datetime="2025-03-04">' in body
    assert "Karin Gæst" in body and "gæsteskribent" in body  # "guest author"
    assert "Klara Ansvarlig" in body
    assert 'class="read-more" href="/blog/mentorer/"' in body


def test_filters_combine_and_pagination_keeps_them(blog, locales, host_client):
    welfare = BlogCategoryFactory(name="Velfærd", slug="velfaerd", locale=locales["da"])
    other = BlogCategoryFactory(name="Demokrati", slug="demokrati", locale=locales["da"])
    for number in range(12):
        BlogPostPageFactory(
            parent=blog,
            title=f"Match {number}",
            date=datetime.date(2024, 5, 1 + number),
            categories=[welfare],
            tags=["bolig"],
        )
    BlogPostPageFactory(
        parent=blog,
        title="Wrong year",
        date=datetime.date(2025, 5, 1),
        categories=[welfare],
        tags=["bolig"],
    )
    BlogPostPageFactory(
        parent=blog,
        title="Wrong category",
        date=datetime.date(2024, 5, 1),
        categories=[other],
        tags=["bolig"],
    )
    BlogPostPageFactory(
        parent=blog, title="No tag", date=datetime.date(2024, 5, 1), categories=[welfare]
    )

    response = host_client.get("da", "/blog/?tag=bolig&category=velfaerd&year=2024")
    body = response.content.decode()
    assert titles(response) == [f"Match {number}" for number in range(11, 1, -1)]
    assert 'href="?tag=bolig&amp;category=velfaerd&amp;year=2024&amp;page=2" rel="next"' in body
    second = host_client.get("da", "/blog/?tag=bolig&category=velfaerd&year=2024&page=2")
    assert titles(second) == ["Match 1", "Match 0"]


@pytest.mark.parametrize("query", ["?tag=unknown", "?category=nope", "?year=x", "?year=1850"])
def test_a_filter_without_matches_says_so(blog, host_client, query):
    BlogPostPageFactory(parent=blog, title="Some post", tags=["bolig"])
    response = host_client.get("da", f"/blog/{query}")
    assert response.status_code == 200
    assert titles(response) == []
    assert "Intet passer til disse filtre." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?page=abc", 404),
        ("?page=0", 404),
        ("?page=-1", 404),
        ("?page=9999", 404),
        ("?page=2", 404),
        ("?page=1.5", 404),
        ("?page=1", 200),
        ("?year=20x5", 200),
        ("?year=99999999999999999999", 200),
        ("?tag=%00", 200),
        ("?tag=" + "x" * 5000, 200),
        ("?category=%3Cscript%3E", 200),
        ("?tag=a&tag=b", 200),
        ("?page=", 404),
    ],
)
def test_bad_parameters_never_give_a_server_error(blog, host_client, query, status):
    BlogPostPageFactory(parent=blog)
    assert host_client.get("da", f"/blog/{query}").status_code == status


def test_drafts_and_private_posts_are_not_listed(blog, host_client):
    BlogPostPageFactory(parent=blog, title="Public post")
    BlogPostPageFactory(parent=blog, title="Draft post", live=False)
    private = BlogPostPageFactory(parent=blog, title="Private post")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(host_client.get("da", "/blog/")) == ["Public post"]


def test_empty_blog_says_nothing_is_published_yet(blog, host_client):
    response = host_client.get("da", "/blog/")
    assert response.status_code == 200
    assert "Der er ikke udgivet noget her endnu." in response.content.decode()


def _add_posts(blog, count: int, categories) -> None:
    for number in range(count):
        BlogPostPageFactory(
            parent=blog,
            # One author in the page's language, one whose row is in another language and
            # must be localised: both kinds are fetched in bulk.
            authors=[PersonFactory(locale=blog.locale), PersonFactory(is_external=True)],
            page_owner=PersonFactory(),
            categories=categories,
            tags=[f"tag{number}", "shared"],
            hero_image=ImageFactory(),
        )


def _count_queries(host_client) -> tuple[int, int]:
    host_client.get("da", "/blog/")  # renditions are generated on the first view
    with CaptureQueriesContext(connection) as queries:
        response = host_client.get("da", "/blog/")
    return len(queries), len(titles(response))


def test_query_count_does_not_grow_with_the_number_of_posts(blog, host_client):
    blog.per_page = 20
    blog.save()
    categories = [BlogCategoryFactory(locale=blog.locale), BlogCategoryFactory()]
    _add_posts(blog, 2, categories)
    few, shown = _count_queries(host_client)
    assert shown == 2
    _add_posts(blog, 8, categories)
    many, shown = _count_queries(host_client)
    assert shown == 10
    assert many == few
