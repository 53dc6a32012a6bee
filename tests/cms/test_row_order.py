"""Rows an editor ordered keep that order when code appends one without a sort order.

The admin numbers every row; the demo, imports and a shell may not. Such a row used to sort
first on SQLite and in modelcluster's in-memory lists (previews, revisions) but last on
PostgreSQL, and a related-posts list mixing the two answered 500. cms.rows.OrderedRow gives
it the next sort order when it is saved; CI runs these on both databases.
"""

from __future__ import annotations

import pytest

from cms.rows import number_unordered_rows
from plugins.blog.models import BlogPostAuthor, BlogPostRelated
from plugins.people.models import VenueRoom
from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory
from tests.factories.people import PersonFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(home):
    return BlogIndexPageFactory(parent=home("da"), title="Blog", slug="blog")


@pytest.fixture
def post(blog, locales):
    """A post whose two authors an editor put in order, then a third appended by code."""
    danish = locales["da"]
    post = BlogPostPageFactory(parent=blog, title="Tre forfattere", authors=[])
    for order, name in enumerate(["Anna Holm", "Bo Nygaard"]):
        BlogPostAuthor.objects.create(
            page=post, person=PersonFactory(name=name, locale=danish), sort_order=order
        )
    BlogPostAuthor.objects.create(
        page=post, person=PersonFactory(name="Cecilie Dam", locale=danish)
    )
    post.save_revision().publish()
    return post


def test_an_author_appended_without_a_sort_order_comes_last_in_the_api_and_the_page(client, post):
    names = ["Anna Holm", "Bo Nygaard", "Cecilie Dam"]
    v3 = client.get(f"/api/v3/pages/{post.pk}/", HTTP_HOST="dk.localhost").json()
    assert [author["name"] for author in v3["authors"]] == names
    v2 = client.get(f"/api/v2/pages/{post.pk}/", HTTP_HOST="dk.localhost").json()
    assert [author["name"] for author in v2["authors"]] == names
    html = client.get(post.url, HTTP_HOST="dk.localhost").content.decode()
    assert html.index("Anna Holm") < html.index("Bo Nygaard") < html.index("Cecilie Dam")


def test_a_preview_shows_the_authors_in_the_order_the_site_does(post):
    live = [author.person.name for author in post.authors.all()]
    previewed = post.get_latest_revision().as_object()
    assert [author.person.name for author in previewed.authors.all()] == live


def test_related_posts_mixing_ordered_and_appended_links_list_in_that_order(client, blog):
    first, second, linking = (
        BlogPostPageFactory(parent=blog, title=title) for title in ("Først", "Dernæst", "Med links")
    )
    BlogPostRelated.objects.create(page=linking, related=first, sort_order=0)
    BlogPostRelated.objects.create(page=linking, related=second)

    response = client.get(
        "/api/v2/pages/?type=blog.BlogPostPage&fields=related_posts", HTTP_HOST="dk.localhost"
    )

    assert response.status_code == 200, response.content
    (item,) = [item for item in response.json()["items"] if item["id"] == linking.pk]
    assert [related["title"] for related in item["related_posts"]] == ["Først", "Dernæst"]


def test_rows_numbered_by_code_follow_their_own_parents_siblings():
    big, small = VenueFactory(), VenueFactory()
    VenueRoom.objects.create(venue=big, name="Sal A", sort_order=4)
    VenueRoom.objects.create(venue=small, name="Mødelokale 1")
    appended = VenueRoom.objects.create(venue=big, name="Sal B")
    assert appended.sort_order == 5
    assert [room.name for room in big.rooms.all()] == ["Sal A", "Sal B"]
    assert [room.name for room in small.rooms.all()] == ["Mødelokale 1"]


def test_a_row_saved_with_named_fields_is_numbered_too():
    venue = VenueFactory()
    VenueRoom.objects.create(venue=venue, name="Sal A", sort_order=0)
    room = VenueRoom.objects.create(venue=venue, name="Sal B")
    VenueRoom.objects.filter(pk=room.pk).update(sort_order=None)
    room.sort_order = None
    room.name = "Sal C"
    room.save(update_fields=["name"])
    assert VenueRoom.objects.values_list("name", "sort_order").get(pk=room.pk) == ("Sal C", 1)


def test_the_migration_numbers_old_unordered_rows_after_their_siblings_in_saved_order():
    venue, other = VenueFactory(), VenueFactory()
    rooms = [
        VenueRoom.objects.create(venue=venue, name=name, sort_order=order)
        for order, name in [(None, "Gammel 1"), (7, "Sal"), (None, "Gammel 2")]
    ]
    lone = VenueRoom.objects.create(venue=other, name="Ene")
    # Rows from before OrderedRow, as the database holds them.
    VenueRoom.objects.filter(pk__in=[rooms[0].pk, rooms[2].pk, lone.pk]).update(sort_order=None)

    assert number_unordered_rows(VenueRoom) == 3

    assert [(room.name, room.sort_order) for room in venue.rooms.all()] == [
        ("Sal", 7),
        ("Gammel 1", 8),
        ("Gammel 2", 9),
    ]
    assert VenueRoom.objects.get(pk=lone.pk).sort_order == 0
    assert number_unordered_rows(VenueRoom) == 0
