"""Related posts fetched for a whole list (plugins/blog/related.py) are exactly what each
post's own ``related()`` gives, in the cases the list's single query has to tell apart."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import PageViewRestriction

from plugins.blog.models import BlogPostPage, BlogPostRelated
from plugins.blog.related import attach_related
from tests.factories.blog import BlogCategoryFactory, BlogPostPageFactory

pytestmark = pytest.mark.django_db


def listed(posts) -> dict[int, list[str]]:
    """Each post's related titles as a list preload attaches them, from fresh rows."""
    pages = list(BlogPostPage.objects.filter(pk__in=[post.pk for post in posts]).order_by("pk"))
    attach_related(pages, None, {"related_posts"})
    return {page.pk: [post.title for post in page.related()] for page in pages}


def one_by_one(posts) -> dict[int, list[str]]:
    return {
        post.pk: [related.title for related in BlogPostPage.objects.get(pk=post.pk).related()]
        for post in posts
    }


def test_the_list_gives_what_each_post_gives(blog, locales):
    politics, culture = (BlogCategoryFactory(locale=locales["da"]) for _ in range(2))

    def post(title: str, day: int, categories, **kwargs) -> BlogPostPage:
        return BlogPostPageFactory(
            parent=blog,
            title=title,
            locale=locales["da"],
            date=datetime.date(2026, 3, day),
            categories=categories,
            **kwargs,
        )

    chooser = post("Chooser", 1, [politics])
    withdrawn = post("Withdrawn", 2, [politics])
    hidden = post("Hidden", 3, [politics])
    newest = post("Newest", 9, [politics])
    older = post("Older", 4, [politics, culture])
    lonely = post("Lonely", 5, [culture])
    only_withdrawn = post("Only withdrawn links", 6, [politics])
    # Named posts: one live, one unpublished (skipped); the other post names only the
    # unpublished one, so it falls back to its siblings after all.
    BlogPostRelated.objects.create(page=chooser, related=withdrawn, sort_order=0)
    BlogPostRelated.objects.create(page=chooser, related=older, sort_order=1)
    BlogPostRelated.objects.create(page=only_withdrawn, related=withdrawn, sort_order=0)
    withdrawn.unpublish()
    # A private sibling is never a candidate, though named posts need not be public.
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    posts = [chooser, newest, older, lonely, only_withdrawn, hidden]

    expected = one_by_one(posts)
    assert expected[chooser.pk] == ["Older"]
    assert expected[only_withdrawn.pk] == ["Newest", "Older", "Chooser"]
    assert "Hidden" not in expected[newest.pk]
    assert expected[lonely.pk] == ["Older"]
    assert listed(posts) == expected


def test_a_link_to_a_page_of_another_type_is_followed(blog, locales, home):
    from tests.api.conftest import add_page

    other = add_page(home("da"), "Om os")
    post = BlogPostPageFactory(parent=blog, title="Linking", locale=locales["da"])
    BlogPostRelated.objects.create(page=post, related=other, sort_order=0)
    assert one_by_one([post]) == {post.pk: ["Om os"]} == listed([post])
