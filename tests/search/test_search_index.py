"""Search on PostgreSQL: found through the document's GIN index, stemmed per language, and a
constant number of queries however many pages match (docs/search.md, "Speed")."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's full-text search and GIN index."
    ),
]

INDEX = "tingsted_search_document_gin"


def result_links(response) -> list[str]:
    return re.findall(r'<li><h2><a href="([^"]+)">', response.content.decode())


@pytest.fixture
def blogs(home, locales):
    return {
        language: BlogIndexPageFactory(parent=home(language), slug="blog")
        for language in ("da", "sv", "nb")
    } | {"da-en": BlogIndexPageFactory(parent=home("da", "en"), slug="blog")}


def search_plans(get) -> list[str]:
    """EXPLAIN of every full-text query a request makes, with table scans ruled out.

    A handful of test rows is read faster from the table than from any index, so the
    planner is told not to scan tables: what remains shows which index the query can use.
    """
    with CaptureQueriesContext(connection) as queries:
        response = get()
    assert response.status_code == 200
    statements = [query["sql"] for query in queries.captured_queries if "@@" in query["sql"]]
    assert statements
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            for sql in statements:
                cursor.execute(f"EXPLAIN {sql}")
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
        finally:
            cursor.execute("RESET enable_seqscan")
    return plans


@pytest.mark.parametrize(
    "path", ["/search/?q=havnebadet", "/api/v2/pages/?search=havnebadet&limit=20"]
)
def test_site_and_api_search_find_the_words_through_the_gin_index(host_client, blogs, path):
    for number in range(3):
        BlogPostPageFactory(parent=blogs["da"], excerpt=f"Havnebadet åbner {number}.")
    BlogPostPageFactory(parent=blogs["da"], excerpt="Cykelstier.")
    plans = search_plans(lambda: host_client.get("da", path))
    for plan in plans:
        # Every query that matches words reads the index of the whole document (title and
        # body), not each page's entry one by one.
        assert f"Bitmap Index Scan on {INDEX}" in plan, plan
        assert "Seq Scan on wagtailsearch_indexentry" not in plan, plan


@pytest.mark.parametrize(
    ("site", "path", "text", "query"),
    [
        ("da", "/search/", "Kommunerne samarbejder om havnen.", "kommune"),
        ("sv", "/search/", "Kommunerna samarbetar om hamnen.", "kommun"),
        ("nb", "/search/", "Kommunene samarbeider om havnen.", "kommune"),
        ("da", "/en/search/", "The councils are meeting about the harbour.", "council"),
    ],
)
def test_an_inflected_word_finds_the_page_in_the_sites_language(
    host_client, blogs, site, path, text, query
):
    parent = blogs["da-en" if path.startswith("/en/") else site]
    BlogPostPageFactory(parent=parent, slug="samarbejde", title="Nyt", excerpt=text)
    prefix = "/en" if path.startswith("/en/") else ""
    assert result_links(host_client.get(site, f"{path}?q={query}")) == [
        f"{prefix}/blog/samarbejde/"
    ]


@pytest.mark.parametrize("api", ["/api/v2/pages/", "/api/v3/pages/"])
def test_api_search_in_another_locale_is_stemmed_in_that_locales_language(host_client, blogs, api):
    """``?locale=en`` on the Danish site: English pages, English stemming (not Danish)."""
    post = BlogPostPageFactory(
        parent=blogs["da-en"], slug="meetings", excerpt="The councils are meeting."
    )
    BlogPostPageFactory(parent=blogs["da"], slug="moeder", excerpt="Møderne i rådet.")
    response = host_client.get("da", f"{api}?search=meetings&locale=en")
    assert response.status_code == 200
    body = response.json()
    assert post.pk in [item["id"] for item in body.get("items", body.get("results", []))]


@pytest.mark.parametrize(
    "path", ["/search/?q=vindmøller", "/api/v2/pages/?search=vindmøller&limit=20"]
)
def test_the_queries_of_a_search_do_not_grow_with_its_hits(
    host_client, blogs, django_assert_max_num_queries, path
):
    BlogPostPageFactory(parent=blogs["da"], slug="en", excerpt="Vindmøller.")
    with CaptureQueriesContext(connection) as one_hit:
        assert host_client.get("da", path).status_code == 200
    for number in range(15):
        BlogPostPageFactory(parent=blogs["da"], slug=f"p{number}", excerpt="Vindmøller.")
    with django_assert_max_num_queries(len(one_hit.captured_queries)):
        response = host_client.get("da", path)
    assert response.status_code == 200
    assert "p14" in response.content.decode()
