"""Every admin list with a search box answers a search, on SQLite as on PostgreSQL.

Found by typing into the blog categories' search box on the SQLite demo: any word answered
500, "no such column: name". The listing restricts the search to its named fields, which
Wagtail's database search backend turns into an FTS5 column filter the SQLite index has no
column for. People, organisations and venues already searched their small tables with plain
ORM lookups; blog categories now do too.
"""

from __future__ import annotations

import pytest
from django.urls import get_resolver, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from tests.factories.blog import BlogCategoryFactory
from tests.factories.people import PersonFactory, VenueFactory

pytestmark = pytest.mark.django_db


def _searchable_lists() -> list[ModelViewSet]:
    # The registry fills when the admin's URLs are first built (Wagtail's register_admin_urls).
    get_resolver().resolve("/admin/")
    return [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(viewset, ModelViewSet)
        and viewset.model._meta.app_label in {"blog", "people", "networks", "api", "cms"}
        and viewset.search_fields
    ]


def test_the_project_lists_with_a_search_box_are_all_checked():
    labels = {viewset.model._meta.label for viewset in _searchable_lists()}
    assert {
        "blog.BlogCategory",
        "people.Person",
        "people.Organisation",
        "people.Venue",
        "networks.InterestSubmission",
    } <= labels


@pytest.fixture
def one_of_each(locales):
    """A row in each searchable table: an empty search index answers before the query fails."""
    BlogCategoryFactory(name="Harbour bathing", locale=locales["da"])
    PersonFactory(name="Harbour master")  # with an organisation
    VenueFactory(name="Harbour hall")


@pytest.mark.parametrize("word", ["harbour", "x", "1.5", "-99999999999999999999"])
def test_each_searchable_list_answers_a_search(word, admin_client, one_of_each):
    for viewset in _searchable_lists():
        url = viewset.menu_url
        response = admin_client.get(url, {"q": word})
        assert response.status_code == 200, f"{viewset.model._meta.label}: {url}?q={word}"


def test_searching_blog_categories_finds_one_by_its_name(admin_client, locales):
    BlogCategoryFactory(name="Harbour bathing", locale=locales["da"])
    BlogCategoryFactory(name="Library hours", locale=locales["da"])
    url = reverse("wagtailsnippets_blog_blogcategory:list")
    html = admin_client.get(url, {"q": "harbour"}).content.decode()
    assert "Harbour bathing" in html
    assert "Library hours" not in html
