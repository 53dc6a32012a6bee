"""Site search: current site and language only, live public pages only, odd input handled."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory

pytestmark = pytest.mark.django_db


def result_links(response) -> list[str]:
    return re.findall(r'<li><h2><a href="([^"]+)">', response.content.decode())


@pytest.fixture
def blogs(home, locales):
    """A blog on the Danish site in Danish and in English, and one on the Swedish site."""
    return {
        "da": BlogIndexPageFactory(parent=home("da"), slug="blog"),
        "da-en": BlogIndexPageFactory(parent=home("da", "en"), slug="blog"),
        "sv": BlogIndexPageFactory(parent=home("sv"), slug="blog"),
    }


def test_finds_pages_of_every_type_on_this_site_and_language_only(host_client, blogs):
    BlogPostPageFactory(parent=blogs["da"], slug="her", excerpt="Om havnebadet i byen.")
    BlogPostPageFactory(parent=blogs["da-en"], slug="english", excerpt="About havnebadet.")
    BlogPostPageFactory(parent=blogs["sv"], slug="sverige", excerpt="Om havnebadet i Sverige.")
    assert result_links(host_client.get("da", "/search/?q=havnebadet")) == ["/blog/her/"]
    assert result_links(host_client.get("da", "/en/search/?q=havnebadet")) == ["/en/blog/english/"]
    assert result_links(host_client.get("sv", "/search/?q=havnebadet")) == ["/blog/sverige/"]


def test_drafts_and_private_pages_are_never_found(host_client, blogs):
    BlogPostPageFactory(parent=blogs["da"], slug="offentlig", excerpt="Cykelstier overalt.")
    BlogPostPageFactory(
        parent=blogs["da"], slug="kladde", excerpt="Cykelstier i kladde.", live=False
    )
    private = BlogPostPageFactory(parent=blogs["da"], slug="privat", excerpt="Cykelstier privat.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert result_links(host_client.get("da", "/search/?q=cykelstier")) == ["/blog/offentlig/"]


def test_results_are_paginated(host_client, blogs):
    for number in range(12):
        BlogPostPageFactory(parent=blogs["da"], slug=f"p{number}", excerpt="Vindmøller.")
    first = host_client.get("da", "/search/?q=vindmøller")
    second = host_client.get("da", "/search/?q=vindm%C3%B8ller&page=2")
    assert len(result_links(first)) == 10
    assert len(result_links(second)) == 2
    assert 'href="?q=vindm%C3%B8ller&amp;page=2" rel="next"' in first.content.decode()


def test_empty_query_shows_the_form_without_results(host_client, blogs):
    response = host_client.get("da", "/search/?q=++")
    assert response.status_code == 200
    assert "Skriv et eller flere ord" in response.content.decode()  # "Type one or more words"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "(",
        "a AND",
        "OR",
        "NOT x",
        "NEAR(a b)",
        "x*",
        "col:val",
        "^x",
        "%00",
        "%25%27%22%3B--",
        "&|!",
        "a" * 1000,
        "💡 idé",
        "-x",
        "+x",
    ],
)
def test_odd_queries_never_give_a_server_error(host_client, blogs, query):
    BlogPostPageFactory(parent=blogs["da"], excerpt="Noget tekst.")
    assert host_client.get("da", f"/search/?q={query}").status_code == 200


@pytest.mark.parametrize(("page", "status"), [("abc", 404), ("0", 404), ("99", 404), ("1", 200)])
def test_bad_page_numbers_are_not_found(host_client, blogs, page, status):
    BlogPostPageFactory(parent=blogs["da"], excerpt="Noget tekst.")
    assert host_client.get("da", f"/search/?q=tekst&page={page}").status_code == status


@pytest.mark.postgres
def test_danish_words_are_found_by_another_inflection_on_postgresql(host_client, blogs):
    if connection.vendor != "postgresql":
        pytest.skip("Stemming needs PostgreSQL's text search configurations.")
    BlogPostPageFactory(parent=blogs["da"], slug="kommuner", excerpt="Kommunerne samarbejder.")
    assert result_links(host_client.get("da", "/search/?q=kommune")) == ["/blog/kommuner/"]


@pytest.mark.postgres
def test_pages_are_indexed_with_their_own_languages_configuration(blogs):
    if connection.vendor != "postgresql":
        pytest.skip("Per-language configurations are a PostgreSQL feature.")
    from modelsearch.conf import get_app_config
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert backend.config_for("da") == "danish"
    assert backend.config_for("sv") == "swedish"
    assert backend.config_for("nb") == "norwegian"
    assert backend.config_for("is") == "simple"
    post = BlogPostPageFactory(
        parent=blogs["sv"], slug="kommuner", excerpt="Kommunerna samarbetar."
    )
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body::text FROM {table} WHERE object_id = %s", [str(post.pk)])
        vectors = " ".join(row[0] for row in cursor.fetchall())
    # Swedish stemming reduces "kommunerna" to "kommun"; the default English one would not.
    assert "'kommun'" in vectors


def result_summaries(response) -> list[str]:
    return re.findall(r"</a></h2><p>([^<]*)</p></li>", response.content.decode())


def test_a_minutes_pages_introduction_shows_under_its_result(host_client, home):
    """Each page type says which text sums it up (search_summary); minutes say theirs."""
    from tests.factories.minutes import CouncilPageFactory, MinutesPageFactory

    council = CouncilPageFactory(parent=home("da"), slug="byraad")
    MinutesPageFactory(
        parent=council,
        title="Byrådsmøde om havnebadet",
        introduction="Byrådet drøfter havnebadet og cykelstierne.",
    )
    response = host_client.get("da", "/search/?q=havnebadet")
    assert result_summaries(response) == ["Byrådet drøfter havnebadet og cykelstierne."]


def test_rich_text_summaries_show_as_plain_words_and_the_search_description_wins(host_client, home):
    from tests.factories.minutes import CouncilPageFactory

    CouncilPageFactory(
        parent=home("da"),
        slug="ungeraad",
        title="Ungerådet for havnebadet",
        description="<p>Rådgiver <b>byrådet</b> om havnebadet &amp; stranden.</p>",
    )
    CouncilPageFactory(
        parent=home("da"),
        slug="seniorraad",
        title="Seniorrådet for havnebadet",
        search_description="Ældre borgeres råd.",
    )
    summaries = result_summaries(host_client.get("da", "/search/?q=havnebadet"))
    assert sorted(summaries) == [
        "Rådgiver byrådet om havnebadet &amp; stranden.",
        "Ældre borgeres råd.",
    ]
